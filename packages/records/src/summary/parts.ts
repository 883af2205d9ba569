/**
 * The pieces every workshop summary shares: the header's fields (template, date, board link,
 * participants) and the action items.
 */
import type { BlankResult } from '@accord/templates'
import { boardLink, type ExportMeta, isoDay, templateName } from '../render/meta.js'
import { joined, type Line, muted, orDash, section, type Section, table, user } from './document.js'

export type Action = BlankResult['actions'][number]
export type Participant = BlankResult['participants'][number]

/** What a summary says about the workshop besides its result. */
export interface SummaryMeta extends ExportMeta {
  /** The decision record saved from this workshop, if the caller shows it. */
  readonly decision?: {
    readonly id: string
    readonly status: string
    /** The record that superseded it, if one has. */
    readonly supersededBy?: string | null
  } | null
}

/** "DR-12 (accepted)", "DR-12 (superseded by DR-14)". */
function recordStatus(decision: NonNullable<SummaryMeta['decision']>): string {
  const status =
    decision.status === 'superseded' && decision.supersededBy
      ? `superseded by ${decision.supersededBy}`
      : decision.status
  return `${decision.id} (${status})`
}

/** People as one line: names, the facilitators marked. */
export function people(participants: readonly Participant[]): Line {
  if (participants.length === 0) return [{ em: ['Nobody yet.'] }]
  return joined(
    participants.map((p) => [
      user(p.name, 'Unnamed'),
      ...(p.role === 'facilitator' ? [' (facilitator)'] : []),
    ]),
    ', ',
  )
}

/**
 * The header's fields: the template (and any details the template adds), the decision record,
 * the day it closed, the board, who took part.
 */
export function headerFields(
  meta: SummaryMeta,
  participants: readonly Participant[],
  details: readonly (readonly [label: string, value: Line])[],
): (readonly [string, Line])[] {
  const path = boardLink(meta.roomId, meta.origin)
  const record: [string, Line][] = meta.decision
    ? [['Decision record', [recordStatus(meta.decision)]]]
    : []
  return [
    ['Template', [user(templateName(meta.template))]],
    ...details,
    ...record,
    ['Date', [meta.closedAt === null ? 'not closed yet' : `${isoDay(meta.closedAt)} (closed)`]],
    ['Board', [{ link: [path], href: path }]],
    ['Participants', people(participants)],
  ]
}

/** The action items: each with its one owner, due date and where its follow-up stands. */
export function actionsSection(
  actions: readonly (Pick<Action, 'text' | 'ownerName' | 'due'> & {
    readonly status?: Action['status']
  })[],
): Section {
  return section(
    'Action items',
    actions.length === 0
      ? muted('No action items.')
      : table(
          ['Action', 'Owner', 'Due', 'Status'],
          actions.map((action) => [
            action.text,
            action.ownerName,
            orDash(action.due),
            // Its follow-up as the action-item store has it (fac:AI4); a pre-mortem's mitigation
            // is followed up on `/actions` only.
            action.status ? actionStatusLabels[action.status] : '—',
          ]),
        ),
  )
}

const actionStatusLabels = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const
