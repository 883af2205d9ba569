/**
 * A retro's structured result: the notes per column, the themes ranked by their dots with what
 * was said about them, the actions with owners, and the review of the last retro's actions.
 */
import { notesByRegion, themes } from '../board.js'
import { rankBy } from '../ranking.js'
import { z } from 'zod'
import {
  boardActions,
  closedVoteDots,
  participants,
  participantSchema,
  resultActionSchema,
  resultBaseSchema,
  type ResultAction,
  type VoteSummary,
  voteSummary,
  voteSummarySchema,
} from '../result-parts.js'
import type { CarriedAction, ResultBase, ResultInput } from '../template.js'
import { retroFormat } from './formats.js'

export interface ReviewItem extends CarriedAction {
  readonly status: 'open' | 'done' | 'dropped'
}

export interface RetroData {
  readonly discussing: string | null
  /** Themes in the order they were discussed. */
  readonly discussed: readonly string[]
  /** Discussion notes by theme id. */
  readonly notes: Readonly<Record<string, string>>
  readonly review: readonly ReviewItem[]
  readonly previous: { readonly roomId: string; readonly title: string } | null
}

export interface RankedTheme {
  readonly id: string
  readonly name: string
  readonly notes: readonly string[]
  /** Dots from the closed vote; null before it closes (or if the theme was not voted on). */
  readonly dots: number | null
  readonly rank: number | null
  readonly discussed: boolean
  readonly discussionNote: string
}

export interface RetroResult extends ResultBase {
  readonly template: 'retro'
  readonly format: { readonly id: string; readonly name: string }
  readonly team: string
  readonly columns: readonly { key: string; title: string; notes: readonly string[] }[]
  readonly themes: readonly RankedTheme[]
  readonly vote: VoteSummary
  readonly actions: readonly ResultAction[]
  readonly review: readonly ReviewItem[]
  readonly previous: RetroData['previous']
  readonly participants: readonly { id: string; name: string; role: string }[]
}

export const retroResultSchema: z.ZodType<RetroResult> = resultBaseSchema.extend({
  template: z.literal('retro'),
  format: z.object({ id: z.string(), name: z.string() }),
  team: z.string(),
  columns: z.array(z.object({ key: z.string(), title: z.string(), notes: z.array(z.string()) })),
  themes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      notes: z.array(z.string()),
      dots: z.number().nullable(),
      rank: z.number().nullable(),
      discussed: z.boolean(),
      discussionNote: z.string(),
    }),
  ),
  vote: voteSummarySchema,
  actions: z.array(resultActionSchema),
  review: z.array(
    z.object({
      text: z.string(),
      ownerName: z.string(),
      due: z.string().nullable(),
      status: z.enum(['open', 'done', 'dropped']),
      id: z.string().nullable().optional(),
    }),
  ),
  previous: z.object({ roomId: z.string(), title: z.string() }).nullable(),
  participants: z.array(participantSchema),
})

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads a retro's state tolerantly: anything malformed reads as empty. */
export function readRetroData(data: Readonly<Record<string, unknown>>): RetroData {
  const notes = isObject(data.notes)
    ? Object.fromEntries(
        Object.entries(data.notes).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      )
    : {}
  const review = Array.isArray(data.review)
    ? data.review.filter(
        (item): item is ReviewItem =>
          isObject(item) &&
          typeof item.text === 'string' &&
          typeof item.ownerName === 'string' &&
          (item.due === null || typeof item.due === 'string') &&
          ['open', 'done', 'dropped'].includes(item.status as string) &&
          (item.id === undefined || item.id === null || typeof item.id === 'string'),
      )
    : []
  const previous =
    isObject(data.previous) &&
    typeof data.previous.roomId === 'string' &&
    typeof data.previous.title === 'string'
      ? { roomId: data.previous.roomId, title: data.previous.title }
      : null
  return {
    discussing: typeof data.discussing === 'string' ? data.discussing : null,
    discussed: Array.isArray(data.discussed)
      ? data.discussed.filter((id): id is string => typeof id === 'string')
      : [],
    notes,
    review,
    previous,
  }
}

/** [tpl:RE1] Themes ranked by the closed vote (ties keep board order); columns; actions; review. */
export function retroResult(input: ResultInput): RetroResult {
  const data = readRetroData(input.data)
  const format = retroFormat(typeof input.options.format === 'string' ? input.options.format : '')
  const byRegion = notesByRegion(input.records)
  const dots = closedVoteDots(input.state)
  const ranked = rankBy(themes(input.records), (theme) => dots?.get(theme.id) ?? null)
  return {
    template: 'retro',
    title: input.title,
    format: { id: format.id, name: format.name },
    team: typeof input.options.team === 'string' ? input.options.team : '',
    columns: format.columns.map((column) => ({
      key: column.key,
      title: column.title,
      notes: (byRegion.get(column.key) ?? []).map((note) => note.text),
    })),
    themes: ranked.map((theme) => ({
      id: theme.id,
      name: theme.name,
      notes: theme.notes.map((note) => note.text),
      dots: dots?.get(theme.id) ?? null,
      rank: theme.rank,
      discussed: data.discussed.includes(theme.id),
      discussionNote: data.notes[theme.id] ?? '',
    })),
    vote: voteSummary(input.state),
    actions: boardActions(input.records),
    review: data.review,
    previous: data.previous,
    participants: participants(input.members),
  }
}

/** [tpl:RE2] The theme to discuss next: the best-ranked one not yet discussed. */
export function nextTheme(result: RetroResult): RankedTheme | null {
  return result.themes.find((theme) => !theme.discussed) ?? null
}
