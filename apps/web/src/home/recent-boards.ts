/** Boards this browser has opened, newest first, so people can find their way back. */
export interface RecentBoard {
  readonly id: string
  readonly title: string
  readonly visitedAt: string
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>

const KEY = 'accord:recent-boards'
export const MAX_RECENT_BOARDS = 12

export function loadRecentBoards(storage: KeyValueStorage): RecentBoard[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isRecentBoard) : []
  } catch {
    return []
  }
}

export function rememberBoard(storage: KeyValueStorage, board: RecentBoard): RecentBoard[] {
  const boards = [board, ...loadRecentBoards(storage).filter((b) => b.id !== board.id)].slice(
    0,
    MAX_RECENT_BOARDS,
  )
  try {
    storage.setItem(KEY, JSON.stringify(boards))
  } catch {
    // Storage full or disabled: the list is a convenience, not data.
  }
  return boards
}

export function findRecentBoard(storage: KeyValueStorage, id: string): RecentBoard | undefined {
  return loadRecentBoards(storage).find((board) => board.id === id)
}

function isRecentBoard(value: unknown): value is RecentBoard {
  const v = value as Partial<RecentBoard> | null
  return typeof v?.id === 'string' && typeof v.title === 'string' && typeof v.visitedAt === 'string'
}
