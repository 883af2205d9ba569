/**
 * The workshop summary (`summary/document.ts`) as Markdown. People's text is escaped here, at the
 * edge (see `markdown.ts`): the summary's structure is Accord's alone.
 */
import type { WorkshopResult } from '@accord/templates'
import { type UnreadableResult, workshopSummary } from '../summary/build.js'
import type { Block, Line, Run, Section, SummaryDocument } from '../summary/document.js'
import type { SummaryMeta } from '../summary/parts.js'
import { mdBlock, mdCell, mdLine, mdListItem } from './markdown.js'

/** [rec:RN1] A workshop's summary as Markdown. */
export function workshopMarkdown(
  result: WorkshopResult | UnreadableResult,
  meta: SummaryMeta,
): string {
  return summaryMarkdown(workshopSummary(result, meta))
}

export function summaryMarkdown(document: SummaryDocument): string {
  const header = [
    `# ${runs([document.title])}`,
    document.fields.map(([label, value]) => `- **${label}:** ${runs(value)}`).join('\n'),
  ].join('\n\n')
  return `${paragraphs([header, ...document.sections.map(section)])}\n`
}

/** Blocks joined by blank lines, empty ones left out. */
const paragraphs = (blocks: readonly string[]) => blocks.filter((b) => b !== '').join('\n\n')

function section(part: Section): string {
  return paragraphs([`## ${part.title}`, ...part.blocks.map((b) => block(b, 1))])
}

/** `depth` 1 is a section's own block: its items are headings; deeper items, bold labels. */
function block(part: Block, depth: number): string {
  switch (part.kind) {
    case 'line':
      return part.muted ? `_${runs(part.line)}_` : runs(part.line)
    case 'text':
      return mdBlock(part.text) || (part.empty ? block(part.empty, depth) : '')
    case 'list':
      return part.items.map((item) => mdListItem(item.text ?? '', runs(item.lead ?? []))).join('\n')
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map((c) => mdCell(c)).join(' | ')} |`
      return [
        row(part.head),
        `|${part.head.map(() => ' --- |').join('')}`,
        ...part.rows.map(row),
      ].join('\n')
    }
    case 'item': {
      const title = depth === 1 ? `### ${runs(part.title)}` : `**${runs(part.title)}:**`
      return paragraphs([title, ...part.blocks.map((b) => block(b, depth + 1))])
    }
  }
}

function runs(line: Line): string {
  return line.map(run).join('')
}

function run(part: Run): string {
  if (typeof part === 'string') return part
  if ('user' in part) return mdLine(part.user) || (part.fallback ?? '')
  if ('strong' in part) return `**${runs(part.strong)}**`
  if ('em' in part) return `_${runs(part.em)}_`
  return `[${runs(part.link)}](${part.href})`
}
