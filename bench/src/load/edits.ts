/**
 * The edits a writer sends: what a whiteboard client sends while someone drags a shape (a whole
 * tldraw record set again in the `tldraw:records` map, as Accord's board does) or moves their
 * cursor (a tldraw presence state). Each carries its mark (`marks.ts`).
 */
import * as Y from 'yjs'
import { indexKeys } from '../browser/note-records.js'
import { formatMark, nowUs } from './marks.js'
import { awarenessMessage, SYNC_UPDATE, syncMessage } from './wire.js'

export const RECORDS_MAP = 'tldraw:records'

export function shapeId(writer: number): string {
  return `shape:bench-${writer}`
}

/**
 * The writer's shape's index key: valid fractional keys (`a1`…`az`, `b01`…), since a key such as
 * `a10` (a fraction ending in 0) is one tldraw refuses.
 */
let keys: string[] = []
function indexKey(writer: number): string {
  if (writer >= keys.length) keys = indexKeys(Math.max(writer + 1, 2 * keys.length))
  return keys[writer] as string
}

/** A writer with its own small document: it sees only its own edits, which is all it needs. */
export class ShapeWriter {
  private readonly doc: Y.Doc
  private readonly records: Y.Map<unknown>
  private update: Uint8Array | null = null
  private seq = 0

  constructor(
    private readonly writer: number,
    clientId: number,
    private readonly origin: { x: number; y: number },
  ) {
    this.doc = new Y.Doc()
    this.doc.clientID = clientId
    this.records = this.doc.getMap(RECORDS_MAP)
    this.doc.on('update', (update: Uint8Array) => (this.update = update))
  }

  get nextSeq(): number {
    return this.seq
  }

  get clientId(): number {
    return this.doc.clientID
  }

  /** This writer's clock: a document holds its first `clock` updates (one clock per edit). */
  get clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID)
  }

  /** The next edit, as a sync message: the shape moved a little further along its circle. */
  next(): Uint8Array {
    const seq = this.seq++
    const angle = seq / 10
    this.records.set(shapeId(this.writer), {
      id: shapeId(this.writer),
      typeName: 'shape',
      type: 'geo',
      x: Math.round(this.origin.x + 100 * Math.cos(angle)),
      y: Math.round(this.origin.y + 100 * Math.sin(angle)),
      rotation: 0,
      index: indexKey(this.writer),
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
      props: {
        geo: 'rectangle',
        w: 120,
        h: 80,
        color: 'yellow',
        labelColor: 'black',
        fill: 'solid',
        dash: 'draw',
        size: 'm',
        font: 'draw',
        // tldraw 3's empty label: one empty paragraph (a server that validates records needs it).
        richText: { type: 'doc', content: [{ type: 'paragraph' }] },
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        scale: 1,
      },
      meta: { bench: formatMark(this.writer, seq, nowUs()) },
    })
    const update = this.update
    if (!update) throw new Error('the edit produced no update')
    this.update = null
    return syncMessage(SYNC_UPDATE, update)
  }

  destroy(): void {
    this.doc.destroy()
  }
}

/** A user whose cursor moves: one awareness state per edit, with a growing clock. */
export class PresenceWriter {
  private seq = 0

  constructor(
    private readonly writer: number,
    private readonly clientId: number,
    private readonly origin: { x: number; y: number },
  ) {}

  get nextSeq(): number {
    return this.seq
  }

  next(): Uint8Array {
    const seq = this.seq++
    const name = `user ${this.writer}`
    const state = {
      user: { name, color: '#e03131' },
      presence: {
        typeName: 'instance_presence',
        id: `instance_presence:bench-${this.writer}`,
        userId: `user:bench-${this.writer}`,
        userName: name,
        lastActivityTimestamp: Date.now(),
        color: '#e03131',
        camera: { x: 0, y: 0, z: 1 },
        selectedShapeIds: [],
        currentPageId: 'page:page',
        brush: null,
        scribbles: [],
        screenBounds: { x: 0, y: 0, w: 1280, h: 800 },
        followingUserId: null,
        cursor: {
          x: Math.round(this.origin.x + 50 * Math.cos(seq)),
          y: Math.round(this.origin.y + 50 * Math.sin(seq)),
          type: 'default',
          rotation: 0,
        },
        chatMessage: '',
        meta: {},
      },
      bench: formatMark(this.writer, seq, nowUs()),
    }
    return awarenessMessage(this.clientId, seq + 1, JSON.stringify(state))
  }
}
