/**
 * What the decision pages show and may do with a record: its status and the changes people may
 * make to it (by `@accord/records`' own rules, the server's too, so only possible actions are
 * offered), the board link back to where it was decided, and the supersede form's values both ways.
 */
import { changeStatus, checkSupersedable } from '@accord/records'
import {
  type ConsideredOption,
  type DecisionRecord,
  type DecisionStatus,
  decisionStatuses,
  type RecordedStance,
  type SupersedeChanges,
} from '../api/records'
import { boardFocusPath, boardPath } from '../app/routes'

export const statusLabels: Readonly<Record<DecisionStatus, string>> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  superseded: 'Superseded',
}

/** What the button for a change to each status says. */
const changeLabels: Readonly<Record<DecisionStatus, string>> = {
  proposed: 'Propose again',
  accepted: 'Accept',
  rejected: 'Reject',
  superseded: 'Supersede',
}

/**
 * Status changes a facilitator may make directly: those the records' rule (`changeStatus`)
 * allows from the record's status. Superseding needs a new record (`canSupersede`).
 */
export function statusChanges(
  record: DecisionRecord,
): readonly { readonly to: DecisionStatus; readonly label: string }[] {
  const event = { by: null, at: '', note: '' }
  return decisionStatuses
    .filter((to) => changeStatus(record, to, event).ok)
    .map((to) => ({ to, label: changeLabels[to] }))
}

/** Can a new record replace this one? The records' rule (`checkSupersedable`) says. */
export function canSupersede(record: DecisionRecord): boolean {
  return checkSupersedable(record).ok
}

/** The board, opened at the region the record came from (or just the board if none is known). */
export function boardLinkOf(record: Pick<DecisionRecord, 'source'>): string {
  const shape = record.source.shapeIds[0]
  return shape ? boardFocusPath(record.source.roomId, shape) : boardPath(record.source.roomId)
}

/** Who took a stance, as shown: anonymous rooms record no names. */
export function stanceName(stance: Pick<RecordedStance, 'name'>): string {
  return stance.name ?? 'Anonymous'
}

/** The supersede form, as text fields: lists one per line (drivers) or comma-separated (names). */
export interface SupersedeForm {
  readonly title: string
  readonly context: string
  readonly drivers: string
  readonly options: readonly ConsideredOption[]
  /** '' when no option is chosen. */
  readonly chosenOption: string
  readonly decision: string
  readonly rationale: string
  readonly consequences: string
  readonly decisionMakers: string
  readonly consulted: string
  readonly informed: string
  readonly tags: string
  /** Why it is superseded, kept in the original's history. */
  readonly note: string
}

/** The form prefilled with the record's content, ready to amend. */
export function supersedeFormFrom(record: DecisionRecord): SupersedeForm {
  return {
    title: record.title,
    context: record.context,
    drivers: record.drivers.join('\n'),
    options: record.options.map((option) => ({ ...option })),
    chosenOption: record.chosenOption ?? '',
    decision: record.decision,
    rationale: record.rationale,
    consequences: record.consequences,
    decisionMakers: record.decisionMakers.join(', '),
    consulted: record.consulted.join(', '),
    informed: record.informed.join(', '),
    tags: record.tags.join(', '),
    note: '',
  }
}

/** Non-empty lines, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Comma- or line-separated names, trimmed, without blanks or repeats. */
export function splitNames(text: string): string[] {
  const names = text
    .split(/[,\n]/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '')
  return [...new Set(names)]
}

export type SupersedeInput =
  | { readonly ok: true; readonly changes: SupersedeChanges }
  | { readonly ok: false; readonly field: keyof SupersedeForm; readonly message: string }

/** The new record's content from the form, or what is missing. */
export function supersedeChanges(form: SupersedeForm): SupersedeInput {
  const title = form.title.trim()
  if (title === '') return { ok: false, field: 'title', message: 'Give the decision a title.' }
  const decision = form.decision.trim()
  if (decision === '') return { ok: false, field: 'decision', message: 'Say what is decided.' }
  const options = form.options
    .map((option) => ({
      title: option.title.trim(),
      pros: option.pros.trim(),
      cons: option.cons.trim(),
    }))
    .filter((option) => option.title !== '')
  const chosen = form.chosenOption.trim()
  if (chosen !== '' && !options.some((option) => option.title === chosen))
    return {
      ok: false,
      field: 'chosenOption',
      message: 'The chosen option must be one of the options considered.',
    }
  const decisionMakers = splitNames(form.decisionMakers)
  if (decisionMakers.length === 0)
    return { ok: false, field: 'decisionMakers', message: 'Name who decides.' }
  return {
    ok: true,
    changes: {
      title,
      context: form.context.trim(),
      drivers: splitLines(form.drivers),
      options,
      chosenOption: chosen === '' ? null : chosen,
      decision,
      rationale: form.rationale.trim(),
      consequences: form.consequences.trim(),
      decisionMakers,
      consulted: splitNames(form.consulted),
      informed: splitNames(form.informed),
      tags: splitNames(form.tags),
      note: form.note.trim(),
    },
  }
}
