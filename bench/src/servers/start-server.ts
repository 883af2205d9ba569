/** Starts a server under test by kind. */
import type { ServerKind } from '../load/job.js'
import { startAccord } from './accord.js'
import type { BenchServer, StartOptions } from './bench-server.js'
import { startHocuspocus } from './hocuspocus.js'
import { startYWebsocket } from './y-websocket.js'

export const serverKinds: readonly ServerKind[] = ['accord', 'y-websocket', 'hocuspocus']

export function startServer(kind: ServerKind, options: StartOptions): Promise<BenchServer> {
  switch (kind) {
    case 'accord':
      return startAccord(options)
    case 'y-websocket':
      return startYWebsocket(options)
    case 'hocuspocus':
      return startHocuspocus(options)
  }
}
