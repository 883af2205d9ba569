/**
 * One hostile peer: a raw socket that sends seeded hostile frames to a room, reconnecting
 * whenever the server closes it, and checks each close against what the frame deserved.
 *
 * After every frame it sends a sync step 1 and waits for the answer (or the close), so each
 * outcome belongs to exactly one frame. It keeps what the server sends it in `seen`, to build
 * its next updates on, and paces itself well below the server's message rate.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { SyncType, syncFrame } from '../frames.js'
import { openRawSocket, type RawSocket } from '../raw-socket.js'
import type { CloseInfo } from '../yjs-client.js'
import { waitFor } from '../wait.js'
import {
  type AttackContext,
  type FrameKind,
  type HostileFrame,
  hostileFrame,
} from './hostile-frames.js'
import type { Rng } from './prng.js'

/** Documented close codes a hostile peer may get (README, "Sync protocol"). */
export const CLOSE = {
  tooBig: 1009,
  internalError: 1011,
  malformed: 4400,
  tooManyMessages: 4429,
  tooManyConnections: 4503,
} as const

/** Closes that a limit may cause at any moment, whatever the frame. */
const limitCloses: readonly number[] = [CLOSE.tooManyMessages, CLOSE.tooManyConnections]

export interface FrameRecord {
  readonly attacker: string
  readonly index: number
  readonly kind: FrameKind
  readonly expect: HostileFrame['expect']
  readonly hex: string
  /** `open`, or the close the frame caused. */
  outcome: 'open' | CloseInfo
}

export interface AttackerOptions {
  readonly name: string
  readonly wsUrl: string
  readonly roomId: string
  readonly token: string
  readonly rng: Rng
  readonly honestIds: readonly number[]
  readonly maxMessageBytes: number
  /** Least time between two frames on one connection (each frame is followed by a sync step 1). */
  readonly pacingMs: number
  readonly only?: ReadonlySet<FrameKind>
}

export class Attacker {
  readonly seen = new Y.Doc()
  readonly authorIds: readonly number[]
  readonly records: FrameRecord[] = []
  /** Everything that went against the rules, as readable sentences. */
  readonly violations: string[] = []
  /** Closes observed, by code. */
  readonly closes = new Map<number, number>()
  /** Permission-denied messages received. */
  denials = 0

  private readonly options: AttackerOptions
  private readonly sent: Uint8Array[] = []
  private readonly awarenessId: number
  private socket: RawSocket | null = null
  private answers = 0
  /**
   * This connection has sent a presence state that may be nested too deep to re-encode. The
   * server applies presence later, from its inbox, so it may refuse such a state (4400 'invalid
   * presence state') after answering the sync step 1 that followed it: during a later frame.
   */
  private deepPresenceSent = false

  get name(): string {
    return this.options.name
  }

  constructor(options: AttackerOptions) {
    this.options = options
    this.authorIds = [options.rng.clientId(), options.rng.clientId(), options.rng.clientId()]
    this.awarenessId = options.rng.clientId()
  }

  /** Sends one frame (by default a drawn hostile one) and checks what became of it. */
  async send(frame: HostileFrame = hostileFrame(this.context(), this.options.only)): Promise<void> {
    const socket = await this.connected()
    if (!socket) return
    const record: FrameRecord = {
      attacker: this.options.name,
      index: this.records.length,
      kind: frame.kind,
      expect: frame.expect,
      hex: hex(frame.data),
      outcome: 'open',
    }
    this.records.push(record)
    if (frame.kind === 'odd-awareness' && frame.expect === 'anything') this.deepPresenceSent = true
    const started = Date.now()
    const answersBefore = this.answers
    socket.ws.send(frame.data)
    if (frame.expect === 'harmless' || frame.expect === 'anything') {
      socket.ws.send(syncFrame(SyncType.Step1, Y.encodeStateVector(this.seen)))
    }
    const closed = await this.settle(socket, answersBefore, frame.expect)
    if (closed) {
      record.outcome = closed
      this.judgeClose(record, closed)
    } else {
      if (frame.expect === 'malformed' || frame.expect === 'too-big') {
        this.violations.push(`${describe(record)} was not refused`)
      }
      if (frame.update) this.remember(frame.update)
    }
    const rest = this.options.pacingMs - (Date.now() - started)
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest))
  }

  /** Sends `count` drawn frames, one after the other. */
  async run(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.send()
  }

  async disconnect(): Promise<void> {
    const socket = this.socket
    this.socket = null
    if (!socket) return
    socket.ws.close(1000)
    await socket.closed
  }

  context(): AttackContext {
    return {
      rng: this.options.rng,
      seen: this.seen,
      authorIds: this.authorIds,
      awarenessId: this.awarenessId,
      honestIds: this.options.honestIds,
      maxMessageBytes: this.options.maxMessageBytes,
      sent: this.sent,
    }
  }

  /** Resolves with the close, or null once the sync step 1 after the frame has been answered. */
  private async settle(
    socket: RawSocket,
    answersBefore: number,
    expect: HostileFrame['expect'],
  ): Promise<CloseInfo | null> {
    let closed: CloseInfo | null = null
    void socket.closed.then((info) => (closed = info))
    const closes = expect === 'malformed' || expect === 'too-big'
    try {
      await waitFor(() => closed !== null || (!closes && this.answers > answersBefore), {
        what: `${this.options.name}'s frame to be answered`,
      })
    } catch (error) {
      this.violations.push(`${String(error)} (last frame: ${this.records.at(-1)?.kind})`)
      socket.ws.terminate()
      await socket.closed
    }
    if (closed !== null) this.socket = null
    return closed
  }

  private judgeClose(record: FrameRecord, closed: CloseInfo): void {
    this.closes.set(closed.code, (this.closes.get(closed.code) ?? 0) + 1)
    if (limitCloses.includes(closed.code)) return
    if (closed.code === CLOSE.internalError) {
      // Reported once per attacker: the server's log says why, and it breaks every connection.
      if (this.closes.get(closed.code) === 1) {
        this.violations.push(`the room broke (1011 ${closed.reason}) under ${describe(record)}`)
      }
      return
    }
    if (
      closed.code === CLOSE.malformed &&
      closed.reason === 'invalid presence state' &&
      this.deepPresenceSent
    ) {
      return // the deferred refusal of a state sent before (see `deepPresenceSent`)
    }
    const allowed: Record<HostileFrame['expect'], readonly number[]> = {
      malformed: [CLOSE.malformed],
      'too-big': [CLOSE.tooBig],
      harmless: [],
      anything: [CLOSE.malformed, CLOSE.tooBig],
    }
    if (!allowed[record.expect].includes(closed.code)) {
      this.violations.push(`${describe(record)} closed the connection with ${closed.code}`)
    } else if (closed.code === CLOSE.malformed && closed.reason === '') {
      this.violations.push(`${describe(record)} was refused without a reason`)
    }
  }

  /** An open connection that has joined the room, or null if the server keeps refusing. */
  private async connected(): Promise<RawSocket | null> {
    if (this.socket) return this.socket
    for (let attempt = 0; attempt < 20; attempt++) {
      const socket = await openRawSocket(this.options.wsUrl, this.options.roomId, {
        token: this.options.token,
      })
      socket.ws.on('message', (data: Buffer, isBinary) => {
        if (isBinary) this.receive(new Uint8Array(data))
        else this.violations.push(`${this.options.name} received a text frame`)
      })
      let refused: CloseInfo | null = null
      void socket.closed.then((info) => (refused = info))
      // The room answers a join with its sync step 1: from then on frames go to the room.
      await waitFor(() => refused !== null || socket.received.length > 0, {
        what: `${this.options.name} to join`,
      })
      if (refused === null) {
        this.socket = socket
        this.deepPresenceSent = false
        return socket
      }
      const info: CloseInfo = refused
      this.closes.set(info.code, (this.closes.get(info.code) ?? 0) + 1)
      if (info.code === CLOSE.internalError) continue // the room broke: it reloads on the next try
      if (!limitCloses.includes(info.code)) {
        this.violations.push(`${this.options.name} could not connect: ${info.code} ${info.reason}`)
        return null
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)))
    }
    this.violations.push(`${this.options.name} was refused 20 times in a row`)
    return null
  }

  /** Every frame from the server must be one well-formed message; updates are kept in `seen`. */
  private receive(frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame)
      const type = decoding.readVarUint(decoder)
      if (type === 0) {
        const syncType = decoding.readVarUint(decoder)
        const data = decoding.readVarUint8Array(decoder)
        if (syncType === SyncType.Step2 || syncType === SyncType.Update) {
          Y.decodeUpdate(data)
          this.see(data)
        } else if (syncType === SyncType.Step1) {
          Y.decodeStateVector(data)
        } else throw new Error(`sync message type ${syncType}`)
        if (syncType === SyncType.Step2) this.answers++
      } else if (type === 1) {
        decoding.readVarUint8Array(decoder)
      } else if (type === 2) {
        decoding.readVarUint(decoder)
        decoding.readVarString(decoder)
        this.denials++
      } else throw new Error(`message type ${type}`)
      if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    } catch (error) {
      this.violations.push(
        `the server sent ${this.options.name} a bad frame (${String(error)}): ${hex(frame).slice(0, 200)}`,
      )
    }
  }

  /** Keeps what the server sent; a failure here would only blur this attacker's own view. */
  private see(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.seen, update, 'server')
    } catch {
      // Yjs cannot always apply a valid update to a partial copy; the room is judged elsewhere.
    }
  }

  private remember(update: Uint8Array): void {
    this.sent.push(update)
    if (this.sent.length > 16) this.sent.shift()
  }
}

function describe(record: FrameRecord): string {
  return `${record.attacker} frame #${record.index} (${record.kind}, ${record.expect})`
}

function hex(data: Uint8Array | string): string {
  if (typeof data === 'string') return `text:${JSON.stringify(data)}`
  return Buffer.from(data).toString('hex')
}
