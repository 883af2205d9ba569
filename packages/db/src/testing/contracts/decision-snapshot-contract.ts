/**
 * [rec:BS1] The board at the moment of decision, as the record repository keeps it: taken when a
 * record first becomes accepted — by any path — and never replaced; none for a record that is only
 * proposed or rejected, nor for one accepted before snapshots were kept.
 */
import type { DecisionStatus } from '@accord/records'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardState } from '../../decision-snapshots.js'
import { at, content, draft, openWithRooms, source, workshop } from './record-fixtures.js'
import type { OpenStorage, StorageUnderTest } from './storage-under-test.js'

/** A board that says which one it is, with the bytes text columns could not hold (NUL, 0xff). */
const boardBytes = (n: number) => Uint8Array.from([n, 0, 255, 1, n, 0])

/** A board state reader that counts how often the repository read it. */
function board(n: number): BoardState & { reads: number } {
  const read = Object.assign(
    () => {
      read.reads += 1
      return boardBytes(n)
    },
    { reads: 0 },
  )
  return read
}

const event = (iso: string) => ({ by: 'Ada', at: iso, note: '' })

export function describeDecisionSnapshotContract(name: string, open: OpenStorage): void {
  describe(`decision snapshots: ${name}`, () => {
    let storage: StorageUnderTest
    let records: StorageUnderTest['records']
    beforeEach(async () => {
      storage = await openWithRooms(open)
      records = storage.records
    })
    afterEach(() => storage.close())

    /** The snapshot's board number and time, or null. */
    const snapshotOf = async (id: string) => {
      const snapshot = await records.boardSnapshot(id)
      return snapshot && { ...snapshot, state: [...snapshot.state] }
    }
    const kept = (n: number, iso: string, roomId: string | null = 'r') => ({
      roomId,
      takenAt: at(iso),
      state: [...boardBytes(n)],
    })
    const save = (status: DecisionStatus, iso: string, state?: BoardState, title?: string) =>
      records.saveWorkshop(
        workshop({
          source: source('r'),
          decision: draft({ status, ...(title === undefined ? {} : { title }) }),
        }),
        'Ada',
        at(iso),
        state,
      )

    it('[rec:BS1] a workshop save that accepts a decision keeps its board; later saves never replace it', async () => {
      await save('accepted', '2026-11-20T10:00:00Z', board(1))
      expect(await snapshotOf('DR-1')).toEqual(kept(1, '2026-11-20T10:00:00Z'))

      // Saved again (the same decision, the board changed since): the first one stays.
      const again = board(2)
      await save('accepted', '2026-11-21T10:00:00Z', again)
      expect(again.reads).toBe(0)
      expect(await snapshotOf('DR-1')).toEqual(kept(1, '2026-11-20T10:00:00Z'))

      // A new decision supersedes it: the new record has the board of its own moment.
      await save('accepted', '2026-11-22T10:00:00Z', board(3), 'Move to CockroachDB')
      expect(await snapshotOf('DR-2')).toEqual(kept(3, '2026-11-22T10:00:00Z'))
      expect(await snapshotOf('DR-1')).toEqual(kept(1, '2026-11-20T10:00:00Z'))
    })

    it('[rec:BS1] proposed and rejected records keep none; accepting a proposed one keeps the board then', async () => {
      const proposed = board(1)
      await save('proposed', '2026-11-20T10:00:00Z', proposed)
      expect(proposed.reads).toBe(0)
      expect(await snapshotOf('DR-1')).toBeNull()

      // Accepted on the record page.
      const changed = await records.changeDecisionStatus(
        'DR-1',
        'accepted',
        event('2026-11-21T09:30:00.000Z'),
        board(2),
      )
      expect(changed?.ok).toBe(true)
      expect(await snapshotOf('DR-1')).toEqual(kept(2, '2026-11-21T09:30:00.000Z'))

      // Rejected, in another workshop: none.
      const rejected = await records.createDecision(
        draft({ status: 'rejected', source: source('retro') }),
        'Bo',
        at('2026-11-22T10:00:00Z'),
        board(3),
      )
      expect(await snapshotOf(rejected.id)).toBeNull()
    })

    it('[rec:BS1] a proposed record accepted at a later save keeps the board of that save', async () => {
      await save('proposed', '2026-11-20T10:00:00Z', board(1))
      await save('accepted', '2026-11-21T10:00:00Z', board(2))
      expect(await snapshotOf('DR-1')).toEqual(kept(2, '2026-11-21T10:00:00Z'))
    })

    it('[rec:BS1] a free-form decision and a successor written on the record page keep theirs', async () => {
      const free = await records.createDecision(
        draft({ source: source('retro', ['shape:theme']) }),
        'Bo',
        at('2026-11-20T10:00:00Z'),
        board(1),
      )
      expect(await snapshotOf(free.id)).toEqual(kept(1, '2026-11-20T10:00:00Z', 'retro'))

      const superseded = await records.supersedeDecision(
        free.id,
        content({ decision: 'We stay on SQLite' }),
        'Ada',
        at('2026-11-21T10:00:00Z'),
        'cheaper',
        board(2),
      )
      const successor = superseded?.ok ? superseded.value.successor : null
      expect(successor?.status).toBe('accepted')
      expect(await snapshotOf(successor!.id)).toEqual(kept(2, '2026-11-21T10:00:00Z', 'retro'))
      expect(await snapshotOf(free.id)).toEqual(kept(1, '2026-11-20T10:00:00Z', 'retro'))
    })

    it('[rec:BS1][rec:DR10] a workshop revisiting a record keeps its board once it accepts', async () => {
      await save('accepted', '2026-11-20T10:00:00Z', board(1))
      const revisiting = (status: DecisionStatus, iso: string, state: BoardState) =>
        records.saveWorkshop(
          workshop({
            source: source('retro'),
            decision: draft({ status, title: 'Stay on SQLite', source: source('retro', ['p']) }),
            revisits: 'DR-1',
          }),
          'Bo',
          at(iso),
          state,
        )
      const proposed = await revisiting('proposed', '2026-11-21T10:00:00Z', board(2))
      expect(proposed.decision).toMatchObject({ id: 'DR-2', status: 'proposed' })
      expect(await snapshotOf('DR-2')).toBeNull()
      const accepted = await revisiting('accepted', '2026-11-22T10:00:00Z', board(3))
      expect(accepted.decision).toMatchObject({
        id: 'DR-2',
        status: 'accepted',
        supersedes: 'DR-1',
      })
      expect(await snapshotOf('DR-2')).toEqual(kept(3, '2026-11-22T10:00:00Z', 'retro'))
      expect(await snapshotOf('DR-1')).toEqual(kept(1, '2026-11-20T10:00:00Z'))
    })

    it('[rec:BS1] a record accepted before snapshots were kept never gets one later', async () => {
      await save('accepted', '2026-11-20T10:00:00Z')
      const later = board(2)
      await save('accepted', '2026-11-21T10:00:00Z', later)
      expect(later.reads).toBe(0)
      expect(await snapshotOf('DR-1')).toBeNull()
      expect(await snapshotOf('DR-999')).toBeNull()
      expect(await snapshotOf('not-an-id')).toBeNull()
    })

    it('[rec:BS1] outlives its board like the record does, and reads back after a restart', async () => {
      await save('accepted', '2026-11-20T10:00:00Z', board(7))
      storage = await storage.reopen()
      records = storage.records
      expect(await snapshotOf('DR-1')).toEqual(kept(7, '2026-11-20T10:00:00Z'))
      await storage.deleteRoom('r')
      expect(await snapshotOf('DR-1')).toEqual(kept(7, '2026-11-20T10:00:00Z', null))
    })
  })
}
