/**
 * The app's pages. Board links look like /b/<roomId>; the decision log is /decisions (one record:
 * /decisions/DR-12, the board as it was when it was accepted: /decisions/DR-12/board); action items across workshops are /actions; /signin?next=… asks for the
 * instance's access key, then goes on to `next`; /licenses shows Accord's licence and the
 * third-party notices.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'board'; readonly roomId: string }
  | { readonly name: 'decisions' }
  | { readonly name: 'decision'; readonly id: string }
  | { readonly name: 'decision-board'; readonly id: string }
  | { readonly name: 'actions' }
  | { readonly name: 'signin' }
  | { readonly name: 'licenses' }
  | { readonly name: 'not-found' }

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  const board = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname)
  if (board?.[1]) return { name: 'board', roomId: board[1] }
  if (/^\/decisions\/?$/.test(pathname)) return { name: 'decisions' }
  const decision = /^\/decisions\/(DR-\d{1,9})\/?$/i.exec(pathname)
  if (decision?.[1]) return { name: 'decision', id: decision[1].toUpperCase() }
  const decisionBoard = /^\/decisions\/(DR-\d{1,9})\/board\/?$/i.exec(pathname)
  if (decisionBoard?.[1]) return { name: 'decision-board', id: decisionBoard[1].toUpperCase() }
  if (/^\/actions\/?$/.test(pathname)) return { name: 'actions' }
  if (/^\/signin\/?$/.test(pathname)) return { name: 'signin' }
  if (/^\/licenses\/?$/.test(pathname)) return { name: 'licenses' }
  return { name: 'not-found' }
}

export function boardPath(roomId: string): string {
  return `/b/${roomId}`
}

/** The board, opened zoomed to one shape (a region, a note) and highlighting it. */
export function boardFocusPath(roomId: string, shapeId: string): string {
  return `${boardPath(roomId)}?${new URLSearchParams({ focus: shapeId }).toString()}`
}

export const decisionLogPath = '/decisions'
export const licensesPath = '/licenses'
export const actionItemsPath = '/actions'

export function decisionPath(id: string): string {
  return `${decisionLogPath}/${encodeURIComponent(id)}`
}

/** The board as it was when the record was accepted (rec:BS1). */
export function decisionBoardPath(id: string): string {
  return `${decisionPath(id)}/board`
}

/** The sign-in page, returning to `next` (a path of this app) afterwards. */
export function signInPath(next: string): string {
  return next === '/' ? '/signin' : `/signin?${new URLSearchParams({ next }).toString()}`
}
