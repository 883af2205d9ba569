/**
 * A throwaway Redis server for tests: Debian's `redis-server` (`apt-get install redis-server`,
 * which `.ci/run` does on a machine without it) on a free loopback port, persisting nothing, in a
 * temp dir that `stop()` removes. Killed with the test process at the latest.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './server-process.js'

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** Kills the server (SIGKILL: every connection drops), runs `whileDown`, starts it again. */
  restart(whileDown?: () => Promise<void>): Promise<void>
  stop(): Promise<void>
}

const BINARY = '/usr/bin/redis-server'

export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} not found: install it with \`apt-get install -y redis-server\``)
  }
  const dir = mkdtempSync(join(tmpdir(), 'accord-redis-'))
  const port = await freePort()
  let running = await launch(port, dir)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    restart: async (whileDown) => {
      await running.kill('SIGKILL')
      await whileDown?.()
      running = await launch(port, dir)
    },
    stop: async () => {
      await running.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

interface Running {
  kill(signal: NodeJS.Signals): Promise<void>
}

async function launch(port: number, dir: string): Promise<Running> {
  const child: ChildProcess = spawn(
    BINARY,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const output: string[] = []
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString())
      if (output.join('').includes('Ready to accept connections')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then(() => reject(new Error(`redis-server exited:\n${output.join('')}`)))
  })
  return {
    kill: async (signal) => {
      process.removeListener('exit', killOnExit)
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
