/**
 * When to fold a room's update log into a new snapshot.
 *
 * Compacting when the log has grown as large as the snapshot keeps write amplification bounded
 * (each byte is rewritten a constant number of times on average), while the update-count cap bounds
 * load time for documents made of many tiny edits.
 */
export interface CompactionPolicy {
  /** Compact once this many updates are logged after the snapshot. */
  readonly maxUpdates: number
  /** Never compact for fewer logged bytes than this, however small the snapshot. */
  readonly minBytes: number
}

export const defaultCompactionPolicy: CompactionPolicy = { maxUpdates: 500, minBytes: 256 * 1024 }

export interface LogSize {
  readonly updates: number
  readonly bytes: number
  readonly snapshotBytes: number
}

export function shouldCompact(log: LogSize, policy: CompactionPolicy): boolean {
  if (log.updates === 0) return false
  if (log.updates >= policy.maxUpdates) return true
  return log.bytes >= Math.max(policy.minBytes, log.snapshotBytes)
}
