import * as Y from 'yjs'
import type { StoredDocument } from './document-store.js'
import type { Logger } from './logger.js'
import { inspectUpdate } from './update-validation.js'

/** Rebuilds a document from storage; a stored update that fails to apply is skipped and logged (S8). */
export function loadDocument(stored: StoredDocument, logger: Logger, roomId: string): Y.Doc {
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : [...stored.updates]
  const doc = new Y.Doc()
  if (parts.length === 0) return doc
  try {
    Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts))
    return doc
  } catch (error) {
    logger.error('stored document failed to load as a whole; loading part by part', {
      room: roomId,
      error: String(error),
    })
  }
  doc.destroy()
  const partial = new Y.Doc()
  for (const [index, part] of parts.entries()) {
    if (!inspectUpdate(part).ok) {
      logger.error('skipping corrupt stored update', { room: roomId, index })
      continue
    }
    try {
      Y.applyUpdate(partial, part)
    } catch (error) {
      logger.error('skipping stored update that fails to apply', {
        room: roomId,
        index,
        error: String(error),
      })
    }
  }
  return partial
}
