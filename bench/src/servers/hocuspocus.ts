/**
 * Hocuspocus (`@hocuspocus/server`) with `@hocuspocus/extension-sqlite` on a file, started by
 * `hocuspocus-main.ts`. Its defaults otherwise: documents stored 2 s after the last change (at
 * most every 10 s), broadcasts coalesced per event-loop turn.
 */
import { join } from 'node:path'
import { built } from '../paths.js'
import type { BenchServer, StartOptions } from './bench-server.js'
import { launch } from './launch.js'

export async function startHocuspocus(options: StartOptions): Promise<BenchServer> {
  const server = await launch({
    ...options,
    entry: built.hocuspocus,
    readyPath: '/',
    env: { BENCH_SQLITE_FILE: join(options.dataDir, 'hocuspocus.db') },
  })
  return {
    kind: 'hocuspocus',
    process: server,
    openRoom: async (name) => ({
      kind: 'hocuspocus',
      url: server.wsUrl,
      documentName: name,
      token: 'bench',
      pid: server.pid,
      probeFile: server.probeFile,
    }),
  }
}
