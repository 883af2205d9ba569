/**
 * Binds a tldraw store to a Y.Doc in both directions.
 *
 * The document holds one Y.Map of tldraw records keyed by record id (document scope only: pages,
 * shapes, bindings, assets — never cameras, selections or presence) and a meta map with the
 * tldraw schema the records were written with, so a newer client can migrate an older board.
 * The server writes the schema when it creates the board and refuses it from clients (a client
 * that overwrote it could break the board for everyone): the binding only reads it.
 *
 * - store → doc: the *user* changes the store delivers at each animation frame are written in one
 *   Yjs transaction tagged with this binding's origin.
 * - doc → store: changes from any other origin are applied inside `mergeRemoteChanges`, which tags
 *   them as remote, so the store listener (source: 'user') never echoes them back.
 *
 * tldraw delivers store changes once per animation frame, so a remote change can land between a
 * local edit and its delivery. The listener therefore writes each touched record's *current*
 * value rather than the value in the diff: the store and the document can never diverge.
 */
import type { SerializedSchema, SerializedStore } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { applyRemoteRecords } from './remote-records.js'

export const RECORDS_MAP = 'tldraw:records'
export const META_MAP = 'tldraw:meta'
export const SCHEMA_KEY = 'schema'

export interface StoreBinding {
  /** Stops syncing in both directions. The store and document are left as they are. */
  unbind(): void
}

export type BindResult = { ok: true; binding: StoreBinding } | { ok: false; error: string }

export interface BindOptions {
  /** Told about remote records the store refused (invalid or from an unknown schema). */
  readonly onRejectedRecord?: (id: string, error: unknown) => void
}

export function recordsOf(doc: Y.Doc): Y.Map<TLRecord> {
  return doc.getMap<TLRecord>(RECORDS_MAP)
}

/**
 * Makes the store match the document (seeding an empty document from the store) and keeps the
 * two in step until `unbind`.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindOptions = {}): BindResult {
  const origin = Symbol('tldraw-store')
  const records = recordsOf(doc)
  const meta = doc.getMap<unknown>(META_MAP)
  const documentTypes = store.scopedTypes.document

  if (records.size === 0) {
    seedDocument(store, records, origin)
  } else {
    const loaded = loadDocumentIntoStore(store, records, meta, options)
    if (!loaded.ok) return loaded
  }

  // The store reports each of its transactions separately, all in one go at the next frame;
  // collecting the ids and writing them in a microtask sends one Yjs update per frame.
  const touched = new Set<TLRecord['id']>()
  const writeTouched = () => {
    doc.transact(() => {
      for (const id of touched) {
        const current = store.get(id)
        if (current) records.set(id, current)
        else records.delete(id)
      }
    }, origin)
    touched.clear()
  }
  const stopListening = store.listen(
    ({ changes }) => {
      if (touched.size === 0) queueMicrotask(writeTouched)
      for (const diff of [changes.added, changes.updated, changes.removed]) {
        for (const id of Object.keys(diff)) touched.add(id as TLRecord['id'])
      }
    },
    { source: 'user', scope: 'document' },
  )

  const observeRecords = (event: Y.YMapEvent<TLRecord>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const put: TLRecord[] = []
    const remove: TLRecord['id'][] = []
    event.changes.keys.forEach((change, key) => {
      const id = key as TLRecord['id']
      const record = change.action === 'delete' ? undefined : records.get(id)
      if (record && documentTypes.has(record.typeName)) put.push(record)
      else remove.push(id)
    })
    applyRemoteRecords(store, put, remove, options.onRejectedRecord)
  }
  records.observe(observeRecords)

  return {
    ok: true,
    binding: {
      unbind: () => {
        stopListening()
        records.unobserve(observeRecords)
      },
    },
  }
}

/** A board without records (one the server did not lay out): the store's own records start it. */
function seedDocument(store: TLStore, records: Y.Map<TLRecord>, origin: symbol): void {
  const documentTypes = store.scopedTypes.document
  records.doc?.transact(() => {
    for (const record of store.allRecords()) {
      if (documentTypes.has(record.typeName)) records.set(record.id, record)
    }
  }, origin)
}

function loadDocumentIntoStore(
  store: TLStore,
  records: Y.Map<TLRecord>,
  meta: Y.Map<unknown>,
  options: BindOptions,
): { ok: true } | { ok: false; error: string } {
  const storedSchema =
    (meta.get(SCHEMA_KEY) as SerializedSchema | undefined) ?? store.schema.serialize()
  const snapshot = {
    store: Object.fromEntries(records.entries()) as SerializedStore<TLRecord>,
    schema: storedSchema,
  }
  const migrated = store.schema.migrateStoreSnapshot(snapshot)
  if (migrated.type === 'error') {
    return {
      ok: false,
      error: `this board was saved by an incompatible version (${migrated.reason})`,
    }
  }
  const incoming = Object.values(migrated.value)
  const keep = new Set(incoming.map((record) => record.id))
  const stale = store
    .allRecords()
    .filter((record) => store.scopedTypes.document.has(record.typeName) && !keep.has(record.id))
    .map((record) => record.id)
  // An older board's records are migrated here, for this store only; they are not written back:
  // only the server rewrites stored records (a participant's copy would hit the layout's locks,
  // and the schema beside them is the server's).
  applyRemoteRecords(store, incoming, stale, options.onRejectedRecord)
  return { ok: true }
}
