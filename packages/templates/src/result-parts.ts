/**
 * Pieces every template's result shares: the board's action items, the closed vote's dots per
 * item, and the people who took part.
 */
import { actionItems, type RoomState } from '@accord/facilitation'
import { z } from 'zod'
import type { CarriedAction, Member } from './template.js'

export interface ResultAction {
  readonly shapeId: string
  readonly text: string
  readonly ownerId: string
  readonly ownerName: string
  readonly due: string | null
}

export const resultActionSchema = z.object({
  shapeId: z.string(),
  text: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  due: z.string().nullable(),
}) satisfies z.ZodType<ResultAction>

export const participantSchema = z.object({ id: z.string(), name: z.string(), role: z.string() })

export type VoteSummary = { readonly dotsPerPerson: number; readonly voters: number } | null

export const voteSummarySchema = z
  .object({ dotsPerPerson: z.number(), voters: z.number() })
  .nullable() satisfies z.ZodType<VoteSummary>

/** The fields every result has, as a schema each template's result schema extends. */
export const resultBaseSchema = z.object({ title: z.string() })

export function boardActions(records: readonly unknown[]): ResultAction[] {
  return actionItems(records).map(({ shapeId, text, ownerId, ownerName, due }) => ({
    shapeId,
    text,
    ownerId,
    ownerName,
    due,
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

export function carried(items: readonly CarriedAction[]): CarriedAction[] {
  return items.map(({ text, ownerName, due }) => ({ text, ownerName, due }))
}
