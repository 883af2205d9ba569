/**
 * A real Yjs client: a Y.Doc and an Awareness kept in step with the room over the protocol, as
 * the stock provider does. A few of them join every run; at the end their documents (or presence
 * states) must be identical and hold every writer's last edit.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Dialect } from './dialect.js'
import { RECORDS_MAP, shapeId } from './edits.js'
import { parseMark } from './marks.js'
import { RawClient } from './raw-client.js'
import { readMessage, SYNC_STEP_1, SYNC_STEP_2, syncMessage } from './wire.js'

export class Checker {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly client: RawClient

  constructor(url: string, dialect: Dialect) {
    this.awareness.setLocalState(null)
    this.client = new RawClient({
      url,
      dialect,
      onMessage: (body) => this.receive(body),
    })
  }

  private receive(body: Uint8Array): void {
    const message = readMessage(body)
    if (message.kind === 'sync') {
      if (message.syncType === SYNC_STEP_1) {
        this.client.send(syncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(this.doc, message.data)))
      } else {
        Y.applyUpdate(this.doc, message.data, 'server')
      }
    } else if (message.kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, 'server')
    }
  }

  /** The last seq of each writer's shape this checker has, -1 when it has none. */
  shapeSeqs(writers: number): number[] {
    const records = this.doc.getMap<{ meta?: { bench?: unknown } }>(RECORDS_MAP)
    return Array.from(
      { length: writers },
      (_, writer) => parseMark(records.get(shapeId(writer))?.meta?.bench)?.seq ?? -1,
    )
  }

  /** The last seq of each writer's presence this checker has, -1 when it has none. */
  presenceSeqs(writers: number): number[] {
    const seqs: number[] = Array.from({ length: writers }, () => -1)
    for (const state of this.awareness.getStates().values()) {
      const mark = parseMark((state as { bench?: unknown }).bench)
      if (mark && mark.writer < writers) seqs[mark.writer] = mark.seq
    }
    return seqs
  }

  /** What must be equal across checkers. */
  fingerprint(edits: 'doc' | 'presence'): string {
    if (edits === 'doc') {
      return JSON.stringify([
        [...Y.decodeStateVector(Y.encodeStateVector(this.doc))].sort(([a], [b]) => a - b),
        this.doc.getMap(RECORDS_MAP).toJSON(),
      ])
    }
    const states = [...this.awareness.getStates().entries()]
      .filter(([clientId]) => clientId !== this.doc.clientID)
      .sort(([a], [b]) => a - b)
    return JSON.stringify(states)
  }

  async close(): Promise<void> {
    await this.client.close()
    this.awareness.destroy()
    this.doc.destroy()
  }
}
