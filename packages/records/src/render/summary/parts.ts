/**
 * The pieces every workshop summary shares: the header (title, template, date, board link,
 * participants), tables, lists, and the action items. User text is escaped here, at the edge;
 * the Markdown the summaries add themselves (headings, bold labels) is written literally.
 */
import type { BlankResult } from '@accord/templates'
import { mdBlock, mdCell, mdLine, mdListItem } from '../markdown.js'
import { boardPath, type ExportMeta, isoDay, templateName } from '../meta.js'

export type Action = BlankResult['actions'][number]
export type Participant = BlankResult['participants'][number]

/** Blocks joined by blank lines (empty ones left out), ending with one newline. */
export function markdownDocument(blocks: readonly string[]): string {
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

/** A heading (`level` #s) over user text, with a fallback when the text is blank. */
export function heading(level: number, text: string, fallback = 'Untitled'): string {
  return `${'#'.repeat(level)} ${mdLine(text) || fallback}`
}

/** A titled section: its heading, then its blocks. */
export function section(title: string, ...blocks: string[]): string {
  return [`## ${title}`, ...blocks].filter((block) => block !== '').join('\n\n')
}

/** A list of user texts, or `empty` (already Markdown) when there are none. */
export function list(items: readonly string[], empty = '_None._'): string {
  const texts = items.filter((item) => item.trim() !== '')
  return texts.length > 0 ? texts.map((item) => mdListItem(item)).join('\n') : empty
}

/** Paragraphs of user text, or `empty` (already Markdown) when it is blank. */
export function paragraphs(text: string, empty = ''): string {
  return mdBlock(text) || empty
}

/** A GFM table; every cell is user text (or a value Accord formats) and is escaped. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => mdCell(cell)).join(' | ')} |`
  return [line(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n')
}

/** A value or a dash, for table cells. */
export const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value)

/** People as one line: names, the facilitators marked. */
export function people(participants: readonly Participant[]): string {
  if (participants.length === 0) return '_Nobody yet._'
  return participants
    .map((p) => `${mdLine(p.name) || 'Unnamed'}${p.role === 'facilitator' ? ' (facilitator)' : ''}`)
    .join(', ')
}

/**
 * The summary's header: the title, then what, when and where — the template (and any details the
 * template adds, given as label → Markdown), the day it closed, the board, who took part.
 */
export function header(
  meta: ExportMeta,
  participants: readonly Participant[],
  details: readonly (readonly [label: string, markdown: string])[] = [],
): string {
  const date = meta.closedAt === null ? 'not closed yet' : `${isoDay(meta.closedAt)} (closed)`
  const path = boardPath(meta.roomId)
  const fields: (readonly [string, string])[] = [
    ['Template', mdLine(templateName(meta.template))],
    ...details,
    ['Date', date],
    ['Board', `[${path}](${path})`],
    ['Participants', people(participants)],
  ]
  return [
    heading(1, meta.title, 'Untitled workshop'),
    fields.map(([label, value]) => `- **${label}:** ${value}`).join('\n'),
  ].join('\n\n')
}

/** The action items: each with its one owner and due date. */
export function actionsSection(actions: readonly Action[]): string {
  return section(
    'Action items',
    actions.length === 0
      ? '_No action items._'
      : table(
          ['Action', 'Owner', 'Due'],
          actions.map((action) => [action.text, action.ownerName, orDash(action.due)]),
        ),
  )
}

/** "1 dot", "3 dots". */
export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`
