/** Looks at a running (or stopped) server from the outside: its health endpoint and its database. */
import Database from 'better-sqlite3'
import * as Y from 'yjs'

export interface Health {
  readonly ok: boolean
  readonly loadedRooms: number
  readonly connections: number
}

export async function getHealth(server: { url: string }): Promise<Health> {
  const response = await fetch(`${server.url}/healthz`)
  if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`)
  return (await response.json()) as Health
}

/**
 * Opens the SQLite file read-only for one look. In WAL mode this is safe while the server still
 * has the database open, and it never checkpoints or otherwise changes the file.
 */
export function readDatabase<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

/** `PRAGMA integrity_check` on the file, read-only: `'ok'` or SQLite's list of problems. */
export function integrityOf(dbPath: string): string {
  return readDatabase(dbPath, (db) => db.pragma('integrity_check', { simple: true }) as string)
}

/**
 * A room's document exactly as storage holds it: its snapshot with the update log after it,
 * decoded by Yjs itself, independently of the server's loading code.
 */
export function storedDocument(dbPath: string, roomId: string): Y.Doc {
  const rows = readDatabase(dbPath, (db) => {
    const snapshot = db.prepare('SELECT data FROM document_snapshots WHERE room_id = ?')
    const log = db.prepare('SELECT data FROM document_updates WHERE room_id = ? ORDER BY seq')
    // One read transaction, so that a compaction cannot slip between the two reads.
    return db.transaction(() => [...snapshot.all(roomId), ...log.all(roomId)])() as {
      data: Buffer
    }[]
  })
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
  return doc
}

/** How many times `/metrics` says the server refused something for `reason` (0 if never). */
export async function refusalCount(
  server: { url: string },
  reason: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, { headers })
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`)
  const line = (await response.text())
    .split('\n')
    .find((candidate) => candidate.startsWith(`accord_refusals_total{reason="${reason}"} `))
  return line === undefined ? 0 : Number(line.split(' ').pop())
}
