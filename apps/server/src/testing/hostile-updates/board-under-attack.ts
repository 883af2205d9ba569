/**
 * The room a hostile-update fuzz run attacks, as the server would have set it up: a board with
 * template regions (frames and their prompts, fixed for participants), one frame locked by the
 * facilitator, notes inside and outside, tldraw's schema record, and server-owned room state
 * (phases, locks, an open vote, anonymity, the workshop).
 */
import {
  baseBoardRecords,
  boardSchema,
  FIRST_PAGE_ID,
  layoutRecords,
  noteRecord,
} from '@accord/tldraw-yjs'
import * as Y from 'yjs'
import { Rng } from './rng.js'

export const RECORDS = 'tldraw:records'
export const META = 'tldraw:meta'
export const ROOM_STATE = 'accord:room'

export interface BoardUnderAttack {
  /** The whole seeded document, as the server stores it. */
  readonly update: Uint8Array
  /** Records a participant may not change: the layout, the locked frame and everything in it. */
  readonly lockedIds: readonly string[]
  /** Notes anyone may move. */
  readonly freeNoteIds: readonly string[]
}

const rules = { boardEditing: true, privateWriting: false, reveal: 'none', voting: true }

export function boardUnderAttack(seed: number): BoardUnderAttack {
  const rng = new Rng(seed)
  const doc = new Y.Doc()
  // Fixed ids: Yjs orders concurrent items by client id, so a replay needs the same ones.
  doc.clientID = 1 + rng.int(0x7fff_ffff)
  const records = doc.getMap<unknown>(RECORDS)
  let next = 0
  const newId = () => `s${seed}-${next++}`
  const base = baseBoardRecords()
  const regions = ['start', 'stop'].map((key, i) => ({
    key,
    title: key,
    prompt: `What should we ${key}?`,
    ...{ x: i * 600, y: 0, w: 560, h: 500, color: 'blue' },
    notes: [{ text: `seeded ${key}`, meta: {} }],
  }))
  const layout = layoutRecords(regions, FIRST_PAGE_ID, base, newId)
  const frames = layout.records.filter((r) => r.typeName === 'shape' && r.type === 'frame')
  const lockedFrame = frames[1]?.id ?? ''
  const notes = Array.from({ length: 6 }, (_, i) =>
    noteRecord({
      id: `shape:note-${i}`,
      text: `note ${i}`,
      ...{ x: rng.int(1000), y: 600 + rng.int(400), index: `a${i + 2}` },
      // Two notes sit in the locked frame; the rest on the page.
      parentId: i < 2 ? lockedFrame : FIRST_PAGE_ID,
      color: 'yellow',
      author: `user:m${i}`,
    }),
  )
  doc.transact(() => {
    for (const record of [...base, ...layout.records, ...notes]) records.set(record.id, record)
    doc.getMap(META).set('schema', boardSchema())
    const state = doc.getMap<unknown>(ROOM_STATE)
    state.set('plan', {
      phases: [{ id: 'write', name: 'Write', instructions: '', rules }],
      currentIndex: 0,
    })
    state.set('locks', { board: false, frames: [lockedFrame], layout: [...layout.layoutIds] })
    state.set('settings', { anonymous: true })
    state.set('vote', { id: 'v1', itemIds: notes.map((n) => n.id), dotsPerPerson: 3, open: true })
    state.set('workshop', { template: 'retro', options: {}, data: {}, closedAt: null })
  })
  const inLockedFrame = (record: { parentId?: unknown }) => record.parentId === lockedFrame
  const lockedIds = new Set([...layout.layoutIds, lockedFrame])
  for (const record of [...layout.records, ...notes]) {
    if (inLockedFrame(record as { parentId?: unknown })) lockedIds.add(record.id)
  }
  return {
    update: Y.encodeStateAsUpdate(doc),
    lockedIds: [...lockedIds],
    freeNoteIds: notes.filter((n) => !lockedIds.has(n.id)).map((n) => n.id),
  }
}
