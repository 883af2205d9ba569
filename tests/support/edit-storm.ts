/**
 * An edit storm: stock clients in one room, each making its own uniquely named edits — `client-7:12`
 * — at a steady pace, alternately pushed onto a shared Y.Array and set as keys of a shared Y.Map,
 * while servers come and go underneath them. Each client records what it wrote, so a test can tell
 * whether every edit reached a document, and whether any arrived twice.
 */
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { waitFor } from './wait.js'
import { type TestClient } from './yjs-client.js'

export const STORM_ARRAY = 'storm-items'
export const STORM_MAP = 'storm-entries'

/** Even edit numbers are array items, odd ones map keys (whose value is the number). */
function parseEdit(id: string): { author: string; n: number } | null {
  const match = /^(client-\d+):(\d+)$/.exec(id)
  return match ? { author: match[1]!, n: Number(match[2]) } : null
}

/**
 * One of a seed's independent random streams (0 to 999). Never lib0's seed 0, from which its
 * generator only ever returns 0.
 */
export function seeded(seed: number, stream: number): prng.PRNG {
  return prng.create(seed * 1000 + stream + 1)
}

/** How a document's storm content compares with the edits it should hold. */
export interface EditTally {
  /** Expected edits the document lacks. */
  readonly missing: string[]
  /** Array items present more than once. */
  readonly duplicated: string[]
  /** Content that is no expected edit (or a map key with the wrong value). */
  readonly unexpected: string[]
}

export function tallyEdits(doc: Y.Doc, expected: Iterable<string>): EditTally {
  const counts = new Map<string, number>()
  const unexpected: string[] = []
  const count = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1)
  for (const item of doc.getArray<unknown>(STORM_ARRAY)) {
    const n = typeof item === 'string' ? parseEdit(item)?.n : undefined
    if (n !== undefined && n % 2 === 0) count(item as string)
    else unexpected.push(JSON.stringify(item))
  }
  doc.getMap<unknown>(STORM_MAP).forEach((value, key) => {
    const edit = parseEdit(key)
    if (edit !== null && edit.n % 2 === 1 && value === edit.n) count(key)
    else unexpected.push(`${key}=${JSON.stringify(value)}`)
  })
  const wanted = new Set(expected)
  return {
    missing: [...wanted].filter((id) => !counts.has(id)),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    unexpected: [...unexpected, ...[...counts.keys()].filter((id) => !wanted.has(id))],
  }
}

/** One storm client: a stock provider and the edits it made, in order. */
export class StormWriter {
  readonly written: string[] = []

  constructor(
    readonly name: string,
    readonly client: TestClient,
  ) {}

  edit(): void {
    const n = this.written.length
    const id = `${this.name}:${n}`
    if (n % 2 === 0) this.client.doc.getArray<string>(STORM_ARRAY).push([id])
    else this.client.doc.getMap<number>(STORM_MAP).set(id, n)
    this.written.push(id)
  }
}

export interface StormOptions {
  readonly clients: number
  /**
   * Mean pause between one client's edits (each is one message). Keep it well above 10 ms: the
   * server's per-connection rate limit would rightly disconnect a faster writer.
   */
  readonly editIntervalMs: number
  /** Seeds the jitter of every client's pace, so that a failing run can be replayed. */
  readonly seed: number
}

/** `clients` writers editing one room until `stop()`. */
export class EditStorm {
  readonly writers: StormWriter[]
  private editing = true
  private readonly loops: Promise<void>[]

  constructor(connect: () => TestClient, options: StormOptions) {
    // Every stock provider listens for the process's 'exit': many at once are expected here.
    process.setMaxListeners(Math.max(process.getMaxListeners(), options.clients + 10))
    this.writers = Array.from(
      { length: options.clients },
      (_, i) => new StormWriter(`client-${i}`, connect()),
    )
    this.loops = this.writers.map((writer, i) => {
      const random = seeded(options.seed, i + 1)
      const pause = () => options.editIntervalMs * prng.real53(random) * 2
      return (async () => {
        while (this.editing) {
          await new Promise((resolve) => setTimeout(resolve, pause()))
          if (this.editing) writer.edit()
        }
      })()
    })
  }

  /** Every edit made so far, by every client. */
  written(): string[] {
    return this.writers.flatMap((writer) => writer.written)
  }

  /** Edits that some client other than their author holds: the server has relayed them. */
  acknowledged(): Set<string> {
    const seen = new Set<string>()
    for (const writer of this.writers) {
      const doc = writer.client.doc
      const held = [...doc.getArray<unknown>(STORM_ARRAY), ...doc.getMap<unknown>(STORM_MAP).keys()]
      for (const id of held) {
        if (typeof id === 'string' && parseEdit(id)?.author !== writer.name) seen.add(id)
      }
    }
    return seen
  }

  /** A timeout names the clients that are not synced, with how their last connection closed. */
  async whenAllSynced(): Promise<void> {
    const unsynced = () => this.writers.filter((w) => !w.client.provider.synced)
    try {
      await waitFor(() => unsynced().length === 0, {
        what: 'every storm client to (re)connect and sync',
        timeoutMs: 30_000,
      })
    } catch (error) {
      const closes = unsynced().map((w) => `${w.name} (${JSON.stringify(w.client.closes.at(-1))})`)
      throw new Error(`${String(error)}: ${closes.join(', ')}`, { cause: error })
    }
  }

  whenAllDisconnected(): Promise<void> {
    return waitFor(() => this.writers.every((w) => !w.client.provider.wsconnected), {
      what: 'every storm client to notice the server is gone',
    })
  }

  /** Resolves once every client has made `count` more edits than it had when called. */
  editsMore(count: number): Promise<void> {
    const targets = this.writers.map((writer) => writer.written.length + count)
    return waitFor(() => this.writers.every((w, i) => w.written.length >= targets[i]!), {
      what: `every storm client to make ${count} more edits`,
      timeoutMs: 60_000,
    })
  }

  /** Stops the editing; resolves once no client will edit again. */
  async stop(): Promise<void> {
    this.editing = false
    await Promise.all(this.loops)
  }

  /** How many edits each client has made so far (each edit is one tick of its Yjs clock). */
  mark(): number[] {
    return this.writers.map((writer) => writer.written.length)
  }

  /**
   * Resolves once every client holds every edit that each client had made at `mark`: the
   * state vectors say so (`tallyEdits` then tells whether they are the right edits). A timeout
   * names a client still lacking another's edits.
   */
  async whenDelivered(mark: readonly number[], what: string): Promise<void> {
    const lagging = (): string | null => {
      for (const reader of this.writers) {
        for (const [i, writer] of this.writers.entries()) {
          const has = Y.getState(reader.client.doc.store, writer.client.doc.clientID)
          if (has < mark[i]!) return `${reader.name} lacks ${writer.name}:${has} and after`
        }
      }
      return null
    }
    try {
      await waitFor(() => lagging() === null, { what, timeoutMs: 30_000 })
    } catch (error) {
      throw new Error(`${what}: ${lagging()}`, { cause: error })
    }
  }
}
