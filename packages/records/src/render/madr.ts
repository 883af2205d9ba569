/**
 * [rec:RN2] One decision record as a MADR file (https://adr.github.io/madr/): YAML front matter with
 * MADR 4's fields (`status`, `date`, `decision-makers`, `consulted`, `informed`), MADR 3's name
 * for the deciders (`deciders`) and `tags`; then the title, the same metadata as the list
 * log4brains reads after the title (`* Status: …`, MADR 2 with its patch), and MADR's sections.
 * What only Accord knows — the workshop and its board, participants, stances, dissent,
 * commitments, supersedes / superseded by, the status history — is under "More Information".
 *
 * Every list uses MADR's `*` (MADR's markdownlint configuration wants one marker per file). A
 * record it supersedes or that supersedes it is linked by its MADR file name (rec:RN6), as ADR
 * tools follow it, when the caller says which records those are.
 *
 * The front matter ends with a blank line before its closing `---`: YAML does not mind, and a
 * renderer that does not know front matter (log4brains) then shows it as a paragraph between two
 * rules instead of reading it as a heading that would hide log4brains' metadata list.
 */
import { afterDecision, ledgerLine, notCommitted } from '../decisions.js'
import type { DecisionRecord, RecordedStance } from '../model.js'
import { madrFileName, type MadrNamed } from './madr-filename.js'
import { mdBlock, mdLine, mdListItem, textLines } from './markdown.js'
import { boardLink, isoMinute, templateName } from './meta.js'
import { yamlList, yamlString } from './yaml.js'

const anonymous = 'Anonymous'
const DAY = /^\d{4}-\d{2}-\d{2}$/

export interface MadrLinks {
  /**
   * The records this one names (the one it supersedes, the one that superseded it), so that the
   * file links to theirs; a record not given is named by its id only.
   */
  readonly related?: readonly (MadrNamed & { readonly id: string })[]
  /** The instance's address, for a board link that works outside Accord (see `ExportMeta`). */
  readonly origin?: string | null
}

/** Another record, as a link to its MADR file when known, else its id. */
type Reference = (id: string) => { readonly text: string; readonly markdown: string }

function references(links: MadrLinks): Reference {
  const files = new Map((links.related ?? []).map((other) => [other.id, madrFileName(other)]))
  return (id) => {
    const file = files.get(id)
    // The file name is ASCII letters, digits and dashes: safe as it is in a link destination.
    return file === undefined
      ? { text: id, markdown: mdLine(id) }
      : { text: `[${id}](${file})`, markdown: `[${mdLine(id)}](${file})` }
  }
}

/** The status as MADR and log4brains write it: `superseded by DR-13` names the successor. */
function status(record: DecisionRecord, reference: Reference) {
  if (record.status !== 'superseded' || !record.supersededBy)
    return { text: record.status, markdown: mdLine(record.status) }
  const successor = reference(record.supersededBy)
  return {
    text: `superseded by ${successor.text}`,
    markdown: `superseded by ${successor.markdown}`,
  }
}

export function madrMarkdown(record: DecisionRecord, links: MadrLinks = {}): string {
  const reference = references(links)
  // The title right under the front matter, as in MADR's template: adr-log takes the first line
  // after the front matter as the title.
  return `${frontMatter(record, reference)}\n${[
    `# ${mdLine(record.title) || 'Untitled decision'}`,
    headerList(record, reference),
    section('Context and Problem Statement', mdBlock(record.context) || '_No context recorded._'),
    section('Decision Drivers', bullets(record.drivers) || '_None recorded._'),
    section(
      'Considered Options',
      bullets(record.options.map((option) => option.title)) || '_No options were listed._',
    ),
    section('Decision Outcome', outcome(record)),
    `### Consequences\n\n${mdBlock(record.consequences) || '_None recorded._'}`,
    record.options.length === 0
      ? ''
      : section('Pros and Cons of the Options', ...prosAndCons(record)),
    section('More Information', ...moreInformation(record, reference, links.origin ?? null)),
  ]
    .filter((block) => block !== '')
    .join('\n\n')}\n`
}

function frontMatter(record: DecisionRecord, reference: Reference): string {
  const fields: [string, string][] = [
    ['status', yamlString(status(record, reference).text)],
    ['date', DAY.test(record.date) ? record.date : yamlString(record.date)],
    ['decision-makers', yamlList(record.decisionMakers)],
    ['deciders', yamlList(record.decisionMakers)],
    ['consulted', yamlList(record.consulted)],
    ['informed', yamlList(record.informed)],
    ['tags', yamlList(record.tags)],
  ]
  return ['---', ...fields.map(([key, value]) => `${key}: ${value}`), '', '---'].join('\n')
}

/**
 * log4brains' metadata list: one line each, names escaped. log4brains splits tags at spaces and
 * commas (and lowercases them), so each tag is written with those as dashes to stay one tag.
 */
function headerList(record: DecisionRecord, reference: Reference): string {
  const names = (items: readonly string[]) => items.map((item) => mdLine(item)).join(', ')
  const tags = record.tags.map((tag) => tag.trim().replace(/[\s,]+/g, '-'))
  return [
    `* Status: ${status(record, reference).markdown}`,
    `* Date: ${mdLine(record.date)}`,
    `* Deciders: ${names(record.decisionMakers)}`,
    `* Tags: ${names(tags)}`,
  ]
    .map((line) => line.trimEnd())
    .join('\n')
}

const section = (title: string, ...blocks: string[]) =>
  [`## ${title}`, ...blocks].filter((block) => block !== '').join('\n\n')

/** A list of user texts. */
const bullets = (items: readonly string[]) =>
  items
    .filter((item) => item.trim() !== '')
    .map((item) => mdListItem(item, '', '*'))
    .join('\n')

function outcome(record: DecisionRecord): string {
  const acknowledged = mdBlock(record.acknowledgment)
  return [
    chosenOutcome(record),
    acknowledged ? `Accepted over a block; how it was heard:\n\n${acknowledged}` : '',
  ]
    .filter((block) => block !== '')
    .join('\n\n')
}

function chosenOutcome(record: DecisionRecord): string {
  const decision = mdBlock(record.decision)
  const rationale = mdBlock(record.rationale)
  if (record.chosenOption !== null) {
    const because = rationale || 'no rationale was recorded.'
    const chosen = `Chosen option: "${mdLine(record.chosenOption)}", because ${because}`
    return [chosen, decision].filter((block) => block !== '').join('\n\n')
  }
  if (!decision)
    return record.status === 'proposed' ? '_Not decided yet._' : '_No decision text recorded._'
  return [decision, rationale ? `Because:\n\n${rationale}` : '']
    .filter((b) => b !== '')
    .join('\n\n')
}

/** Each line of an option's pros is a "Good, because …", of its cons a "Bad, because …". */
function prosAndCons(record: DecisionRecord): string[] {
  const items = (text: string, lead: string) =>
    textLines(text)
      .filter((line) => line.trim() !== '')
      .map((line) => mdListItem(line, lead, '*'))
  return record.options.map((option) => {
    const lines = [...items(option.pros, 'Good, because '), ...items(option.cons, 'Bad, because ')]
    return [
      `### ${mdLine(option.title) || 'Untitled option'}`,
      lines.length > 0 ? lines.join('\n') : '_No pros or cons recorded._',
    ].join('\n\n')
  })
}

const stanceItem = (stance: RecordedStance) =>
  mdListItem(
    stance.reason,
    `**${mdLine(stance.name ?? anonymous) || anonymous}** (${mdLine(stance.stance)})${stance.reason.trim() ? ': ' : ''}`,
    '*',
  )

function moreInformation(
  record: DecisionRecord,
  reference: Reference,
  origin: string | null,
): string[] {
  const { source } = record
  const path = boardLink(source.roomId, origin)
  const facts = [
    `* **Decision record:** ${mdLine(record.id)}`,
    `* **Workshop:** ${mdLine(source.workshopTitle) || 'Untitled workshop'} (${mdLine(templateName(source.template))}), board [${path}](${path})`,
  ]
  if (source.shapeIds.length > 0)
    facts.push(`* **Board shapes:** ${source.shapeIds.map((id) => mdLine(id)).join(', ')}`)
  if (record.supersedes) facts.push(`* **Supersedes:** ${reference(record.supersedes).markdown}`)
  if (record.supersededBy)
    facts.push(`* **Superseded by:** ${reference(record.supersededBy).markdown}`)

  const pending = notCommitted(record)
  const sub = (title: string, ...blocks: string[]) =>
    [`### ${title}`, ...blocks].filter((block) => block !== '').join('\n\n')
  return [
    facts.join('\n'),
    sub('Participants', bullets(record.participants) || '_None recorded._'),
    sub('Stances', record.stances.map(stanceItem).join('\n') || '_None recorded._'),
    sub(
      'Dissent',
      record.dissent.length === 0 ? '_No dissent._' : 'In the dissenters’ own words:',
      record.dissent.map(stanceItem).join('\n'),
    ),
    sub(
      'Commitments',
      record.commitments
        .map((c) => {
          const late = afterDecision(record, c)
          return `* ${mdLine(c.name) || 'Unnamed'} — committed ${isoMinute(c.at)}${late ? `, ${late}` : ''}`
        })
        .join('\n') || '_Nobody has committed._',
      pending.length === 0
        ? ''
        : `**Not committed:** ${pending.map((name) => mdLine(name) || 'Unnamed').join(', ')}`,
    ),
    // [rec:LG1] How it was reached and what came after, as it happened.
    record.ledger.length === 0
      ? ''
      : sub(
          'Ledger',
          record.ledger
            .map((event) => mdListItem(ledgerLine(event), `${isoMinute(event.at)} — `, '*'))
            .join('\n'),
        ),
    record.history.length === 0
      ? ''
      : sub(
          'Status history',
          record.history
            .map((event) => {
              const by = event.by === null ? '' : ` by ${mdLine(event.by)}`
              const colon = event.note.trim() ? ': ' : ''
              return mdListItem(
                event.note,
                `${isoMinute(event.at)} — ${event.status}${by}${colon}`,
                '*',
              )
            })
            .join('\n'),
        ),
  ]
}
