import { Store } from '@tldraw/store'
import { createTLSchema, type TLRecord, type TLStore } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import {
  baseBoardRecords,
  boardSchema,
  FIRST_PAGE_ID,
  gridInRegion,
  layoutRecords,
  PROMPT_HEIGHT,
  regionText,
  regionTextHeight,
} from './layout-records.js'
import { makeStore } from './testing/stores.js'

const regions = [
  {
    key: 'start',
    title: 'Start',
    prompt: 'What should we start doing?',
    x: 0,
    y: 0,
    w: 520,
    h: 760,
    color: 'green',
  },
  {
    key: 'review',
    title: 'Last actions',
    prompt: 'Done or not?',
    x: 600,
    y: 0,
    w: 520,
    h: 300,
    color: 'grey',
    notes: Array.from({ length: 5 }, (_, i) => ({
      text: `Action ${i}`,
      meta: { ownerName: 'Ada' },
    })),
  },
]

let n = 0
const newId = () => `id${n++}`

describe('layout records made outside an editor', () => {
  it('[tly:LY2] are accepted by tldraw’s own schema: frames, locked prompts and seed notes', () => {
    const store = makeStore()
    const layout = layoutRecords(regions, FIRST_PAGE_ID, store.allRecords(), newId)
    expect(() => store.put([...layout.records])).not.toThrow()
    const shapes = store.allRecords().filter((r) => r.typeName === 'shape')
    expect(shapes.filter((s) => s.type === 'frame').map((s) => s.meta.region)).toEqual([
      'start',
      'review',
    ])
    const prompts = shapes.filter((s) => s.type === 'text')
    expect(prompts.every((p) => p.isLocked)).toBe(true)
    expect(layout.layoutIds).toHaveLength(4)
    const seeds = shapes.filter((s) => s.type === 'note')
    expect(seeds).toHaveLength(5)
    const review = shapes.find((s) => s.meta.region === 'review')!
    expect(seeds.every((s) => s.parentId === review.id)).toBe(true)
    // The review region grew to show all its notes.
    expect((review.props as { h: number }).h).toBeGreaterThan(300)
  })

  it('[tly:LY2] a region content text is accepted too, and sized to its lines', () => {
    const store = makeStore()
    const layout = layoutRecords(regions, FIRST_PAGE_ID, store.allRecords(), newId)
    store.put([...layout.records])
    const frame = layout.records.find((r) => r.typeName === 'shape' && r.type === 'frame')!
    const text = 'Move the ledger\n\nDecides: Ada\nAccepted by Ada'
    const content = regionText({
      id: 'shape:content',
      text,
      parentId: frame.id,
      index: 'a5',
      y: PROMPT_HEIGHT,
      w: 472,
      meta: { regionContent: 'start' },
      look: 'content',
    })
    expect(() => store.put([content])).not.toThrow()
    expect(regionTextHeight(text, 472)).toBe(4 * 24 + 16)
    expect(regionTextHeight('x'.repeat(200), 472)).toBe(4 * 24 + 16) // 52 characters a line
  })

  it('[tly:LY2] start a board that a client loads as is (document, page and schema)', () => {
    const store = new Store({ schema: createTLSchema(), props: makeStore().props }) as TLStore
    const records: TLRecord[] = [
      ...baseBoardRecords(),
      ...layoutRecords(regions, FIRST_PAGE_ID, [], newId).records,
    ]
    const snapshot = {
      store: Object.fromEntries(records.map((r) => [r.id, r])),
      schema: boardSchema(),
    }
    const migrated = store.schema.migrateStoreSnapshot(snapshot as never)
    expect(migrated.type).toBe('success')
    expect(() => store.put(records)).not.toThrow()
  })

  it('[tly:LY1] place notes in rows under the prompt, below what is there, growing the region', () => {
    const empty = gridInRegion([], 3, { w: 520, h: 400 })
    expect(empty.positions.map((p) => p.y)).toEqual([
      PROMPT_HEIGHT + 24,
      PROMPT_HEIGHT + 24,
      PROMPT_HEIGHT + 264,
    ])
    expect(empty.positions[0]!.x).toBeLessThan(empty.positions[1]!.x)
    expect(empty.height).toBeGreaterThanOrEqual(empty.positions[2]!.y + 200)
    const below = gridInRegion([{ y: 300 }], 1, { w: 520, h: 2000 })
    expect(below.positions[0]!.y).toBe(540)
    expect(below.height).toBe(2000)
  })
})
