/** Starts a server under test by kind. */
import type { ServerKind } from '../load/job.js'
import { startAccord } from './accord.js'
import type { BenchServer, StartOptions } from './bench-server.js'
import { startFloor } from './floor.js'
import { startHocuspocus } from './hocuspocus.js'
import { startYWebsocket } from './y-websocket.js'

/** What runs when `--servers` is not given: Accord and the two references. */
export const serverKinds: readonly ServerKind[] = ['accord', 'y-websocket', 'hocuspocus']

/** What `--servers` accepts: the floor runs only when asked for. */
export const allServerKinds: readonly ServerKind[] = [...serverKinds, 'floor']

/**
 * Whether a server keeps the document, so that rooms, join storms and durability mean something
 * on it: the floor keeps nothing.
 */
export function keepsDocuments(kind: ServerKind): boolean {
  return kind !== 'floor'
}

export function startServer(kind: ServerKind, options: StartOptions): Promise<BenchServer> {
  switch (kind) {
    case 'accord':
      return startAccord(options)
    case 'y-websocket':
      return startYWebsocket(options)
    case 'hocuspocus':
      return startHocuspocus(options)
    case 'floor':
      return startFloor(options)
  }
}
