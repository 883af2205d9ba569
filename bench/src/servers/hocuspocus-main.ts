/**
 * The Hocuspocus server process: `new Server` with the SQLite extension on `BENCH_SQLITE_FILE`,
 * listening on `HOST`:`PORT` — the setup its documentation shows, nothing tuned.
 */
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const database = process.env.BENCH_SQLITE_FILE
if (!database) throw new Error('BENCH_SQLITE_FILE is required')

const server = new Server({
  port: Number(process.env.PORT ?? 1234),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })],
})
await server.listen()
process.stdout.write(`hocuspocus listening on ${server.httpURL}\n`)
