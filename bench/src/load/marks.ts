/**
 * Every edit carries a mark, `~bm~<writer>.<seq>.<sentAtUs>~`, as a string inside the record or
 * the presence state. A receiver finds marks with `Buffer.indexOf` on the raw frame — whatever
 * the server did to the update (merged, re-encoded, wrapped), a string value survives verbatim —
 * so thousands of clients in one process can time every delivery without decoding Yjs.
 *
 * Writers, receivers and clock are all in the generator process: `performance.now()` is the one
 * clock, so a latency is arrival minus the send time written in the mark.
 */
const PREFIX = Buffer.from('~bm~')
const DOT = 0x2e
const TILDE = 0x7e
const ZERO = 0x30
const NINE = 0x39

export function nowUs(): number {
  return Math.round(performance.now() * 1000)
}

export function formatMark(writer: number, seq: number, sentAtUs: number): string {
  return `~bm~${writer}.${seq}.${sentAtUs}~`
}

export interface Mark {
  readonly writer: number
  readonly seq: number
  readonly sentAtUs: number
}

/** The mark in a string (a record's or presence state's field), or null. */
export function parseMark(text: unknown): Mark | null {
  if (typeof text !== 'string') return null
  const match = /^~bm~(\d+)\.(\d+)\.(\d+)~$/.exec(text)
  if (!match) return null
  return { writer: Number(match[1]), seq: Number(match[2]), sentAtUs: Number(match[3]) }
}

/** Calls `onMark` for every well-formed mark in a frame. */
export function scanMarks(
  frame: Buffer,
  onMark: (writer: number, seq: number, sentAtUs: number) => void,
): void {
  let at = frame.indexOf(PREFIX)
  while (at !== -1) {
    let i = at + PREFIX.length
    const fields = [0, 0, 0]
    let field = 0
    let digits = 0
    let ok = false
    for (; i < frame.length; i++) {
      const byte = frame[i] as number
      if (byte >= ZERO && byte <= NINE) {
        fields[field] = (fields[field] as number) * 10 + (byte - ZERO)
        digits += 1
      } else if (byte === DOT && field < 2 && digits > 0) {
        field += 1
        digits = 0
      } else {
        ok = byte === TILDE && field === 2 && digits > 0
        break
      }
    }
    if (ok) onMark(fields[0] as number, fields[1] as number, fields[2] as number)
    at = frame.indexOf(PREFIX, i)
  }
}

/**
 * Which measured edits reached which receiver. Each receiver has a bitmap of (writer, seq), so a
 * repeated edit (an echo, a resent state) is counted and timed once.
 */
export class DeliveryLedger {
  /** Per writer, the first seq of the measured window (until the window opens: never). */
  readonly firstMeasured: Int32Array
  private readonly seen: Uint8Array
  private readonly capacity: number
  delivered = 0

  constructor(
    private readonly writers: number,
    receivers: number,
    seqCapacity: number,
  ) {
    this.firstMeasured = new Int32Array(writers).fill(0x7fffffff)
    this.capacity = seqCapacity
    this.seen = new Uint8Array(receivers * writers * seqCapacity)
  }

  /** Records a delivery; returns whether it is a first, measured one to time. */
  record(receiver: number, self: number, writer: number, seq: number): boolean {
    if (writer === self || writer >= this.writers || seq >= this.capacity) return false
    if (seq < (this.firstMeasured[writer] as number)) return false
    const slot = (receiver * this.writers + writer) * this.capacity + seq
    if (this.seen[slot] === 1) return false
    this.seen[slot] = 1
    this.delivered += 1
    return true
  }
}
