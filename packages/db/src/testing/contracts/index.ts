/**
 * Every repository's contract suite, for one storage backend: each test file that opens a backend
 * (SQLite, PostgreSQL) runs them all against it.
 */
import { describeDocumentStoreContract } from '@accord/sync/testing'
import { describeAccessRepositoryContract } from './access-repository-contract.js'
import { describeBallotRepositoryContract } from './ballot-repository-contract.js'
import { describeDecisionLogContract } from './decision-log-contract.js'
import { describeDecisionSnapshotContract } from './decision-snapshot-contract.js'
import { describePrivateNoteRepositoryContract } from './private-note-repository-contract.js'
import { describeRecordRepositoryContract } from './record-repository-contract.js'
import { describeRoomRepositoryContract } from './room-repository-contract.js'
import { describeSessionRepositoryContract } from './session-repository-contract.js'
import { createRoom, type OpenStorage } from './storage-under-test.js'
import { describeWorkshopRepositoryContract } from './workshop-repository-contract.js'

export type { OpenStorage, StorageUnderTest } from './storage-under-test.js'

export function describeStorageContracts(name: string, open: OpenStorage): void {
  describeDocumentStoreContract(name, async () => {
    const storage = await open()
    return {
      store: storage.documents,
      createRoom: (id) => createRoom(storage, id),
      close: () => storage.close(),
    }
  })
  describeRoomRepositoryContract(name, open)
  describeAccessRepositoryContract(name, open)
  describeBallotRepositoryContract(name, open)
  describePrivateNoteRepositoryContract(name, open)
  describeWorkshopRepositoryContract(name, open)
  describeRecordRepositoryContract(name, open)
  describeDecisionLogContract(name, open)
  describeDecisionSnapshotContract(name, open)
  describeSessionRepositoryContract(name, open)
}
