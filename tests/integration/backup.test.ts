/**
 * `accord backup` / `accord restore` (the built CLI, as `pnpm accord` runs it) against the real
 * built server: a backup taken while a room is being edited restores into a working instance.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { entryCount, entryOf, numberedEntries, putEntry } from '../support/board-entries.js'
import { usePerTestServers } from '../support/fixtures.js'
import { createRoom, repoRoot } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const { start, client } = usePerTestServers()
const cliEntry = join(repoRoot, 'apps/server/dist/cli/accord.js')

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-backup-test-'))
  dirs.push(dir)
  return dir
}

interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `node apps/server/dist/cli/accord.js …args` on the database at `databasePath`. */
function accord(databasePath: string, ...args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function integrityOf(path: string): string {
  const db = new Database(path, { fileMustExist: true })
  const result = db.pragma('integrity_check', { simple: true }) as string
  db.close()
  return result
}

describe('backup and restore', () => {
  it('a backup taken mid-edit restores into a working instance with every acknowledged edit', async () => {
    const first = await start()
    const roomId = await createRoom(first, 'Backed-up board')
    const [writer, observer] = [client(first, roomId), client(first, roomId)]
    await Promise.all([writer.whenSynced(), observer.whenSynced()])

    // The writer edits without pause for the whole backup: one new note (item) per update.
    const items = (doc: typeof writer.doc) => entryCount(doc, 'item-')
    let next = 0
    const editing = setInterval(() => {
      putEntry(writer.doc, `item-${next}`, next)
      next++
      if (next % 10 === 0) putEntry(writer.doc, 'progress', next - 1)
    }, 2)
    try {
      await waitFor(() => items(observer.doc) >= 50, {
        what: 'the observer to see the first edits',
      })
      // Everything the observer has seen was stored before the server relayed it.
      const acknowledged = items(observer.doc)
      const backupFile = join(tempDir(), 'mid-edit.db')
      const backup = await accord(first.dbPath, 'backup', backupFile)
      const madeDuringBackup = next
      expect(backup, backup.stderr).toMatchObject({ code: 0 })
      expect(backup.stdout).toContain(backupFile)
      expect(backup.stdout).toMatch(/rooms 1\b/)
      expect(backup.stdout).toMatch(/integrity check ok/)
      // The edits really went on while the backup ran, and reached the server.
      await waitFor(() => items(observer.doc) > madeDuringBackup, {
        what: 'edits after the backup to reach the observer',
      })
      clearInterval(editing)
      const total = next
      await waitFor(() => items(observer.doc) === total, {
        what: 'the observer to see every edit',
      })
      writer.destroy()
      observer.destroy()
      expect(await first.stop('SIGTERM')).toBe(0)

      // Restore into a fresh data folder and start a server on it.
      const dataDir = tempDir()
      const databasePath = join(dataDir, 'accord.db')
      const restore = await accord(databasePath, 'restore', backupFile)
      expect(restore, restore.stderr).toMatchObject({ code: 0 })
      expect(restore.stdout).toContain(`into ${databasePath}`)
      expect(integrityOf(databasePath)).toBe('ok')

      const second = await start({ dataDir })
      const reader = client(second, roomId)
      await reader.whenSynced()
      const restored = numberedEntries(reader.doc, 'item-')
      // A consistent snapshot: a prefix of the writer's edits holding every acknowledged one,
      // and none of those made after the backup finished.
      expect(restored.length).toBeGreaterThanOrEqual(acknowledged)
      expect(restored.length).toBeLessThanOrEqual(madeDuringBackup)
      expect(restored).toEqual([...Array(restored.length).keys()])
      const last = entryOf(reader.doc, 'progress') as number | undefined
      if (last !== undefined) expect(last).toBeLessThan(restored.length)

      // The restored instance works: the room takes new edits, and new rooms can be made.
      const peer = client(second, roomId)
      await peer.whenSynced()
      putEntry(reader.doc, 'after', 'edited after the restore')
      await waitFor(() => entryOf(peer.doc, 'after') === 'edited after the restore', {
        what: 'an edit on the restored room to reach a peer',
      })
      const newRoom = await createRoom(second, 'Made after the restore')
      const [c, d] = [client(second, newRoom), client(second, newRoom)]
      await Promise.all([c.whenSynced(), d.whenSynced()])
      putEntry(c.doc, 'hello', 'again')
      await waitFor(() => entryOf(d.doc, 'hello') === 'again', {
        what: 'an edit in a new room to reach a peer',
      })
    } finally {
      clearInterval(editing)
    }
  })

  it('restore refuses while a server runs on the target database', async () => {
    const server = await start()
    const roomId = await createRoom(server, 'Live board')
    const backupFile = join(tempDir(), 'live.db')
    expect((await accord(server.dbPath, 'backup', backupFile)).code).toBe(0)

    const refused = await accord(server.dbPath, 'restore', backupFile, '--force')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`an Accord server (pid ${server.child.pid}) is running`)

    // Without the lock file, SQLite itself tells that the database is open.
    rmSync(`${server.dbPath}.lock`)
    const stillRefused = await accord(server.dbPath, 'restore', backupFile, '--force')
    expect(stillRefused.code).toBe(1)
    expect(stillRefused.stderr).toMatch(/open in another process; stop the Accord server first/)

    // The running server was not disturbed.
    const [a, b] = [client(server, roomId), client(server, roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced()])
    putEntry(a.doc, 'still', 'working')
    await waitFor(() => entryOf(b.doc, 'still') === 'working', { what: 'a live edit' })
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(integrityOf(server.dbPath)).toBe('ok')
  })

  it('backup refuses to overwrite a file without --force', async () => {
    const server = await start()
    await createRoom(server, 'First')
    const backupFile = join(tempDir(), 'backup.db')
    expect((await accord(server.dbPath, 'backup', backupFile)).code).toBe(0)
    const before = readFileSync(backupFile)

    await createRoom(server, 'Second')
    const refused = await accord(server.dbPath, 'backup', backupFile)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/already exists \(pass --force to replace it\)/)
    expect(readFileSync(backupFile).equals(before)).toBe(true)

    const forced = await accord(server.dbPath, 'backup', backupFile, '--force')
    expect(forced, forced.stderr).toMatchObject({ code: 0 })
    expect(forced.stdout).toMatch(/rooms 2\b/)
    expect(existsSync(`${backupFile}-wal`)).toBe(false)
  })
})
