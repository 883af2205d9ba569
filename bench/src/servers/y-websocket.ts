/**
 * The reference server, `@y/websocket-server` (its `y-websocket-server` bin), with its LevelDB
 * persistence on: `YPERSISTENCE=<dir>` makes it store every update through y-leveldb.
 */
import { join } from 'node:path'
import { built } from '../paths.js'
import type { BenchServer, StartOptions } from './bench-server.js'
import { launch } from './launch.js'

export async function startYWebsocket(options: StartOptions): Promise<BenchServer> {
  const server = await launch({
    ...options,
    entry: built.yWebsocket,
    readyPath: '/',
    env: { YPERSISTENCE: join(options.dataDir, 'leveldb') },
  })
  return {
    kind: 'y-websocket',
    process: server,
    // The document is named after the URL's path.
    openRoom: async (name) => ({
      kind: 'y-websocket',
      url: `${server.wsUrl}/${name}`,
      documentName: name,
      token: '',
      pid: server.pid,
      probeFile: server.probeFile,
    }),
  }
}
