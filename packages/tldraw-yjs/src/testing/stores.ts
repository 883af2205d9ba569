import { Store } from '@tldraw/store'
import {
  createShapeId,
  createTLSchema,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
  type TLShape,
  type TLStore,
  type TLStoreProps,
} from '@tldraw/tlschema'
import * as Y from 'yjs'

export const PAGE_ID = 'page:page' as TLPageId

const props: TLStoreProps = {
  defaultName: '',
  assets: {
    upload: () => Promise.resolve({ src: '' }),
    resolve: () => null,
    remove: () => Promise.resolve(),
  },
  onMount: () => {},
}

/** A bare tldraw store with the records every board has, as `createTLStore` would make. */
export function makeStore(pageName = 'Page 1'): TLStore {
  const store = new Store({ schema: createTLSchema(), props }) as TLStore
  store.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: PAGE_ID, name: pageName, index: 'a1' as never }),
  ])
  return store
}

export function note(id: string, text: string, x = 0): TLShape {
  return {
    id: createShapeId(id),
    typeName: 'shape',
    type: 'geo',
    x,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: { text },
    props: {
      geo: 'rectangle',
      w: 100,
      h: 100,
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      richText: { type: 'doc', content: [] },
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
    },
  } as unknown as TLShape
}

/** Two docs that deliver every update to each other, like two clients through a server. */
export function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a)
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b)
  })
  return [a, b]
}

/** Lets the store deliver its pending changes (one animation frame). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10))
}

export function documentRecords(store: TLStore): TLRecord[] {
  return store
    .allRecords()
    .filter((record) => store.scopedTypes.document.has(record.typeName))
    .sort((x, y) => x.id.localeCompare(y.id))
}
