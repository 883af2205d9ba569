/**
 * Edits a stock tldraw client would send: one sticky note, moved, its whole record set again in
 * `tldraw:records` (as the web app does). The records come from `browser/note-records.ts`, which
 * the browser scenario proves tldraw accepts, so a server that validates board records stores and
 * relays these — the hostile scenarios measure the server's work, not a refusal.
 */
import * as Y from 'yjs'
import { noteRecords, RECORDS_MAP } from '../../browser/note-records.js'
import { SYNC_UPDATE, syncMessage } from '../wire.js'

export class NoteMover {
  private readonly doc = new Y.Doc()
  private readonly records: Y.Map<unknown>
  private readonly note: Record<string, unknown>
  private update: Uint8Array | null = null
  private moves = 0

  /** `slot` picks the note (its id and index key); `clientId` is the writer's own. */
  constructor(slot: number, clientId: number) {
    this.doc.clientID = clientId
    this.records = this.doc.getMap(RECORDS_MAP)
    const note = noteRecords(slot + 1, slot)[slot]
    if (!note) throw new Error(`no note record for slot ${slot}`)
    this.note = { ...note, id: `shape:hostile-${slot}` }
    this.doc.on('update', (update: Uint8Array) => (this.update = update))
  }

  /** The next move as a sync update message; `mark` goes in the record's `meta`. */
  next(mark = ''): Uint8Array {
    const step = this.moves++
    this.records.set(this.note.id as string, {
      ...this.note,
      x: (step % 40) * 10,
      y: Math.floor(step / 40) * 10,
      meta: mark === '' ? {} : { bench: mark },
    })
    const update = this.update
    if (!update) throw new Error('the move produced no update')
    this.update = null
    return syncMessage(SYNC_UPDATE, update)
  }

  destroy(): void {
    this.doc.destroy()
  }
}
