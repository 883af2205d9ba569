/**
 * An edit storm: stock clients in one room, each making its own uniquely named edits — `client-7:12`
 * — at a steady pace, as a board user does: even edits add a sticky note of their own
 * (`shape:storm-client-7-12`), odd ones change the note the client added just before (they mark
 * it `then: client-7:13`), each a valid tldraw record written the way tldraw writes it, while
 * servers come and go underneath them. Each client records what it wrote, so a test can tell
 * whether every edit reached a document, and whether any arrived twice.
 */
import { noteRecord } from '@accord/tldraw-yjs'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { BOARD_PAGE, expectValidRecord, orderedIndex } from './board-entries.js'
import { RECORDS_MAP } from './board-records.js'
import { waitFor } from './wait.js'
import { type TestClient } from './yjs-client.js'

/** Ids of the storm's notes start with this; the board's other records are not the storm's. */
export const STORM_PREFIX = 'shape:storm-'

/** The note an even edit adds: `client-7:12` is `shape:storm-client-7-12`. */
export function stormNoteId(edit: string): string {
  return `${STORM_PREFIX}${edit.replace(':', '-')}`
}

function parseEdit(id: string): { author: string; n: number } | null {
  const match = /^(client-\d+):(\d+)$/.exec(id)
  return match ? { author: match[1]!, n: Number(match[2]) } : null
}

/** The even edit whose note has this id. */
function noteEdit(id: string): { author: string; n: number } | null {
  const match = /^shape:storm-(client-\d+)-(\d+)$/.exec(id)
  return match ? { author: match[1]!, n: Number(match[2]) } : null
}

interface StormMeta {
  /** The edit that added the note. */
  readonly edit?: unknown
  /** The edit that changed it (the author's next one). */
  readonly then?: unknown
}

/** The storm's notes in a document, by id. */
function stormNotes(doc: Y.Doc): [string, { id?: unknown; meta?: StormMeta }][] {
  const notes: [string, { id?: unknown; meta?: StormMeta }][] = []
  doc.getMap<{ id?: unknown; meta?: StormMeta }>(RECORDS_MAP).forEach((record, id) => {
    if (id.startsWith(STORM_PREFIX)) notes.push([id, record])
  })
  return notes
}

/** The edits a storm note holds (its own, and the change after it), or null if it is not one. */
function editsIn(id: string, record: { id?: unknown; meta?: StormMeta }): string[] | null {
  const edit = noteEdit(id)
  const meta = record.meta ?? {}
  if (edit === null || edit.n % 2 !== 0 || record.id !== id) return null
  if (meta.edit !== `${edit.author}:${edit.n}`) return null
  if (meta.then === undefined) return [meta.edit]
  return meta.then === `${edit.author}:${edit.n + 1}` ? [meta.edit, meta.then] : null
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
  /** Edits present more than once (in more than one note). */
  readonly duplicated: string[]
  /** Content that is no expected edit (or a note that is not what its edits made). */
  readonly unexpected: string[]
}

export function tallyEdits(doc: Y.Doc, expected: Iterable<string>): EditTally {
  const counts = new Map<string, number>()
  const unexpected: string[] = []
  for (const [id, record] of stormNotes(doc)) {
    const edits = editsIn(id, record)
    if (edits === null) unexpected.push(`${id}=${JSON.stringify(record.meta)}`)
    else for (const edit of edits) counts.set(edit, (counts.get(edit) ?? 0) + 1)
  }
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
    const edit = `${this.name}:${n}`
    const records = this.client.doc.getMap<Record<string, unknown>>(RECORDS_MAP)
    let note: Record<string, unknown>
    if (n % 2 === 0) {
      const writer = Number(this.name.slice('client-'.length))
      note = {
        ...noteRecord({
          id: stormNoteId(edit),
          text: edit,
          x: (n / 2) * 10,
          y: writer * 220,
          parentId: BOARD_PAGE,
          index: orderedIndex(writer * 100_000 + n),
          color: 'light-blue',
          author: null,
        }),
        meta: { edit },
      }
    } else {
      // The note this client added just before: moved, and marked with this edit.
      const added = records.get(stormNoteId(`${this.name}:${n - 1}`))
      if (!added) throw new Error(`${this.name} lost its own note ${n - 1}`)
      const meta = added.meta as StormMeta
      note = { ...added, y: (added.y as number) + 110, meta: { ...meta, then: edit } }
    }
    const id = note.id as string
    expectValidRecord(id, note)
    records.set(id, note)
    this.written.push(edit)
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
      for (const [id, record] of stormNotes(writer.client.doc)) {
        for (const edit of editsIn(id, record) ?? []) {
          if (parseEdit(edit)?.author !== writer.name) seen.add(edit)
        }
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
