/**
 * Starts a server process the same way for every server: `node --import <probe> <entry>` on a free
 * loopback port, pinned to its core, with its data in a fresh directory; ready once it answers
 * HTTP. `taskset` execs node, so the child's pid is the server's.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { built, repoRoot } from '../paths.js'
import { nodeCommand } from './cores.js'

export interface LaunchSpec {
  readonly entry: string
  readonly env: Readonly<Record<string, string>>
  /** A path that answers once the server is ready. */
  readonly readyPath: string
  readonly dataDir: string
  readonly port: number
  readonly core: number | null
}

export interface ServerProcess {
  readonly pid: number
  readonly url: string
  readonly wsUrl: string
  readonly probeFile: string
  /** The last lines the server wrote, for error messages. */
  output(): string
  /** SIGTERM (then SIGKILL after 5 s); removes the data directory. */
  stop(): Promise<void>
  /** `kill -9`: the process dies at once, whatever it had not written yet; the data stays. */
  crash(): Promise<void>
}

const KEPT_LINES = 40

/**
 * The allocator setting the README recommends for Accord (Configuration, "Memory"), given to every
 * server alike. glibc's default raises its mmap threshold to the largest buffer freed so far (up
 * to 32 MiB) and then keeps up to twice that of freed memory: after a large board's encodings
 * come and go, a server holds 60–90 MB it no longer uses. A fixed threshold turns that off.
 */
export const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' } as const
const READY_TIMEOUT_MS = 20_000

export async function freePort(): Promise<number> {
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

export async function launch(spec: LaunchSpec): Promise<ServerProcess> {
  const probeFile = join(spec.dataDir, 'event-loop.json')
  const [command, args] = nodeCommand(spec.core, [
    // Only the probe calls gc(), and only when the rooms scenario asks (`eld-probe.ts`).
    '--expose-gc',
    // To profile a server under load: BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter((arg) => arg !== '') ?? []),
    '--import',
    pathToFileURL(built.probe).href,
    spec.entry,
  ])
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(spec.port),
      BENCH_PROBE_FILE: probeFile,
      ...MALLOC_ENV,
      ...spec.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(line)
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${spec.port}`
  const server: ServerProcess = {
    pid: child.pid ?? -1,
    url,
    wsUrl: `ws://127.0.0.1:${spec.port}`,
    probeFile,
    output: () => lines.join('\n'),
    stop: async () => {
      await stopChild(child, exited)
      rmSync(spec.dataDir, { recursive: true, force: true })
    },
    crash: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
  }
  try {
    await waitReady(`${url}${spec.readyPath}`, child)
  } catch (error) {
    await server.stop()
    throw new Error(`${spec.entry} did not start: ${String(error)}\n${server.output()}`, {
      cause: error,
    })
  }
  return server
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('exited')
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('not ready in time')
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(killer)
}
