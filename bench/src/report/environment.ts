/** What the figures were measured on and with: machine, pinning, and every server's version. */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { availableParallelism, cpus, platform, release } from 'node:os'
import { dirname, join } from 'node:path'
import type { ServerKind } from '../load/job.js'
import { benchRoot, repoRoot } from '../paths.js'
import type { Cores } from '../servers/cores.js'
import { MALLOC_ENV } from '../servers/launch.js'

export interface Environment {
  readonly node: string
  readonly os: string
  readonly cpu: string
  readonly cores: number
  /** Cores the server and the generator were pinned to (null: not pinned). */
  readonly pinned: Cores
  readonly servers: Record<ServerKind, string>
  /** Environment variables every server process got alike, beyond its port and data folder. */
  readonly serverEnv: Readonly<Record<string, string>>
}

function versionOf(packageJson: string): string {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
  } catch {
    return '?'
  }
}

/** A package's folder as Node resolves it from `from` (a package folder), pnpm layout included. */
function resolvePackage(from: string, name: string): string {
  let dir = existsSync(from) ? realpathSync(from) : from
  while (dir !== dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    dir = dirname(dir)
  }
  return from
}

function resolvedVersion(from: string, name: string): string {
  return versionOf(join(resolvePackage(from, name), 'package.json'))
}

function accordRevision(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  if (head.status !== 0) return 'unknown revision'
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' })
  return `${head.stdout.trim()}${dirty.stdout.trim() === '' ? '' : ' + local changes'}`
}

export function environment(pinned: Cores): Environment {
  const yServer = join(benchRoot, 'node_modules/@y/websocket-server')
  const hocuspocus = join(benchRoot, 'node_modules/@hocuspocus/server')
  const hocuspocusSqlite = join(benchRoot, 'node_modules/@hocuspocus/extension-sqlite')
  const accordServer = join(repoRoot, 'apps/server')
  return {
    node: process.version,
    os: `${platform()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    pinned,
    servers: {
      accord:
        `Accord ${accordRevision()} (apps/server/dist, SQLite via better-sqlite3 ` +
        `${resolvedVersion(join(repoRoot, 'packages/db'), 'better-sqlite3')}, ws ` +
        `${resolvedVersion(accordServer, 'ws')}; synchronous=` +
        `${process.env.ACCORD_SQLITE_SYNCHRONOUS ?? 'FULL'})`,
      'y-websocket':
        `@y/websocket-server ${versionOf(join(yServer, 'package.json'))} ` +
        `(YPERSISTENCE: y-leveldb ${resolvedVersion(yServer, 'y-leveldb')}, leveldown ` +
        `${resolvedVersion(resolvePackage(resolvePackage(yServer, 'y-leveldb'), 'level'), 'leveldown')}; ws ` +
        `${resolvedVersion(yServer, 'ws')})`,
      hocuspocus:
        `@hocuspocus/server ${versionOf(join(hocuspocus, 'package.json'))} with ` +
        `@hocuspocus/extension-sqlite ${versionOf(join(hocuspocusSqlite, 'package.json'))} ` +
        `(better-sqlite3 ${resolvedVersion(hocuspocusSqlite, 'better-sqlite3')})`,
      floor:
        `a stateless relay (ws ${resolvedVersion(benchRoot, 'ws')}), frames built once, ` +
        'nothing stored: the least any relay pays, not a reference',
    },
    serverEnv: MALLOC_ENV,
  }
}
