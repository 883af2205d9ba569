/** Parses `accord` arguments, loads the server's configuration and runs one command. */
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { backupCommand } from './backup-command.js'
import type { CliIo } from './cli-io.js'
import { restoreCommand } from './restore-command.js'

export const usage = `Usage: pnpm accord <command> <file> [--force]

Commands:
  backup <file>    Copy the database (DATABASE_URL) to <file>. Safe while the server runs.
                   --force replaces an existing <file>.
  restore <file>   Replace the database (DATABASE_URL) with the backup <file>. Stop the server
                   first. --force replaces a database that holds rooms.

Relative paths are resolved from the directory the command is run in; DATABASE_URL as the
server resolves it.`

const commands = { backup: backupCommand, restore: restoreCommand } as const

/** Runs the command line `args`; resolves with the process exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    io.err(`accord: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(usage)
    return 0
  }
  const [name, file, ...extra] = positionals
  if (name === undefined || !(name in commands) || file === undefined || extra.length > 0) {
    io.err(usage)
    return 2
  }
  const config = loadConfig(io.env)
  if (!config.ok) {
    io.err(`accord: ${config.error}`)
    return 1
  }
  const { databasePath } = config.value
  if (databasePath === null) {
    io.err(
      `accord: ${name} works on a SQLite database, and DATABASE_URL names a PostgreSQL one: ` +
        'use PostgreSQL\'s own tools, e.g. `pg_dump --format=custom --file=accord.dump "$DATABASE_URL"` ' +
        'and `pg_restore --clean --dbname="$DATABASE_URL" accord.dump`',
    )
    return 1
  }
  if (databasePath === ':memory:') {
    io.err('accord: DATABASE_URL is :memory:, which cannot be backed up or restored')
    return 1
  }
  const command = commands[name as keyof typeof commands]
  return command({ databasePath, file, force: values.force }, io)
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      force: { type: 'boolean', short: 'f', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  })
}
