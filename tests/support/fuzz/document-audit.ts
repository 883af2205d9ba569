/**
 * What a room document holds, struct by struct: which client ids wrote into which root, whether
 * the board's records hold nested types, and whether Yjs is keeping content it could not apply
 * (its dependencies missing). Read from Yjs' own struct store, so nothing the document holds
 * escapes it — deleted content included, until it is garbage-collected. And every record the
 * board holds, checked as the server checks each one a client writes (`boardRecordProblem`).
 */
import { boardRecordProblem, RECORDS_MAP } from '@accord/tldraw-yjs'
import * as Y from 'yjs'

export interface DocumentAudit {
  /** For every root with content: the client ids that wrote into it. */
  readonly writersByRoot: ReadonlyMap<string, ReadonlySet<number>>
  /** Items of `tldraw:records` inside a nested type (the rules allow plain values only). */
  readonly nestedRecordItems: number
  /** Bytes Yjs holds back because their dependencies are missing (structs and deletions). */
  readonly pendingBytes: number
  /** What is wrong with each record of the board tldraw would refuse (none, if all is well). */
  readonly invalidRecords: readonly string[]
}

export function auditDocument(doc: Y.Doc): DocumentAudit {
  const writersByRoot = new Map<string, Set<number>>()
  let nestedRecordItems = 0
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue
      const place = placeOf(struct)
      if (place === null) continue
      const writers = writersByRoot.get(place.root) ?? new Set<number>()
      writers.add(client)
      writersByRoot.set(place.root, writers)
      if (place.root === RECORDS_MAP && place.nested) nestedRecordItems++
    }
  }
  const invalidRecords: string[] = []
  doc.getMap<unknown>(RECORDS_MAP).forEach((record, id) => {
    const problem = boardRecordProblem(id, record)
    if (problem !== null) invalidRecords.push(problem)
  })
  const { pendingStructs, pendingDs } = doc.store
  return {
    writersByRoot,
    nestedRecordItems,
    pendingBytes: (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0),
    invalidRecords,
  }
}

/** The root an integrated item belongs to, and whether it sits inside a nested type. */
function placeOf(item: Y.Item): { root: string; nested: boolean } | null {
  let type: unknown = item.parent
  let nested = false
  while (type instanceof Y.AbstractType) {
    const owner: Y.Item | null = type._item
    if (owner === null) return { root: Y.findRootTypeKey(type), nested }
    nested = true
    type = owner.parent
  }
  return null // garbage-collected parent: the item holds nothing any more
}

/** Client ids that wrote into a root starting with `prefix`. */
export function writersUnder(audit: DocumentAudit, prefix: string): Set<number> {
  const writers = new Set<number>()
  for (const [root, ids] of audit.writersByRoot) {
    if (root.startsWith(prefix)) for (const id of ids) writers.add(id)
  }
  return writers
}

/** Client ids that wrote into any root but `root`. */
export function writersOutside(audit: DocumentAudit, root: string): Set<number> {
  const writers = new Set<number>()
  for (const [name, ids] of audit.writersByRoot) {
    if (name !== root) for (const id of ids) writers.add(id)
  }
  return writers
}

/** Every client id with an item anywhere in the document. */
export function allWriters(audit: DocumentAudit): Set<number> {
  return writersUnder(audit, '')
}
