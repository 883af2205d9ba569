/** Looks at a running (or stopped) server from the outside: its health endpoint and its database. */
import Database from 'better-sqlite3'

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
