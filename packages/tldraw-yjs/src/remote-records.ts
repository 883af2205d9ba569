import type { TLRecord, TLStore } from '@tldraw/tlschema'

/**
 * Applies records that came from another client. The store validates every record it is given;
 * one invalid record (a buggy or newer peer) must not stop the rest from arriving, so a batch
 * that fails is retried record by record and the refused ones are reported.
 */
export function applyRemoteRecords(
  store: TLStore,
  put: readonly TLRecord[],
  remove: readonly TLRecord['id'][],
  onRejected: (id: string, error: unknown) => void = () => {},
): void {
  if (put.length === 0 && remove.length === 0) return
  const present = remove.filter((id) => store.has(id))
  try {
    store.mergeRemoteChanges(() => {
      if (present.length > 0) store.remove(present)
      if (put.length > 0) store.put([...put])
    })
    return
  } catch {
    // Fall through to one record at a time.
  }
  store.mergeRemoteChanges(() => {
    if (present.length > 0) store.remove(present)
  })
  for (const record of put) {
    try {
      store.mergeRemoteChanges(() => store.put([record]))
    } catch (error) {
      onRejected(record.id, error)
    }
  }
}
