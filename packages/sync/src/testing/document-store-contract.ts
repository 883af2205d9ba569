/**
 * One contract suite for every `DocumentStore` implementation (memory, SQLite, PostgreSQL).
 * Each implementation's test file calls `describeDocumentStoreContract` with a factory.
 */
import { describe, expect, it } from 'vitest'
import type { DocumentStore } from '../document-store.js'

export interface StoreUnderTest {
  readonly store: DocumentStore
  /** Creates a room so that the store knows it. */
  createRoom(roomId: string): Promise<void> | void
  close?(): Promise<void> | void
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

/**
 * Where `actual` first differs from `expected`, or null if it holds the same bytes. `toEqual`
 * compares typed arrays one element at a time through vitest's generic equality: seconds for a
 * quarter of a megabyte, past the test timeout on a loaded machine. This is a plain loop, and
 * what it returns is a readable failure.
 */
function firstDifference(actual: Uint8Array | null | undefined, expected: Uint8Array) {
  if (!actual) return { actual: String(actual) }
  for (let index = 0; index < Math.max(actual.length, expected.length); index++) {
    if (actual[index] !== expected[index]) {
      return {
        index,
        actual: actual[index],
        expected: expected[index],
        lengths: [actual.length, expected.length],
      }
    }
  }
  return null
}

export function describeDocumentStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest> | StoreUnderTest,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    async function withStore(run: (subject: StoreUnderTest) => Promise<void>): Promise<void> {
      const subject = await open()
      try {
        await run(subject)
      } finally {
        await subject.close?.()
      }
    }

    it('[sync:ST1] returns null for a room that does not exist', () =>
      withStore(async ({ store }) => {
        expect(await store.loadDocument('missing')).toBeNull()
      }))

    it('[sync:ST2] an existing room starts empty', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        expect(await store.loadDocument('r1')).toEqual({
          snapshot: null,
          updates: [],
          lastSeq: 0,
          clientIds: new Map(),
        })
      }))

    it('[sync:ST3] appends keep their order and return increasing sequence numbers', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        const first = await store.appendUpdates('r1', [bytes(1), bytes(2)])
        const second = await store.appendUpdates('r1', [bytes(3)])
        expect(second).toBeGreaterThan(first)
        const loaded = await store.loadDocument('r1')
        expect(loaded?.updates.map((u) => [...u])).toEqual([[1], [2], [3]])
        expect(loaded?.lastSeq).toBe(second)
      }))

    it('[sync:ST4] rooms do not see each other’s updates', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('a')
        await createRoom('b')
        await store.appendUpdates('a', [bytes(1)])
        await store.appendUpdates('b', [bytes(2)])
        expect((await store.loadDocument('a'))?.updates.map((u) => [...u])).toEqual([[1]])
        expect((await store.loadDocument('b'))?.updates.map((u) => [...u])).toEqual([[2]])
      }))

    it('[sync:ST5] compaction replaces updates up to a sequence number and keeps later ones', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        const through = await store.appendUpdates('r1', [bytes(1), bytes(2)])
        const later = await store.appendUpdates('r1', [bytes(3)])
        await store.compact('r1', bytes(9, 9), through)
        const loaded = await store.loadDocument('r1')
        expect(loaded && [...(loaded.snapshot ?? [])]).toEqual([9, 9])
        expect(loaded?.updates.map((u) => [...u])).toEqual([[3]])
        expect(loaded?.lastSeq).toBe(later)
      }))

    it('[sync:ST6] a later compaction replaces the earlier snapshot', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        const first = await store.appendUpdates('r1', [bytes(1)])
        await store.compact('r1', bytes(7), first)
        const second = await store.appendUpdates('r1', [bytes(2)])
        await store.compact('r1', bytes(8), second)
        const loaded = await store.loadDocument('r1')
        expect(loaded && [...(loaded.snapshot ?? [])]).toEqual([8])
        expect(loaded?.updates).toEqual([])
      }))

    it('[sync:ST7] stored bytes are copies: later changes to the caller’s buffer do not leak in', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        const buffer = bytes(1, 2, 3)
        await store.appendUpdates('r1', [buffer])
        buffer[0] = 42
        expect([...((await store.loadDocument('r1'))?.updates[0] ?? [])]).toEqual([1, 2, 3])
      }))

    it('[sync:ST8] appending to an unknown room fails', () =>
      withStore(async ({ store }) => {
        await expect(store.appendUpdates('missing', [bytes(1)])).rejects.toThrow()
      }))

    it('[sync:ST9] a client id keeps the principal that claimed it first, per room', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('a')
        await createRoom('b')
        await store.claimClientIds(
          'a',
          new Map([
            [1, 'member:ada'],
            [2, 'link:viewer'],
          ]),
        )
        await store.claimClientIds(
          'a',
          new Map([
            [1, 'member:mallory'],
            [3, 'member:bo'],
          ]),
        )
        await store.claimClientIds('b', new Map([[1, 'member:cy']]))
        expect((await store.loadDocument('a'))?.clientIds).toEqual(
          new Map([
            [1, 'member:ada'],
            [2, 'link:viewer'],
            [3, 'member:bo'],
          ]),
        )
        expect((await store.loadDocument('b'))?.clientIds).toEqual(new Map([[1, 'member:cy']]))
        await expect(store.claimClientIds('missing', new Map([[1, 'x']]))).rejects.toThrow()
      }))

    it('[sync:ST10] client ids span the whole unsigned 32-bit range Yjs draws them from', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        const claims = new Map([
          [0, 'member:zero'],
          [2 ** 31, 'member:mid'],
          [2 ** 32 - 1, 'member:max'],
        ])
        await store.claimClientIds('r1', claims)
        expect((await store.loadDocument('r1'))?.clientIds).toEqual(claims)
      }))

    it('[sync:ST12] compactStored folds the stored snapshot and every update into one snapshot', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        await createRoom('r2')
        const merged: number[][][] = []
        const concat = (parts: readonly Uint8Array[]) => {
          merged.push(parts.map((part) => [...part]))
          return Uint8Array.from(parts.flatMap((part) => [...part]))
        }
        await store.compactStored('r1', concat)
        expect(merged).toEqual([]) // nothing logged: nothing to do
        await store.appendUpdates('r1', [bytes(1), bytes(2)])
        await store.appendUpdates('r2', [bytes(5)])
        await store.compactStored('r1', concat)
        const last = await store.appendUpdates('r1', [bytes(3)])
        await store.compactStored('r1', concat)
        expect(merged).toEqual([
          [[1], [2]],
          [[1, 2], [3]],
        ])
        expect(await store.loadDocument('r1')).toEqual({
          snapshot: bytes(1, 2, 3),
          updates: [],
          lastSeq: last,
          clientIds: new Map(),
        })
        expect((await store.loadDocument('r2'))?.updates).toEqual([bytes(5)])
      }))

    it('[sync:ST13] compactStored keeps an update appended while it merges (another writer)', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        await store.appendUpdates('r1', [bytes(1)])
        let appended: Promise<number> | undefined
        await store.compactStored('r1', (parts) => {
          // Another process appends while this one merges: the append lands after the fold.
          appended ??= store.appendUpdates('r1', [bytes(2)])
          return Uint8Array.from(parts.flatMap((part) => [...part]))
        })
        await appended
        const loaded = await store.loadDocument('r1')
        const everything = [
          ...(loaded?.snapshot ?? []),
          ...(loaded?.updates.flatMap((u) => [...u]) ?? []),
        ]
        expect(everything.sort()).toEqual([1, 2])
      }))

    it('[sync:ST11] stores every byte value, and large updates, unchanged', () =>
      withStore(async ({ store, createRoom }) => {
        await createRoom('r1')
        const all = Uint8Array.from({ length: 256 }, (_, i) => i)
        const large = Uint8Array.from({ length: 1 << 18 }, (_, i) => (i * 31) % 251)
        const through = await store.appendUpdates('r1', [all, large])
        const loaded = await store.loadDocument('r1')
        expect(loaded?.updates).toHaveLength(2)
        expect(firstDifference(loaded?.updates[0], all)).toBeNull()
        expect(firstDifference(loaded?.updates[1], large)).toBeNull()
        await store.compact('r1', large, through)
        expect(firstDifference((await store.loadDocument('r1'))?.snapshot, large)).toBeNull()
      }))
  })
}
