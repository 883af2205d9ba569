import { MemoryDocumentStore } from './memory-document-store.js'
import { describeDocumentStoreContract } from './testing/document-store-contract.js'

describeDocumentStoreContract('memory', () => {
  const store = new MemoryDocumentStore()
  return { store, createRoom: (id) => store.createRoom(id) }
})
