/** The app's pages. Board links look like /b/<roomId>. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'board'; readonly roomId: string }
  | { readonly name: 'not-found' }

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  const board = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname)
  if (board?.[1]) return { name: 'board', roomId: board[1] }
  return { name: 'not-found' }
}

export function boardPath(roomId: string): string {
  return `/b/${roomId}`
}
