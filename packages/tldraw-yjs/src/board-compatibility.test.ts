import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardProblem, schemaProblem } from './board-compatibility.js'
import { boardSchema } from './layout-records.js'
import { META_MAP, SCHEMA_KEY } from './store-binding.js'
import { tldraw5Schema } from './testing/tldraw-5-board.js'

describe('which stored boards this tldraw opens', () => {
  it('boards written with this schema, or an older one, open', () => {
    expect(schemaProblem(boardSchema())).toBeNull()
    const older = structuredClone(createTLSchema().serialize())
    older.sequences['com.tldraw.shape.note'] = 1
    older.sequences['com.tldraw.shape.geo'] = 3
    expect(schemaProblem(older)).toBeNull()
  })

  it('a board written by tldraw 5.4.2 is refused, naming what is newer', () => {
    const problem = schemaProblem(tldraw5Schema)
    expect(problem).toContain('com.tldraw.shape.note 13 (here 9)')
    expect(problem).toContain('com.tldraw.user (unknown here)')
  })

  it('a schema that is not one is refused', () => {
    for (const bad of [
      null,
      'schema',
      { schemaVersion: 2 },
      { schemaVersion: 2, sequences: { x: -1 } },
    ])
      expect(schemaProblem(bad)).not.toBeNull()
  })

  it('reads the schema a board document keeps; a new board has none yet', () => {
    const doc = new Y.Doc()
    expect(boardProblem(doc)).toBeNull()
    doc.getMap(META_MAP).set(SCHEMA_KEY, boardSchema())
    expect(boardProblem(doc)).toBeNull()
    doc.getMap(META_MAP).set(SCHEMA_KEY, tldraw5Schema)
    expect(boardProblem(doc)).toMatch(/^newer records: /)
  })
})
