/** A blank board: no method, no layout — the facilitation tools on their own. */
import { boardGroups, initialPlan, plainText } from '@accord/facilitation'
import {
  boardActions,
  carried,
  participants,
  type ResultAction,
  voteSummary,
} from '../result-parts.js'
import type { Template, WorkshopResult } from '../template.js'

export interface BlankResult extends WorkshopResult {
  readonly template: 'blank'
  readonly notes: readonly string[]
  readonly groups: readonly { id: string; name: string; notes: readonly string[] }[]
  readonly vote: { dotsPerPerson: number; voters: number } | null
  readonly actions: readonly ResultAction[]
  readonly participants: readonly { id: string; name: string; role: string }[]
}

const isNote = (record: unknown): record is { id: string; props: { richText?: unknown } } =>
  typeof record === 'object' &&
  record !== null &&
  (record as { typeName?: unknown }).typeName === 'shape' &&
  (record as { type?: unknown }).type === 'note'

export const blank: Template = {
  id: 'blank',
  name: 'Blank board',
  description:
    'An empty board with every facilitation tool: phases, timer, private writing, votes, locks.',
  optionFields: [],
  create: () => ({ phases: initialPlan().phases, regions: [], data: {}, anonymous: false }),
  actions: {},
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
  openActions: (result) => carried((result as BlankResult).actions),
}
