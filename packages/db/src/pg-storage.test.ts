import { afterAll, beforeAll } from 'vitest'
import { describeStorageContracts } from './testing/contracts/index.js'
import { pgStorage } from './testing/contracts/pg-storage.js'
import { type PostgresServer, startPostgres } from './testing/postgres-server.js'

let server: PostgresServer
beforeAll(async () => {
  server = await startPostgres()
})
afterAll(() => server?.stop())

describeStorageContracts(
  'PostgreSQL',
  pgStorage(() => server),
)
