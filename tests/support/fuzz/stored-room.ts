/**
 * A room's document as the SQLite file holds it (tables `document_snapshots` and
 * `document_updates`, packages/db/src/schema/documents.ts), read read-only after the server has
 * stopped: the file's integrity, each stored blob decoded by Yjs on its own, and the document
 * they make together — snapshot first, then the update log in order.
 */
import * as Y from 'yjs'
import { readDatabase } from '../inspect.js'

export interface StoredRoom {
  /** `PRAGMA integrity_check`: `ok`, or SQLite's list of problems. */
  readonly integrity: string
  readonly blobs: number
  /** Stored blobs Yjs cannot decode, by where they are. */
  readonly undecodable: string[]
  /** Blobs that decode but fail to apply, in order. */
  readonly unappliable: string[]
  readonly doc: Y.Doc
}

export function readStoredRoom(dbPath: string, roomId: string): StoredRoom {
  const { integrity, rows } = readDatabase(dbPath, (db) => {
    const snapshot = db
      .prepare('SELECT data FROM document_snapshots WHERE room_id = ?')
      .all(roomId) as { data: Buffer }[]
    const updates = db
      .prepare('SELECT seq, data FROM document_updates WHERE room_id = ? ORDER BY seq')
      .all(roomId) as { seq: number; data: Buffer }[]
    return {
      integrity: (db.pragma('integrity_check', { simple: true }) as string) ?? '',
      rows: [
        ...snapshot.map((row) => ({ where: 'snapshot', data: new Uint8Array(row.data) })),
        ...updates.map((row) => ({
          where: `update seq ${row.seq}`,
          data: new Uint8Array(row.data),
        })),
      ],
    }
  })
  const undecodable: string[] = []
  const unappliable: string[] = []
  const doc = new Y.Doc()
  for (const row of rows) {
    try {
      Y.decodeUpdate(row.data)
    } catch (error) {
      undecodable.push(`${row.where}: ${String(error)}`)
      continue
    }
    try {
      Y.applyUpdate(doc, row.data)
    } catch (error) {
      unappliable.push(`${row.where}: ${String(error)}`)
    }
  }
  return { integrity, blobs: rows.length, undecodable, unappliable, doc }
}
