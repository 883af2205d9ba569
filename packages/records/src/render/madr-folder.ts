/**
 * [rec:RN7] The decision log as a folder of MADR files, as ADR tools keep one (adr-tools, MADR's
 * `docs/decisions`, adr-log, log4brains): one file per record, named by `madrFileName`, each linking
 * the records it supersedes or that supersede it by their files; and an `index.md` listing every
 * record in number order with its status — superseded ones pointing at their successor — between
 * adr-log's markers, so that the tool can keep it up to date once the folder lives in a repository.
 */
import type { DecisionRecord } from '../model.js'
import { madrFileName } from './madr-filename.js'
import { madrMarkdown } from './madr.js'
import { mdLine } from './markdown.js'

export interface FolderFile {
  /** A name inside the folder: `index.md`, `0012-primary-database-for-the-ledger.md`. */
  readonly name: string
  readonly text: string
}

/** `origin`: the instance's address, for board links that work outside Accord. */
export function madrFolder(
  records: readonly DecisionRecord[],
  origin: string | null = null,
): FolderFile[] {
  const inOrder = [...records].sort((a, b) => a.number - b.number)
  const files = inOrder.map((record) => ({
    name: madrFileName(record),
    text: madrMarkdown(record, { related: inOrder, origin }),
  }))
  return [{ name: 'index.md', text: index(inOrder) }, ...files]
}

function index(records: readonly DecisionRecord[]): string {
  const byId = new Map(records.map((record) => [record.id, record]))
  const item = (record: DecisionRecord) => {
    const successor = record.supersededBy === null ? undefined : byId.get(record.supersededBy)
    const status =
      record.status === 'superseded' && record.supersededBy !== null
        ? `superseded by ${successor ? `[${mdLine(successor.id)}](${madrFileName(successor)})` : mdLine(record.supersededBy)}`
        : record.status
    const title = mdLine(record.title) || 'Untitled decision'
    return `* [${mdLine(record.id)}](${madrFileName(record)}) ${title} — ${status}, ${mdLine(record.date)}`
  }
  return `${[
    '# Decision log',
    'Decision records kept by Accord, one MADR file each, in the order they were made.',
    // adr-log's markers: `adr-log -i index.md` rewrites the list between them in its own form.
    '<!-- adrlog -->',
    records.length === 0 ? '_No decisions recorded._' : records.map(item).join('\n'),
    '<!-- adrlogstop -->',
  ].join('\n\n')}\n`
}
