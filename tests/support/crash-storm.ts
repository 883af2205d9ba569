/**
 * Crash safety under load, shared by the integration test and the soak: an edit storm in one room
 * while the server is stopped mid-storm (`kill -9`, or `SIGTERM`) and restarted on the same port
 * and database, round after round, with the clients reconnecting on their own.
 *
 * After each stop, with no server running: the database passes `PRAGMA integrity_check` and holds
 * every edit some client has seen from another (S1: stored before relayed), each once. At the end:
 * every edit any client made is in every client and in storage, exactly once.
 */
import * as prng from 'lib0/prng'
import { expect } from 'vitest'
import type * as Y from 'yjs'
import { RECORDS_MAP } from './board-records.js'
import { EditStorm, seeded, STORM_PREFIX, type StormOptions, tallyEdits } from './edit-storm.js'
import { integrityOf, storedDocument } from './inspect.js'
import { createRoom, type ServerOptions, type ServerProcess } from './server-process.js'
import { type TestClient } from './yjs-client.js'

export type Stop = 'SIGKILL' | 'SIGTERM'

export interface CrashStormOptions extends StormOptions {
  /** The running server the storm begins on; it is stopped (gracefully) when the storm ends. */
  readonly server: ServerProcess
  /** Starts a server; restarts pass the stopped one's port and data directory. */
  readonly start: (options: ServerOptions) => Promise<ServerProcess>
  readonly connect: (server: ServerProcess, roomId: string) => TestClient
  /** How each round stops the server, in order. */
  readonly stops: readonly Stop[]
  /** About how many edits each client makes on a live server before each stop (and at the end). */
  readonly editsPerRound: number
  /** About how many edits each client makes while no server runs, before each restart. */
  readonly offlineEdits: number
  /** Environment of the restarted servers. */
  readonly env?: Record<string, string>
}

export interface CrashStormResult {
  readonly roomId: string
  /** The last server, stopped gracefully; its data directory holds the room. */
  readonly server: ServerProcess
  /** Every edit made, each found exactly once in every client and in storage. */
  readonly edits: readonly string[]
  /** The room's storm content as every client and storage hold it. */
  readonly content: StormContent
}

export interface StormContent {
  /** The storm's notes, by id, as tldraw records. */
  readonly notes: Record<string, unknown>
}

export function stormContent(doc: Y.Doc): StormContent {
  const notes: Record<string, unknown> = {}
  doc.getMap<unknown>(RECORDS_MAP).forEach((record, id) => {
    if (id.startsWith(STORM_PREFIX)) notes[id] = record
  })
  return { notes }
}

export async function runCrashStorm(options: CrashStormOptions): Promise<CrashStormResult> {
  let server = options.server
  const roomId = await createRoom(server, 'Crash storm')
  const storm = new EditStorm(() => options.connect(server, roomId), options)
  const random = seeded(options.seed, 0)
  // Each stop comes after a different number of edits, so it lands at a different moment.
  const about = (edits: number) => Math.ceil(edits * (0.5 + prng.real53(random)))
  try {
    await storm.whenAllSynced()
    for (const [index, signal] of options.stops.entries()) {
      const round = `round ${index + 1} (${signal})`
      await storm.editsMore(about(options.editsPerRound))
      const closesBefore = storm.writers.map((w) => w.client.closes.length)
      expect(await server.stop(signal), round).toBe(signal === 'SIGKILL' ? 'SIGKILL' : 0)
      await storm.whenAllDisconnected()
      if (signal === 'SIGTERM') {
        // A graceful stop tells every client that the server is going away (the closes after
        // that are the clients' attempts to reconnect while no server runs).
        const closes = storm.writers.map((w, i) => w.client.closes[closesBefore[i]!]?.code)
        expect(closes, round).toEqual(storm.writers.map(() => 1001))
      }
      expectStoredHolds(server.dbPath, roomId, storm, round)
      // The storm goes on offline; the clients find the new server on their own, and bring it
      // what they wrote meanwhile.
      await storm.editsMore(about(options.offlineEdits))
      const offline = storm.mark()
      server = await options.start({ dataDir: server.dataDir, port: server.port, env: options.env })
      await storm.whenAllSynced()
      await storm.whenDelivered(offline, `${round}: every edit made before the restart, everywhere`)
    }
    await storm.editsMore(about(options.editsPerRound))
    await storm.stop()
    await storm.whenDelivered(storm.mark(), 'every edit, everywhere')

    const edits = storm.written()
    const content = stormContent(storm.writers[0]!.client.doc)
    for (const writer of storm.writers) {
      const tally = tallyEdits(writer.client.doc, edits)
      expect(tally, `${writer.name}'s document`).toEqual({
        missing: [],
        duplicated: [],
        unexpected: [],
      })
      expect(stormContent(writer.client.doc), `${writer.name}'s document`).toEqual(content)
    }
    expect(await server.stop('SIGTERM'), 'the final graceful stop').toBe(0)
    expect(integrityOf(server.dbPath)).toBe('ok')
    const stored = storedDocument(server.dbPath, roomId)
    expect(tallyEdits(stored, edits), 'storage').toEqual({
      missing: [],
      duplicated: [],
      unexpected: [],
    })
    expect(stormContent(stored), 'storage').toEqual(content)
    return { roomId, server, edits, content }
  } finally {
    await storm.stop()
    for (const writer of storm.writers) writer.client.destroy()
  }
}

/**
 * Read-only, with no server running: the database is intact, and holds each edit that a client
 * has seen from another, each once, nothing that no client wrote, and no update whose
 * dependencies it lacks.
 */
function expectStoredHolds(dbPath: string, roomId: string, storm: EditStorm, round: string): void {
  expect(integrityOf(dbPath), round).toBe('ok')
  const stored = storedDocument(dbPath, roomId)
  expect(stored.store.pendingStructs, `${round}: stored updates missing dependencies`).toBeNull()
  const acknowledged = tallyEdits(stored, storm.acknowledged())
  expect(acknowledged.missing, `${round}: edits peers had seen, missing from storage`).toEqual([])
  // Read after storage, so that it covers every stored edit.
  const all = tallyEdits(stored, storm.written())
  expect(all.duplicated, `${round}: edits stored twice`).toEqual([])
  expect(all.unexpected, `${round}: stored content no client wrote`).toEqual([])
}
