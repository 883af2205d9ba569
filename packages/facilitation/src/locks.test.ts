import { describe, expect, it } from 'vitest'
import { applyLock, checkLockedWrites, isInLockedFrame, type Locks, noLocks } from './locks.js'

/** A small board: a frame with a note in it, a group inside the frame with a shape, a loose note. */
const board: Record<string, { parentId: string }> = {
  'shape:frame': { parentId: 'page:page' },
  'shape:inside': { parentId: 'shape:frame' },
  'shape:group': { parentId: 'shape:frame' },
  'shape:deep': { parentId: 'shape:group' },
  'shape:loose': { parentId: 'page:page' },
}
const lookup = (id: string) => board[id]
const frameLocked: Locks = { ...noLocks, frames: ['shape:frame'] }
const set = (id: string, record: unknown) => ({ kind: 'set' as const, id, record })

describe('locks', () => {
  it('[fac:L1] a locked board refuses every change to the board, whatever the record', () => {
    const locks = { ...noLocks, board: true }
    expect(checkLockedWrites([set('shape:loose', board['shape:loose'])], locks, lookup).ok).toBe(
      false,
    )
    expect(checkLockedWrites([set('shape:new', { parentId: 'page:page' })], locks, lookup).ok).toBe(
      false,
    )
    expect(checkLockedWrites([set('user:ada', { name: 'Ada' })], locks, lookup).ok).toBe(false)
  })

  it('[fac:L2] a locked frame protects itself and everything in it, however deep', () => {
    expect(isInLockedFrame('shape:deep', board['shape:deep'], frameLocked, lookup)).toBe(true)
    for (const id of ['shape:frame', 'shape:inside', 'shape:deep']) {
      expect(checkLockedWrites([set(id, board[id])], frameLocked, lookup)).toEqual({
        ok: false,
        error: 'this part of the board is locked by the facilitator',
      })
      expect(
        checkLockedWrites([{ kind: 'delete', id, record: board[id] }], frameLocked, lookup).ok,
      ).toBe(false)
    }
    expect(
      checkLockedWrites([set('shape:loose', { parentId: 'page:page', x: 5 })], frameLocked, lookup)
        .ok,
    ).toBe(true)
  })

  it('[fac:L2] nothing moves into or out of a locked frame, and nothing new is made in one', () => {
    expect(
      checkLockedWrites([set('shape:loose', { parentId: 'shape:frame' })], frameLocked, lookup).ok,
    ).toBe(false)
    expect(
      checkLockedWrites([set('shape:inside', { parentId: 'page:page' })], frameLocked, lookup).ok,
    ).toBe(false)
    expect(
      checkLockedWrites([set('shape:new', { parentId: 'shape:group' })], frameLocked, lookup).ok,
    ).toBe(false)
  })

  it('survives a parent cycle in a damaged board', () => {
    const cyclic: Record<string, { parentId: string }> = {
      'shape:a': { parentId: 'shape:b' },
      'shape:b': { parentId: 'shape:a' },
    }
    expect(isInLockedFrame('shape:a', cyclic['shape:a'], frameLocked, (id) => cyclic[id])).toBe(
      false,
    )
  })

  it('[fac:L3] locks and unlocks the board and frames', () => {
    const board = applyLock(noLocks, { target: 'board', locked: true })
    expect(board).toEqual({ ok: true, value: { board: true, frames: [], layout: [] } })
    const frames = applyLock(noLocks, {
      target: 'frames',
      frameIds: ['shape:a', 'shape:b'],
      locked: true,
    })
    expect(frames.ok && frames.value.frames).toEqual(['shape:a', 'shape:b'])
    const unlocked = frames.ok
      ? applyLock(frames.value, { target: 'frames', frameIds: ['shape:a'], locked: false })
      : frames
    expect(unlocked.ok && unlocked.value.frames).toEqual(['shape:b'])
  })

  it('[fac:L4] a template layout is fixed for participants while what is inside stays editable', () => {
    const locks = { ...noLocks, layout: ['shape:frame'] }
    const moved = { parentId: 'page:page', x: 99 }
    expect(checkLockedWrites([set('shape:frame', moved)], locks, lookup)).toEqual({
      ok: false,
      error: 'the template layout is fixed; notes inside it are not',
    })
    expect(
      checkLockedWrites([{ kind: 'delete', id: 'shape:frame', record: null }], locks, lookup).ok,
    ).toBe(false)
    expect(
      checkLockedWrites([set('shape:inside', { parentId: 'shape:frame' })], locks, lookup).ok,
    ).toBe(true)
    expect(
      checkLockedWrites([set('shape:new', { parentId: 'shape:frame' })], locks, lookup).ok,
    ).toBe(true)
  })
})
