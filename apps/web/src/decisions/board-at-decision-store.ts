/**
 * The board kept with a decision, as a tldraw store: the stored Yjs update applied to a fresh
 * Y.Doc and loaded through the same binding the live board uses (`@accord/tldraw-yjs`), so a
 * kept board reads exactly as a live one would — with no connection, and read-only.
 */
import { bindStoreToDoc } from '@accord/tldraw-yjs'
import { atom, createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'
import * as Y from 'yjs'

export type KeptBoard = { ok: true; store: TLStore } | { ok: false; error: string }

export function keptBoardStore(state: Uint8Array): KeptBoard {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
  } catch {
    return { ok: false, error: 'The kept board could not be read.' }
  }
  const store = createTLStore({
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    // The editor follows this mode: nobody edits what was decided on.
    collaboration: { status: null, mode: atom('kept board mode', 'readonly') },
  })
  const bound = bindStoreToDoc(store, doc)
  if (!bound.ok) return bound
  // The kept board never changes: once loaded, the store needs the document no more.
  bound.binding.unbind()
  doc.destroy()
  return { ok: true, store }
}
