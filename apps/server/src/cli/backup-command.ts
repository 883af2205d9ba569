/** `accord backup <file>`: an online, verified copy of the database. */
import { resolve } from 'node:path'
import { backupDatabase } from '@accord/db'
import { type Command, formatBytes, plural } from './cli-io.js'

export const backupCommand: Command = async ({ databasePath, file, force }, io) => {
  const database = resolve(databasePath)
  const destination = resolve(io.cwd, file)
  const result = await backupDatabase(database, destination, { overwrite: force })
  if (!result.ok) {
    const hint = result.error.kind === 'exists' ? ' (pass --force to replace it)' : ''
    io.err(`accord backup: ${result.error.message}${hint}`)
    return 1
  }
  const backup = result.value
  io.out(`Backed up ${database}`)
  io.out(`       to ${backup.path} (${formatBytes(backup.bytes)})`)
  io.out(`    rooms ${backup.rooms}`)
  io.out(
    `   schema ${backup.latestMigration ?? 'unknown'} (${plural(backup.migrations, 'migration')})`,
  )
  io.out('Verified: integrity check ok, Accord tables present.')
  return 0
}
