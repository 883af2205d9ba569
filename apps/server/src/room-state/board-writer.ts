import { revealPositions } from '@accord/facilitation'
import type { RoomRegistry } from '@accord/sync'
import {
  firstPageId,
  indicesOnTop,
  type NoteColor,
  noteRecord,
  RECORDS_MAP,
} from '@accord/tldraw-yjs'
import { randomBytes } from 'node:crypto'
import { SERVER_ORIGIN } from './room-states.js'
import { withRoom } from './with-room.js'

export interface NewNote {
  readonly text: string
  readonly color: NoteColor
  /** `user:<id>` for tldraw's attribution label, or null for no author. */
  readonly author: string | null
}

/**
 * Writes onto a room's board on the server's behalf — under the room document's own Yjs client
 * id, which belongs to no participant. Like every update, it is stored before anyone receives it.
 */
export class BoardWriter {
  constructor(private readonly registry: RoomRegistry) {}

  /** Places notes, in order, in a grid below what is already on the first page; their ids. */
  async addNotes(roomId: string, notes: readonly NewNote[]): Promise<string[]> {
    if (notes.length === 0) return []
    return withRoom(this.registry, roomId, async (room) => {
      const records = room.doc.getMap<unknown>(RECORDS_MAP)
      const existing = [...records.values()]
      const pageId = firstPageId(existing)
      const onPage = existing.flatMap((record) => {
        const shape = record as { typeName?: unknown; parentId?: unknown; x?: unknown; y?: unknown }
        return shape.typeName === 'shape' &&
          shape.parentId === pageId &&
          typeof shape.x === 'number' &&
          typeof shape.y === 'number'
          ? [{ x: shape.x, y: shape.y }]
          : []
      })
      const positions = revealPositions(onPage, notes.length)
      const indices = indicesOnTop(existing, pageId, notes.length)
      const ids = notes.map(() => `shape:${randomBytes(12).toString('base64url')}`)
      room.doc.transact(() => {
        notes.forEach((note, i) => {
          const at = positions[i] ?? { x: 0, y: 0 }
          const record = noteRecord({
            id: ids[i] ?? '',
            text: note.text,
            x: at.x,
            y: at.y,
            parentId: pageId,
            index: indices[i] ?? 'a1',
            color: note.color,
            author: note.author,
            meta: { revealed: true },
          })
          records.set(record.id, record)
        })
      }, SERVER_ORIGIN)
      await room.flushed()
      return ids
    })
  }
}
