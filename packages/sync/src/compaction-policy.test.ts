import { describe, expect, it } from 'vitest'
import { shouldCompact } from './compaction-policy.js'

const policy = { maxUpdates: 10, minBytes: 100 }

describe('shouldCompact', () => {
  it('[sync:S6] never compacts an empty log', () => {
    expect(shouldCompact({ updates: 0, bytes: 0, snapshotBytes: 0 }, policy)).toBe(false)
  })

  it('[sync:S6] compacts once the update count reaches the cap', () => {
    expect(shouldCompact({ updates: 9, bytes: 9, snapshotBytes: 0 }, policy)).toBe(false)
    expect(shouldCompact({ updates: 10, bytes: 10, snapshotBytes: 0 }, policy)).toBe(true)
  })

  it('[sync:S6] compacts when the log outgrows the snapshot, but not below the minimum size', () => {
    expect(shouldCompact({ updates: 2, bytes: 99, snapshotBytes: 0 }, policy)).toBe(false)
    expect(shouldCompact({ updates: 2, bytes: 100, snapshotBytes: 0 }, policy)).toBe(true)
    expect(shouldCompact({ updates: 2, bytes: 500, snapshotBytes: 1000 }, policy)).toBe(false)
    expect(shouldCompact({ updates: 2, bytes: 1000, snapshotBytes: 1000 }, policy)).toBe(true)
  })
})
