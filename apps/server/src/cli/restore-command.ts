/** `accord restore <file>`: puts a backup in place of the database, with the server stopped. */
import { resolve } from 'node:path'
import { type BackupFailure, restoreDatabase } from '@accord/db'
import { type Command, formatBytes, plural } from './cli-io.js'

const hints: Partial<Record<BackupFailure['kind'], string>> = {
  'has-content': ' (pass --force to replace it; back it up first if you may need it)',
}

export const restoreCommand: Command = async ({ databasePath, file, force }, io) => {
  const database = resolve(databasePath)
  const backup = resolve(io.cwd, file)
  const result = await restoreDatabase(backup, database, { replace: force })
  if (!result.ok) {
    io.err(`accord restore: ${result.error.message}${hints[result.error.kind] ?? ''}`)
    return 1
  }
  const restored = result.value
  const replaced =
    restored.replacedRooms === null
      ? ''
      : `; replaced a database with ${plural(restored.replacedRooms, 'room')}`
  io.out(`Restored ${restored.from}`)
  io.out(`    into ${restored.path} (${formatBytes(restored.bytes)}${replaced})`)
  io.out(`   rooms ${restored.rooms}`)
  const migrated =
    restored.migrated === 0 ? 'up to date' : `${plural(restored.migrated, 'migration')} applied now`
  io.out(`  schema ${restored.latestMigration ?? 'unknown'} (${migrated})`)
  io.out('Verified: integrity check ok. Start the server on it with `pnpm start`.')
  return 0
}
