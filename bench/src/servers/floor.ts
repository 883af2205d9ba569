/**
 * The floor (`floor-main.ts`): a stateless relay that frames each message once, the cost of the
 * syscalls alone. Not a reference: it keeps no document, so it runs only in fan-out, drag and
 * presence, and only when `--servers` names it. It speaks plain y-websocket, the room in the path.
 */
import { built } from '../paths.js'
import type { BenchServer, StartOptions } from './bench-server.js'
import { launch } from './launch.js'

export async function startFloor(options: StartOptions): Promise<BenchServer> {
  const server = await launch({ ...options, entry: built.floor, readyPath: '/', env: {} })
  return {
    kind: 'floor',
    process: server,
    openRoom: async (name) => ({
      kind: 'floor',
      url: `${server.wsUrl}/${name}`,
      documentName: name,
      token: '',
      pid: server.pid,
      probeFile: server.probeFile,
    }),
  }
}
