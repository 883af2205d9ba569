/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temp dir, `postgres` on a free
 * loopback port (its socket in the same temp dir), and everything removed again on `stop()`.
 *
 * The binaries are Debian's (`apt-get install postgresql`, which `.ci/run` does on a machine
 * without them): the newest `/usr/lib/postgresql/<version>/bin`, else `pg_config --bindir`.
 * PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user the
 * Debian package creates (the temp dir is handed to that user); under any other user, as that
 * user. Authentication is `trust` on loopback only, and the superuser is `postgres`.
 *
 * The cluster runs with `fsync=off`: tests never cut the power, and every commit still waits for
 * its WAL write, so nothing a test observes changes — only the time spent in fsync does.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, the maintenance database. */
  readonly url: string
  readonly port: number
  /** Creates an empty database (or a copy of `template`) and returns its URL. */
  createDatabase(options?: { name?: string; template?: string }): Promise<string>
  /**
   * Stops the server — `crash`: at once, as a crash would (SIGQUIT: no checkpoint, recovery from
   * the WAL at the next start) — runs `whileDown`, and starts it again on the same data and port.
   */
  restart(options?: { crash?: boolean; whileDown?: () => Promise<void> }): Promise<void>
  /** Fast shutdown, then the temp dir is removed. */
  stop(): Promise<void>
}

const READY = 'database system is ready to accept connections'
let databases = 0

/** The directory holding `initdb` and `postgres`, or an error naming how to install them. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions[0] !== undefined) return join(root, versions[0], 'bin')
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
    if (existsSync(join(dir, 'initdb'))) return dir
  } catch {
    // No pg_config either: fall through to the message below.
  }
  throw new Error(
    'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and ' +
      '`pg_config --bindir`); install them with `apt-get install -y postgresql`',
  )
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir()
  const owner = process.getuid?.() === 0 ? postgresUser() : null
  const dir = mkdtempSync(join(tmpdir(), 'accord-pg-'))
  const dataDir = join(dir, 'data')
  chmodSync(dir, 0o700)
  if (owner) chownSync(dir, owner.uid, owner.gid)
  // The temp dir as working directory: the postgres user may not be allowed into the current one.
  const run = { ...(owner ?? {}), cwd: dir, env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' } }
  try {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { ...run, stdio: 'pipe' },
    )
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      const launch = () => {
        const args = [
          ...['-D', dataDir, '-p', String(port), '-k', dir],
          ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
        ]
        return spawn(join(bin, 'postgres'), args, { ...run, stdio: ['ignore', 'pipe', 'pipe'] })
      }
      const child = launch()
      const started = await untilReady(child)
      if (started.ok) return running({ child, launch, port, dir })
      // Another process may have taken the port between the probe and the bind: try another.
      if (attempt === 3 || !started.log.includes('could not bind')) {
        throw new Error(`postgres did not start:\n${started.log}`)
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

interface Launched {
  readonly child: ChildProcess
  /** Starts `postgres` again with the same arguments. */
  readonly launch: () => ChildProcess
  readonly port: number
  readonly dir: string
}

function running({ child: first, launch, port, dir }: Launched): PostgresServer {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let child = first
  const stopped = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill(signal)
    })
  // Should the test process end without `stop()`, take the server down with it.
  const killOnExit = () => child.kill('SIGQUIT')
  process.once('exit', killOnExit)
  return {
    url,
    port,
    async createDatabase({ name, template } = {}) {
      const database = name ?? `accord_test_${process.pid}_${++databases}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const copy = template ? ` template ${quoteIdent(template)}` : ''
        await client.query(`create database ${quoteIdent(database)}${copy}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`
    },
    async restart({ crash = false, whileDown } = {}) {
      await stopped(crash ? 'SIGQUIT' : 'SIGINT')
      // Started again whatever `whileDown` does; its failure is reported after.
      const failure = await (whileDown?.() ?? Promise.resolve()).then(
        () => null,
        (error: unknown) => ({ error }),
      )
      child = launch()
      const started = await untilReady(child)
      if (!started.ok) throw new Error(`postgres did not start again:\n${started.log}`)
      if (failure) throw failure.error
    },
    async stop() {
      process.off('exit', killOnExit)
      await stopped('SIGINT') // fast shutdown: disconnects clients, then a clean stop
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function untilReady(child: ChildProcess): Promise<{ ok: true } | { ok: false; log: string }> {
  return new Promise((resolve) => {
    let log = ''
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      if (log.includes(READY)) {
        child.stderr?.off('data', onData)
        child.stdout?.off('data', onData)
        child.stderr?.resume()
        child.stdout?.resume()
        resolve({ ok: true })
      }
    }
    child.stderr?.on('data', onData)
    child.stdout?.on('data', onData)
    child.once('exit', () => resolve({ ok: false, log }))
  })
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    throw new Error(
      'running as root, and PostgreSQL refuses to: the tests run it as the `postgres` user, ' +
        'which is missing (it comes with `apt-get install -y postgresql`)',
    )
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`
