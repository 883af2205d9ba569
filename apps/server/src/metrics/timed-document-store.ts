import { performance } from 'node:perf_hooks'
import type { DocumentStore } from '@accord/sync'
import type { Histogram } from './prometheus.js'
import type { StorageOperation } from './server-metrics.js'

/**
 * The same store, with the latency of every write (a room's batched append, a compaction)
 * observed, failed ones included: a slow or failing disk shows on `/metrics` before it shows
 * anywhere else.
 */
export function timedDocumentStore(
  store: DocumentStore,
  writes: Histogram<StorageOperation>,
): DocumentStore {
  const timed = async <T>(operation: StorageOperation, write: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    try {
      return await write()
    } finally {
      writes.observe(operation, (performance.now() - start) / 1000)
    }
  }
  return {
    loadDocument: (roomId) => store.loadDocument(roomId),
    appendUpdates: (roomId, updates) => timed('append', () => store.appendUpdates(roomId, updates)),
    compact: (roomId, snapshot, throughSeq) =>
      timed('compact', () => store.compact(roomId, snapshot, throughSeq)),
    compactStored: (roomId, merge) => timed('compact', () => store.compactStored(roomId, merge)),
    // Rare (once per new client id) and tiny: not worth a histogram of its own.
    claimClientIds: (roomId, claims) => store.claimClientIds(roomId, claims),
  }
}
