/**
 * The workshop summary as a document to print: the same content as the Markdown summary
 * (`@accord/records`' `workshopMarkdown`) — a retro's ranked themes with discussion notes and
 * actions, a pre-mortem's risk register with mitigations and owners, an empathy map's regions,
 * insights and needs, a disagree-and-commit's decision record — as plain values. The view renders
 * every string as text, never as markup.
 */
import {
  type BlankResult,
  type DecisionResult,
  type EmpathyMapResult,
  findTemplate,
  type PreMortemResult,
  type RetroResult,
  stanceLabel,
  type StanceSummary,
  type WorkshopResult,
} from '@accord/templates'

export type PrintBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly muted?: boolean }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table'
      readonly head: readonly string[]
      readonly rows: readonly (readonly string[])[]
    }
  /** A theme, a risk, an option, a region: kept on one page when it fits. */
  | { readonly kind: 'item'; readonly title: string; readonly blocks: readonly PrintBlock[] }

export interface PrintSection {
  readonly title: string
  readonly blocks: readonly PrintBlock[]
}

export interface PrintDocument {
  readonly title: string
  readonly fields: readonly (readonly [label: string, value: string])[]
  readonly sections: readonly PrintSection[]
}

export interface PrintMeta {
  /** The board's title. */
  readonly title: string
  readonly template: string
  /** When the workshop was closed (ms since the epoch), or null while it is open. */
  readonly closedAt: number | null
  readonly printedAt: Date
  /** The decision record saved from this workshop, if any. */
  readonly decision?: { readonly id: string; readonly status: string } | null
}

type Field = readonly [string, string]
type Participant = { readonly name: string; readonly role: string }
type Action = { readonly text: string; readonly ownerName: string; readonly due: string | null }

const day = (at: number | Date) => {
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10)
}
const minute = (at: number) => {
  const date = new Date(at)
  return Number.isNaN(date.getTime())
    ? ''
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`
const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value)
const filled = (items: readonly string[]) => items.filter((item) => item.trim() !== '')

const paragraph = (text: string, muted = false): PrintBlock => ({ kind: 'paragraph', text, muted })
/** A list of user texts, or a muted line when there are none. */
const list = (items: readonly string[], empty = 'None.'): PrintBlock =>
  filled(items).length > 0 ? { kind: 'list', items: filled(items) } : paragraph(empty, true)
const text = (value: string, empty: string): PrintBlock =>
  value.trim() === '' ? paragraph(empty, true) : paragraph(value)
const section = (title: string, ...blocks: (PrintBlock | null)[]): PrintSection => ({
  title,
  blocks: blocks.filter((block): block is PrintBlock => block !== null),
})
const item = (title: string, ...blocks: (PrintBlock | null)[]): PrintBlock => ({
  kind: 'item',
  title,
  blocks: blocks.filter((block): block is PrintBlock => block !== null),
})

function people(participants: readonly Participant[]): string {
  if (participants.length === 0) return 'Nobody yet.'
  return participants
    .map((p) => `${p.name || 'Unnamed'}${p.role === 'facilitator' ? ' (facilitator)' : ''}`)
    .join(', ')
}

function actionsSection(actions: readonly Action[]): PrintSection {
  return section(
    'Action items',
    actions.length === 0
      ? paragraph('No action items.', true)
      : {
          kind: 'table',
          head: ['Action', 'Owner', 'Due'],
          rows: actions.map((action) => [action.text, action.ownerName, orDash(action.due)]),
        },
  )
}

const arrayOf = <T>(value: unknown): readonly T[] => (Array.isArray(value) ? (value as T[]) : [])

/** [PR1] The summary of a workshop's result as it stands, to print. */
export function printDocument(result: WorkshopResult, meta: PrintMeta): PrintDocument {
  const body = templateBody(result)
  const date =
    meta.closedAt === null
      ? `Not closed yet (printed ${day(meta.printedAt)})`
      : `${day(meta.closedAt)} (closed)`
  const record: Field[] = meta.decision
    ? [['Decision record', `${meta.decision.id} (${meta.decision.status})`]]
    : []
  return {
    title: meta.title.trim() || 'Untitled workshop',
    fields: [
      ['Template', findTemplate(meta.template)?.name ?? meta.template],
      ...body.details,
      ...record,
      ['Date', date],
      ['Participants', people(arrayOf<Participant>(result.participants))],
    ],
    sections: body.sections,
  }
}

interface Body {
  readonly details: readonly Field[]
  readonly sections: readonly PrintSection[]
}

function templateBody(result: WorkshopResult): Body {
  switch (result.template) {
    case 'retro':
      return retro(result as RetroResult)
    case 'pre-mortem':
      return preMortem(result as PreMortemResult)
    case 'empathy-map':
      return empathyMap(result as EmpathyMapResult)
    case 'disagree-and-commit':
      return decision(result as DecisionResult)
    case 'blank':
      return blank(result as BlankResult)
    default:
      return { details: [], sections: [actionsSection(arrayOf<Action>(result.actions))] }
  }
}

function retro(result: RetroResult): Body {
  const details: Field[] = [['Format', result.format.name]]
  if (result.team.trim() !== '') details.push(['Team', result.team])
  const themes =
    result.themes.length === 0
      ? section('Themes', paragraph('No themes: no notes were grouped.', true))
      : section(
          'Themes, ranked by votes',
          result.vote
            ? paragraph(
                `Dot vote: ${plural(result.vote.dotsPerPerson, 'dot')} per person, ${plural(result.vote.voters, 'voter')}.`,
              )
            : paragraph('The vote has not closed: themes in board order.', true),
          ...result.themes.map((theme) =>
            item(
              `${theme.rank === null ? '' : `${theme.rank}. `}${theme.name || 'Unnamed theme'}${theme.dots === null ? '' : ` — ${plural(theme.dots, 'dot')}`}`,
              list(theme.notes, 'No notes.'),
              theme.discussionNote.trim() !== ''
                ? item('Discussion', paragraph(theme.discussionNote))
                : theme.discussed
                  ? paragraph('Discussed; no notes taken.', true)
                  : null,
            ),
          ),
        )
  const sections = [themes, actionsSection(result.actions)]
  if (result.previous || result.review.length > 0) {
    sections.push(
      section(
        'Review of the last retro’s actions',
        paragraph(`Open actions from ${result.previous?.title || 'the last retro'}:`),
        result.review.length === 0
          ? paragraph('None were left open.', true)
          : {
              kind: 'table',
              head: ['Action', 'Owner', 'Due', 'Status'],
              rows: result.review.map((r) => [r.text, r.ownerName, orDash(r.due), r.status]),
            },
      ),
    )
  }
  sections.push(
    section(
      'Notes by column',
      ...result.columns.map((column) => item(column.title, list(column.notes, 'No notes.'))),
    ),
  )
  return { details, sections }
}

function preMortem(result: PreMortemResult): Body {
  const owner = result.plan?.ownerName ?? ''
  const product = (risk: PreMortemResult['risks'][number]) =>
    risk.likelihood === null || risk.impact === null ? '—' : `${risk.likelihood} × ${risk.impact}`
  const register =
    result.risks.length === 0
      ? section('Risk register', paragraph('No risks: no reasons were clustered.', true))
      : section(
          'Risk register',
          paragraph(
            result.ranking === 'scores'
              ? 'Ranked by likelihood × impact: everyone scored both from 1 to 5; the score is the product of the means.'
              : 'Ranked by dot votes (the score is the dots).',
          ),
          {
            kind: 'table',
            head: ['Rank', 'Risk', 'Score', 'Likelihood × impact', 'Mitigation', 'Owner'],
            rows: result.risks.map((risk) => [
              orDash(risk.rank),
              risk.name || 'Unnamed risk',
              orDash(risk.score),
              product(risk),
              orDash(risk.mitigation?.text),
              orDash(risk.mitigation?.ownerName),
            ]),
          },
          ...result.risks.map((risk) =>
            item(
              `${risk.rank === null ? '' : `${risk.rank}. `}${risk.name || 'Unnamed risk'}`,
              list(risk.reasons, 'No reasons.'),
              risk.mitigation
                ? paragraph(
                    `Mitigation: ${risk.mitigation.text} — owner: ${risk.mitigation.ownerName || '—'}`,
                  )
                : paragraph('No mitigation yet.', true),
            ),
          ),
        )
  return {
    details: owner ? [['Plan owner', owner]] : [],
    sections: [
      section('The plan', text(result.plan?.statement ?? '', 'No plan recorded.')),
      ...(result.prompt.trim() === '' ? [] : [section('The premise', paragraph(result.prompt))]),
      register,
      ...(result.unclustered.length === 0
        ? []
        : [section('Reasons not clustered into a risk', list(result.unclustered))]),
      actionsSection(result.actions),
    ],
  }
}

function empathyMap(result: EmpathyMapResult): Body {
  return {
    details: result.persona.trim() ? [['Persona', result.persona]] : [],
    sections: [
      section(
        'The map',
        ...result.regions.map((region) =>
          item(region.title || 'Untitled region', list(region.notes, 'No notes.')),
        ),
      ),
      section('Insights', list(result.insights)),
      section('Needs', list(result.needs)),
      actionsSection(result.actions),
    ],
  }
}

const scaleNames = {
  'fist-of-five': 'Fist of five',
  agreement: 'Agree / disagree but commit / block',
}
const anonymous = 'Anonymous'

function stanceLine(summary: StanceSummary): string {
  const parts = [plural(summary.count, 'stance')]
  if (summary.average !== null) parts.push(`average ${summary.average}`)
  parts.push(plural(summary.blocks, 'block'), `${summary.dissenting} dissenting`)
  return `${parts.join(', ')}.`
}

function decision(result: DecisionResult): Body {
  const { proposal, decision: decided } = result
  const sections: PrintSection[] = []
  sections.push(
    proposal
      ? section(
          'Proposal',
          item(proposal.title || 'Untitled proposal', text(proposal.context, 'No context given.')),
        )
      : section('Proposal', paragraph('No proposal recorded yet.', true)),
  )
  if (proposal && filled(proposal.drivers).length > 0)
    sections.push(section('Decision drivers', list(proposal.drivers)))
  if (proposal && proposal.options.length > 0) {
    sections.push(
      section(
        'Options considered',
        ...proposal.options.map((option) =>
          item(
            option.title || 'Untitled option',
            paragraph(`Pros: ${option.pros || '—'}`),
            paragraph(`Cons: ${option.cons || '—'}`),
          ),
        ),
      ),
    )
  }
  if (decided) {
    const verdict = `${decided.outcome === 'accepted' ? 'Accepted' : 'Rejected'} by ${decided.deciderName || '—'} on ${day(decided.at)}.`
    sections.push(
      section(
        'Decision',
        paragraph(
          decided.option === null ? verdict : `${verdict} Chosen option: ${decided.option}.`,
        ),
        decided.text.trim() === '' ? null : paragraph(decided.text),
        item('Rationale', text(decided.rationale, 'No rationale given.')),
        decided.consequences.trim() === ''
          ? null
          : item('Consequences', paragraph(decided.consequences)),
      ),
    )
  } else {
    sections.push(section('Decision', paragraph('Not decided yet.', true)))
  }
  if (!result.summary) {
    sections.push(section('Stances', paragraph('Not revealed yet.', true)))
  } else {
    sections.push(
      section(
        'Stances',
        paragraph(`${scaleNames[result.scale]}: ${stanceLine(result.summary)}`),
        result.stances.length === 0
          ? null
          : {
              kind: 'table',
              head: ['Participant', 'Stance', 'Reason'],
              rows: result.stances.map((s) => [
                s.name ?? anonymous,
                stanceLabel(s.value),
                s.reason,
              ]),
            },
      ),
      section(
        'Dissent',
        ...(result.dissent.length === 0
          ? [paragraph('No dissent.', true)]
          : [
              paragraph('In the dissenters’ own words:'),
              {
                kind: 'list' as const,
                items: result.dissent.map(
                  (s) =>
                    `${s.name ?? anonymous} (${stanceLabel(s.value)}): ${s.reason || '(no reason given)'}`,
                ),
              },
            ]),
      ),
    )
  }
  sections.push(
    section(
      'Commitments',
      result.commitments.length === 0
        ? paragraph('Nobody has committed yet.', true)
        : {
            kind: 'list',
            items: result.commitments.map(
              (c) => `${c.name || 'Unnamed'} — committed ${minute(c.at)}`,
            ),
          },
      result.notCommitted.length === 0
        ? paragraph('Everyone has committed.')
        : paragraph(
            `Not committed yet: ${result.notCommitted.map((p) => p.name || 'Unnamed').join(', ')}`,
          ),
    ),
    actionsSection(result.actions),
  )
  const status = decided ? decided.outcome : 'proposed — not decided yet'
  return {
    details: [
      ['Status', status],
      ['Decider', decided?.deciderName || proposal?.deciderName || '—'],
    ],
    sections,
  }
}

function blank(result: BlankResult): Body {
  const details: Field[] = result.vote
    ? [
        [
          'Dot vote',
          `${plural(result.vote.dotsPerPerson, 'dot')} per person, ${plural(result.vote.voters, 'voter')}`,
        ],
      ]
    : []
  return {
    details,
    sections: [
      ...(result.groups.length === 0
        ? []
        : [
            section(
              'Groups',
              ...result.groups.map((group) =>
                item(group.name || 'Unnamed group', list(group.notes, 'No notes.')),
              ),
            ),
          ]),
      section('Notes', list(result.notes, 'No notes.')),
      actionsSection(result.actions),
    ],
  }
}
