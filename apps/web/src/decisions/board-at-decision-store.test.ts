import {
  baseBoardRecords,
  boardSchema,
  FIRST_PAGE_ID,
  META_MAP,
  noteRecord,
  RECORDS_MAP,
} from '@accord/tldraw-yjs'
import type { TLNoteShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { keptBoardStore } from './board-at-decision-store'

/** A board as the server keeps one: its records and schema, encoded as one Yjs update. */
function keptUpdate(text: string, schema: unknown = boardSchema()): Uint8Array {
  const doc = new Y.Doc()
  const note = noteRecord({
    id: 'shape:kept',
    text,
    x: 0,
    y: 0,
    parentId: FIRST_PAGE_ID,
    index: 'a1',
    color: 'yellow',
    author: null,
  })
  doc.transact(() => {
    doc.getMap(META_MAP).set('schema', schema)
    for (const record of [...baseBoardRecords(), note])
      doc.getMap(RECORDS_MAP).set(record.id, record)
  })
  return Y.encodeStateAsUpdate(doc)
}

describe('the board kept with a decision, loaded for the record page', () => {
  it('[rec:BS1] reads the kept records through the board binding, with no connection', () => {
    const kept = keptBoardStore(keptUpdate('Friday deploys broke prod'))
    expect(kept.ok).toBe(true)
    if (!kept.ok) return
    const note = kept.store.get('shape:kept' as TLNoteShape['id']) as TLNoteShape | undefined
    expect(JSON.stringify(note?.props.richText)).toContain('Friday deploys broke prod')
    expect(kept.store.get(FIRST_PAGE_ID as TLNoteShape['parentId'])).toBeDefined()
  })

  it('[rec:BS1] says so when the kept bytes are not a board it can read', () => {
    expect(keptBoardStore(Uint8Array.from([255, 255, 255]))).toEqual({
      ok: false,
      error: 'The kept board could not be read.',
    })
    const newer = { schemaVersion: 2, sequences: { 'com.tldraw.shape.note': 999 } }
    expect(keptBoardStore(keptUpdate('From the future', newer)).ok).toBe(false)
  })
})
