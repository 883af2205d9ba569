/**
 * Pieces every template's result shares: the board's action items, the closed vote's dots per
 * item, and the people who took part.
 */
import { type ActionItemStatus, actionItems, type RoomState } from '@accord/facilitation'
import { z } from 'zod'
import type { CarriedAction, Member } from './template.js'

export interface ResultAction {
  readonly shapeId: string
  readonly text: string
  readonly ownerId: string
  readonly ownerName: string
  readonly due: string | null
  /** Its follow-up as the server last wrote it onto the note (fac:AI4). */
  readonly status: ActionItemStatus
  readonly id: string | null
}

export const resultActionSchema = z.object({
  shapeId: z.string(),
  text: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  due: z.string().nullable(),
  // Results stored before the board carried the follow-up read as open and unsaved.
  status: z.enum(['open', 'done', 'dropped']).default('open'),
  id: z.string().nullable().default(null),
}) satisfies z.ZodType<ResultAction>

export const participantSchema = z.object({ id: z.string(), name: z.string(), role: z.string() })

export type VoteSummary = { readonly dotsPerPerson: number; readonly voters: number } | null

export const voteSummarySchema = z
  .object({ dotsPerPerson: z.number(), voters: z.number() })
  .nullable() satisfies z.ZodType<VoteSummary>

/** The fields every result has, as a schema each template's result schema extends. */
export const resultBaseSchema = z.object({ title: z.string() })

export function boardActions(records: readonly unknown[]): ResultAction[] {
  return actionItems(records).map(({ shapeId, text, ownerId, ownerName, due, status, id }) => ({
    shapeId,
    text,
    ownerId,
    ownerName,
    due,
    status,
    id,
  }))
}

/** Dots per item once the latest vote has closed; null while none has. */
export function closedVoteDots(state: RoomState): Map<string, number> | null {
  const vote = state.vote
  if (!vote || vote.status !== 'closed' || !vote.results) return null
  return new Map(vote.results.map((result) => [result.itemId, result.dots]))
}

export function voteSummary(state: RoomState): VoteSummary {
  const vote = state.vote
  return vote && vote.status === 'closed'
    ? { dotsPerPerson: vote.dotsPerPerson, voters: vote.voters ?? 0 }
    : null
}

/** Who took part (facilitators and participants; viewers only watched). */
export function participants(members: readonly Member[]) {
  return members
    .filter((member) => member.role !== 'viewer')
    .map((member) => ({ id: member.id, name: member.name, role: member.role }))
}

/** What a later workshop carries of each action: its words, owner, due date, and stored id. */
export function carried(items: readonly CarriedAction[]): CarriedAction[] {
  return items.map(({ text, ownerName, due, id }) => ({
    text,
    ownerName,
    due,
    ...(id ? { id } : {}),
  }))
}
