/**
 * `<database>.lock`: the pid of the server that has the database open. It is advisory — it tells
 * `accord restore` (and people) that a server is running; a lock left by a killed server names a
 * pid that is gone, or reused by an unrelated process, and is then simply overwritten at start.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'

export const lockFileOf = (databasePath: string) => `${databasePath}.lock`

export interface DatabaseLock {
  /** Removes the lock file, unless another process has taken it over since. */
  release(): void
}

/** Records that this process has the database open. */
export function holdDatabaseLock(databasePath: string, pid = process.pid): DatabaseLock {
  const path = lockFileOf(databasePath)
  writeFileSync(path, `${pid}\n`)
  return {
    release: () => {
      if (lockHolder(databasePath) === pid) rmSync(path, { force: true })
    },
  }
}

/** The pid written in the lock file, if there is one. */
function lockHolder(databasePath: string): number | null {
  let text: string
  try {
    text = readFileSync(lockFileOf(databasePath), 'utf8')
  } catch {
    return null
  }
  const pid = Number.parseInt(text.trim(), 10)
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid of a live process holding the database's lock, or null when none does. */
export function runningHolder(databasePath: string): number | null {
  const pid = lockHolder(databasePath)
  return pid !== null && pid !== process.pid && isAlive(pid) ? pid : null
}
