/** A blank board: no method, no layout — the facilitation tools on their own. */
import { boardGroups, initialPlan, plainText } from '@accord/facilitation'
import { z } from 'zod'
import {
  boardActions,
  carried,
  participants,
  participantSchema,
  resultActionSchema,
  resultBaseSchema,
  type ResultAction,
  type VoteSummary,
  voteSummary,
  voteSummarySchema,
} from '../result-parts.js'
import type { ResultBase, Template, WorkshopActions } from '../template.js'

export interface BlankResult extends ResultBase {
  readonly template: 'blank'
  readonly notes: readonly string[]
  readonly groups: readonly { id: string; name: string; notes: readonly string[] }[]
  readonly vote: VoteSummary
  readonly actions: readonly ResultAction[]
  readonly participants: readonly { id: string; name: string; role: string }[]
}

const blankResultSchema: z.ZodType<BlankResult> = resultBaseSchema.extend({
  template: z.literal('blank'),
  notes: z.array(z.string()),
  groups: z.array(z.object({ id: z.string(), name: z.string(), notes: z.array(z.string()) })),
  vote: voteSummarySchema,
  actions: z.array(resultActionSchema),
  participants: z.array(participantSchema),
})

const isNote = (record: unknown): record is { id: string; props: { richText?: unknown } } =>
  typeof record === 'object' &&
  record !== null &&
  (record as { typeName?: unknown }).typeName === 'shape' &&
  (record as { type?: unknown }).type === 'note'

/** The commands this template adds to its rooms. */
const actions = {} satisfies WorkshopActions

export const blank: Template<BlankResult, typeof actions> = {
  id: 'blank',
  name: 'Blank board',
  description:
    'An empty board with every facilitation tool: phases, timer, private writing, votes, locks.',
  optionFields: [],
  create: () => ({ phases: initialPlan().phases, regions: [], data: {}, anonymous: false }),
  actions,
  result(input): BlankResult {
    const notes = input.records.filter(isNote)
    const text = new Map(notes.map((note) => [note.id, plainText(note.props.richText).trim()]))
    return {
      template: 'blank',
      title: input.title,
      notes: [...text.values()],
      groups: boardGroups(input.records).map((group) => ({
        id: group.id,
        name: group.name,
        notes: group.noteIds.map((id) => text.get(id) ?? ''),
      })),
      vote: voteSummary(input.state),
      actions: boardActions(input.records),
      participants: participants(input.members),
    }
  },
  resultSchema: blankResultSchema,
  openActions: (result) => carried(result.actions),
}
