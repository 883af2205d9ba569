import { describe, expect, it } from 'vitest'
import {
  findRecentBoard,
  loadRecentBoards,
  MAX_RECENT_BOARDS,
  rememberBoard,
} from './recent-boards'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  }
}

const board = (id: string, title = id) => ({ id, title, visitedAt: '2026-11-21T00:00:00.000Z' })

describe('recent boards', () => {
  it('keeps the newest first without duplicates', () => {
    const storage = memoryStorage()
    rememberBoard(storage, board('a'))
    rememberBoard(storage, board('b'))
    rememberBoard(storage, board('a', 'A renamed'))
    expect(loadRecentBoards(storage).map((b) => [b.id, b.title])).toEqual([
      ['a', 'A renamed'],
      ['b', 'b'],
    ])
    expect(findRecentBoard(storage, 'b')?.title).toBe('b')
  })

  it('keeps a bounded number', () => {
    const storage = memoryStorage()
    for (let i = 0; i < MAX_RECENT_BOARDS + 5; i++) rememberBoard(storage, board(`r${i}`))
    expect(loadRecentBoards(storage)).toHaveLength(MAX_RECENT_BOARDS)
  })

  it('survives corrupt or foreign data in storage', () => {
    expect(loadRecentBoards(memoryStorage({ 'accord:recent-boards': '{not json' }))).toEqual([])
    expect(
      loadRecentBoards(
        memoryStorage({
          'accord:recent-boards': '[{"id":1},{"id":"x","title":"X","visitedAt":"t"}]',
        }),
      ),
    ).toEqual([{ id: 'x', title: 'X', visitedAt: 't' }])
  })

  it('does not throw when storage refuses writes', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(rememberBoard(full, board('a'))).toHaveLength(1)
  })
})
