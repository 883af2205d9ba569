/** Where things are, from the source (tests) as from the build (`pnpm bench`). */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `bench/`: this file is `bench/src/paths.ts` or `bench/dist/paths.js`. */
export const benchRoot = fileURLToPath(new URL('..', import.meta.url))
export const repoRoot = join(benchRoot, '..')

/** Built entry points: child processes run plain `node`, never a TypeScript loader. */
export const built = {
  generator: join(benchRoot, 'dist/load/generator.js'),
  probe: join(benchRoot, 'dist/servers/eld-probe.js'),
  hocuspocus: join(benchRoot, 'dist/servers/hocuspocus-main.js'),
  floor: join(benchRoot, 'dist/servers/floor-main.js'),
  accord: join(repoRoot, 'apps/server/dist/main.js'),
  yWebsocket: join(benchRoot, 'node_modules/@y/websocket-server/src/server.js'),
}

export const defaultResultsDir = join(benchRoot, 'results')
