/**
 * Sync step 2 replies to the step 1s a room receives, encoded as few times as possible.
 *
 * Answering a state vector means encoding everything the document holds beyond it: for a large
 * board, a copy of the whole board. A client can send step 1s as fast as its message rate allows,
 * each with a different made-up state vector, so a room that encoded every one kept hundreds of
 * such copies alive at once. Here replies are shared instead:
 *
 * - a state vector is first reduced to what it says about the document — clocks of clients the
 *   document holds, capped at what it holds — so made-up client ids and clocks all reduce to the
 *   empty vector, whose reply is the whole document;
 * - replies are kept per document version, keyed by that reduced vector, and handed out again
 *   (the same bytes: frames built from them are shared too);
 * - at most `maxDistinct` different partial replies are encoded per version; past that a state
 *   vector gets the whole document, which Yjs accepts (content a client already has is skipped).
 *
 * So one version of the document costs at most `maxDistinct + 1` encodings, whatever is sent.
 */
import * as Y from 'yjs'
import { encodeSyncStep2 } from './protocol.js'

/** Partial replies per version: reconnecting clients in a busy room rarely need more. */
export const defaultMaxDistinctReplies = 4

/** The key of the reply that is the whole document: the reduced empty state vector. */
const WHOLE = ''

export class StepOneReplies {
  private version = -1
  private readonly replies = new Map<string, Uint8Array>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxDistinct = defaultMaxDistinctReplies,
  ) {}

  /**
   * The sync step 2 frame answering `stateVector` (decoded) at `version` of the document. The
   * caller bumps `version` on every change of the document.
   */
  replyFor(version: number, stateVector: ReadonlyMap<number, number>): Uint8Array {
    if (version !== this.version) {
      this.replies.clear()
      this.version = version
    }
    const known = this.reduce(stateVector)
    let key = keyOf(known)
    if (key !== WHOLE && !this.replies.has(key) && this.partialCount() >= this.maxDistinct) {
      key = WHOLE
    }
    let reply = this.replies.get(key)
    if (reply === undefined) {
      const update =
        key === WHOLE
          ? Y.encodeStateAsUpdate(this.doc)
          : Y.encodeStateAsUpdate(this.doc, encode(known))
      reply = encodeSyncStep2(update)
      this.replies.set(key, reply)
    }
    return reply
  }

  /**
   * What the state vector says about this document: the same reply as the vector itself, since
   * Yjs encodes, per client the document holds, the structs from the vector's clock on.
   */
  private reduce(stateVector: ReadonlyMap<number, number>): [number, number][] {
    const known: [number, number][] = []
    for (const [client, clock] of stateVector) {
      const held = Y.getState(this.doc.store, client)
      const capped = Math.min(clock, held)
      if (capped > 0) known.push([client, capped])
    }
    return known.sort((a, b) => a[0] - b[0])
  }

  private partialCount(): number {
    return this.replies.size - (this.replies.has(WHOLE) ? 1 : 0)
  }
}

function keyOf(known: readonly [number, number][]): string {
  return known.map(([client, clock]) => `${client}:${clock}`).join(',')
}

function encode(known: readonly [number, number][]): Uint8Array {
  return Y.encodeStateVector(new Map(known))
}
