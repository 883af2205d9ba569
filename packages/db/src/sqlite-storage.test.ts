import { describeStorageContracts } from './testing/contracts/index.js'
import { openSqliteStorage } from './testing/contracts/sqlite-storage.js'

describeStorageContracts('SQLite', openSqliteStorage)
