/**
 * Starts the real, built Accord server (`apps/server/dist/main.js`) as a child process on a free
 * loopback port with its own SQLite file, exactly as `pnpm start` runs it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from './temp-dir.js'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const serverEntry = join(repoRoot, 'apps/server/dist/main.js')

export interface ServerOptions {
  /** Reuse a data directory (and so the database) from an earlier run. */
  readonly dataDir?: string
  /** Reuse a port, so that reconnecting clients find the restarted server. */
  readonly port?: number
  readonly env?: Record<string, string>
}

export interface ServerProcess {
  readonly url: string
  readonly wsUrl: string
  readonly port: number
  readonly dataDir: string
  readonly dbPath: string
  readonly child: ChildProcess
  /** Every line the server wrote to stdout and stderr. */
  readonly output: string[]
  /** Sends a signal and resolves with the exit code (or signal name) once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | string>
}

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

export async function startServer(options: ServerOptions = {}): Promise<ServerProcess> {
  if (!existsSync(serverEntry)) {
    throw new Error(`${serverEntry} is missing: run \`pnpm build\` before the integration tests`)
  }
  const dataDir = options.dataDir ?? tempDir('accord-test-')
  const dbPath = join(dataDir, 'accord.db')
  const port = options.port ?? (await freePort())
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbPath,
      ACCORD_LOG_LEVEL: 'debug',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  const listening = new Promise<void>((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() === '') continue
        output.push(line)
        if (line.includes('"msg":"listening"')) resolve()
      }
    }
    child.stdout?.on('data', onLine)
    child.stderr?.on('data', onLine)
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before listening:\n${output.join('\n')}`)),
    )
  })
  await listening
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    dbPath,
    child,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

export interface RoomTokens {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

const issuedTokens = new Map<string, RoomTokens>()

/** What a room may be created with besides its title (see `POST /api/rooms`). */
export interface RoomSetup {
  readonly template?: string
  readonly options?: Record<string, unknown>
  readonly followUp?: { readonly roomId: string; readonly token: string }
}

/** Creates a room over the HTTP API and returns its id; its tokens are kept for `tokensOf`. */
export async function createRoom(
  server: { url: string },
  title = 'Test board',
  setup: RoomSetup = {},
): Promise<string> {
  const response = await fetch(`${server.url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, ...setup }),
  })
  if (response.status !== 201) throw new Error(`room creation failed: ${response.status}`)
  const body = (await response.json()) as { id: string; tokens: RoomTokens }
  issuedTokens.set(body.id, body.tokens)
  return body.id
}

/** The share-link tokens of a room made by `createRoom`. */
export function tokensOf(roomId: string): RoomTokens {
  const tokens = issuedTokens.get(roomId)
  if (!tokens) throw new Error(`no tokens for room ${roomId}: it was not made by createRoom`)
  return tokens
}

/** Joins a room through a share link; returns the member credential and id. */
export async function joinRoom(
  server: { url: string },
  roomId: string,
  linkToken: string,
  name: string,
): Promise<{ token: string; memberId: string }> {
  const response = await fetch(`${server.url}/api/rooms/${roomId}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${linkToken}` },
    body: JSON.stringify({ name }),
  })
  if (response.status !== 201) throw new Error(`join failed: ${response.status}`)
  const body = (await response.json()) as { token: string; member: { id: string } }
  return { token: body.token, memberId: body.member.id }
}

/** Sends a room command with a credential; resolves with the HTTP status and JSON body. */
export async function sendCommand(
  server: { url: string },
  roomId: string,
  token: string,
  command: object,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/rooms/${roomId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(command),
  })
  return { status: response.status, body: await response.json() }
}
