/**
 * A turn's stored updates as the frames that relay them. Merging a whole batch into one update
 * (`Y.mergeUpdates`) costs more than linear time in the number of updates — a thousand tiny edits
 * took a quarter of a second, eight thousand three and a half, while every room waited. So a batch
 * is cut into runs of at most `maxUpdates` updates and `maxBytes` bytes, each merged on its own:
 * the cost stays linear in the batch, and a busy turn goes out as a few frames instead of one.
 */
import * as Y from 'yjs'

export interface StoredUpdate {
  readonly update: Uint8Array
  /** The peer it came from (the room's transaction origin). */
  readonly origin: unknown
}

export interface RelayChunk {
  readonly update: Uint8Array
  /** The one peer every update of the chunk came from (it has them all), else undefined. */
  readonly origin: unknown
}

export interface MergeBounds {
  readonly maxUpdates: number
  readonly maxBytes: number
}

/** A merge of this size takes well under a millisecond; bigger runs are where the cost grows. */
export const defaultMergeBounds: MergeBounds = { maxUpdates: 64, maxBytes: 1024 * 1024 }

export function relayChunks(
  batch: readonly StoredUpdate[],
  bounds: MergeBounds = defaultMergeBounds,
): RelayChunk[] {
  const chunks: RelayChunk[] = []
  let run: StoredUpdate[] = []
  let runBytes = 0
  const close = () => {
    if (run.length > 0) chunks.push(merged(run))
    run = []
    runBytes = 0
  }
  for (const entry of batch) {
    const bytes = entry.update.byteLength
    if (run.length >= bounds.maxUpdates || (run.length > 0 && runBytes + bytes > bounds.maxBytes)) {
      close()
    }
    run.push(entry)
    runBytes += bytes
  }
  close()
  return chunks
}

function merged(run: readonly StoredUpdate[]): RelayChunk {
  const first = run[0]!
  const single = run.every((entry) => entry.origin === first.origin)
  const update = run.length === 1 ? first.update : Y.mergeUpdates(run.map((entry) => entry.update))
  return { update, origin: single ? first.origin : undefined }
}
