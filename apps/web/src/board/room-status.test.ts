import { describe, expect, it } from 'vitest'
import {
  connectionIndicator,
  initialRoomStatus,
  isBoardReady,
  reduceRoomStatus,
  type RoomEvent,
  type RoomStatus,
} from './room-status'

const run = (...events: RoomEvent[]): RoomStatus =>
  events.reduce(reduceRoomStatus, initialRoomStatus)

describe('room status', () => {
  it('starts connecting and not ready', () => {
    expect(connectionIndicator(initialRoomStatus)).toBe('connecting')
    expect(isBoardReady(initialRoomStatus)).toBe(false)
  })

  it('is online once connected and synced, and ready once the local copy has loaded too', () => {
    const synced = run({ type: 'socket', state: 'connected' }, { type: 'synced', synced: true })
    expect(connectionIndicator(synced)).toBe('online')
    expect(isBoardReady(synced)).toBe(false)
    expect(
      isBoardReady(reduceRoomStatus(synced, { type: 'local-loaded', hasContent: false })),
    ).toBe(true)
  })

  it('opens from the local copy alone when it has the board (offline reload)', () => {
    const status = run(
      { type: 'local-loaded', hasContent: true },
      { type: 'socket', state: 'disconnected' },
    )
    expect(isBoardReady(status)).toBe(true)
    expect(connectionIndicator(status)).toBe('offline')
  })

  it('a board from a newer editor is marked incompatible and disconnected', () => {
    const status = run(
      { type: 'local-loaded', hasContent: false },
      { type: 'socket', state: 'connected' },
      { type: 'board-incompatible' },
    )
    expect(status.incompatible).toBe(true)
    expect(status.socket).toBe('disconnected')
    expect(connectionIndicator(status)).not.toBe('online')
  })

  it('waits for the server when the local copy is empty', () => {
    const status = run(
      { type: 'local-loaded', hasContent: false },
      { type: 'socket', state: 'disconnected' },
    )
    expect(isBoardReady(status)).toBe(false)
  })

  it('stays offline through a reconnect loop until the next sync', () => {
    const dropped = run(
      { type: 'socket', state: 'connected' },
      { type: 'synced', synced: true },
      { type: 'socket', state: 'disconnected' },
      { type: 'socket', state: 'connecting' },
    )
    expect(connectionIndicator(dropped)).toBe('offline')
    expect(dropped.synced).toBe(false)
    const back = run(
      { type: 'socket', state: 'disconnected' },
      { type: 'socket', state: 'connected' },
      { type: 'synced', synced: true },
    )
    expect(connectionIndicator(back)).toBe('online')
  })

  it('reports a board that does not exist', () => {
    expect(connectionIndicator(run({ type: 'room-not-found' }))).toBe('not-found')
  })

  it('shows the server’s refusal of a connection until the next sync', () => {
    const refused = run(
      { type: 'socket', state: 'connected' },
      { type: 'synced', synced: true },
      { type: 'connection-refused', reason: 'too many connections from your address' },
      { type: 'socket', state: 'disconnected' },
    )
    expect(refused.refusal).toBe('Reconnecting: too many connections from your address')
    const resynced = [
      { type: 'socket', state: 'connected' } as const,
      { type: 'synced', synced: true } as const,
    ].reduce(reduceRoomStatus, refused)
    expect(resynced.refusal).toBeNull()
  })

  it('keeps a refused edit on show while the connection stays up', () => {
    const status = run(
      { type: 'socket', state: 'connected' },
      { type: 'synced', synced: true },
      { type: 'edit-refused', reason: 'the board is full: delete something to make room' },
      { type: 'synced', synced: true },
    )
    expect(status.refusal).toBe(
      'Your last change was not saved: the board is full: delete something to make room',
    )
  })

  it('keeps a refused edit on show through the resync that follows it, and no longer', () => {
    const refused = run(
      { type: 'socket', state: 'connected' },
      { type: 'synced', synced: true },
      { type: 'edit-refused', reason: 'this part of the board is locked by the facilitator' },
    )
    // The board starts over from the server's copy: a new connection, a new sync.
    const again = (from: typeof refused) =>
      [
        { type: 'socket', state: 'disconnected' } as const,
        { type: 'socket', state: 'connected' } as const,
        { type: 'synced', synced: true } as const,
      ].reduce(reduceRoomStatus, from)
    const resynced = again(refused)
    expect(resynced.refusal).toBe(
      'Your last change was not saved: this part of the board is locked by the facilitator',
    )
    expect(again(resynced).refusal).toBeNull()
  })
})
