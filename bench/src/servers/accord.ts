/**
 * Accord from its build (`apps/server/dist/main.js`), as `pnpm start` runs it, on a fresh SQLite
 * file. The bounds a benchmark from one address would hit are off (README, "Limits") unless a
 * scenario asks for the documented ones (the hostile clients); every other setting is the
 * default — `ACCORD_SQLITE_SYNCHRONOUS=FULL` among them — unless the scenario sets it or the
 * bench's own environment sets an `ACCORD_*` variable, which is passed on.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { built } from '../paths.js'
import type { BenchServer, StartOptions } from './bench-server.js'
import { launch } from './launch.js'

const limitsOff = {
  ACCORD_MESSAGES_PER_SECOND: '0',
  ACCORD_MAX_CONNECTIONS_PER_ROOM: '0',
  ACCORD_MAX_CONNECTIONS_PER_IP: '0',
  ACCORD_ROOMS_PER_IP_PER_HOUR: '0',
}

function passedOn(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('ACCORD_') && entry[1] !== undefined,
    ),
  )
}

export async function startAccord(options: StartOptions): Promise<BenchServer> {
  if (!existsSync(built.accord)) {
    throw new Error(`${built.accord} is missing: build the server first (pnpm bench does)`)
  }
  const server = await launch({
    ...options,
    entry: built.accord,
    readyPath: '/healthz',
    env: {
      ...(options.limits === 'documented' ? {} : limitsOff),
      ...options.env,
      ...passedOn(),
      DATABASE_URL: join(options.dataDir, 'accord.db'),
    },
  })
  return {
    kind: 'accord',
    process: server,
    openRoom: async (name) => {
      const response = await fetch(`${server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: name }),
      })
      if (response.status !== 201) {
        throw new Error(`POST /api/rooms answered ${response.status}: ${await response.text()}`)
      }
      const room = (await response.json()) as {
        id: string
        tokens: { participant: string; viewer: string }
      }
      const link = (token: string) =>
        `${server.wsUrl}/sync/${room.id}?token=${encodeURIComponent(token)}`
      return {
        kind: 'accord',
        url: link(room.tokens.participant),
        viewerUrl: link(room.tokens.viewer),
        documentName: room.id,
        token: room.tokens.participant,
        pid: server.pid,
        probeFile: server.probeFile,
      }
    },
  }
}
