/**
 * The set-up most test files share. Everything a test starts is stopped after it, so a failing
 * test cannot leak servers or sockets into the next one.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type ServerOptions, type ServerProcess, startServer } from './server-process.js'
import { connectClient, type TestClient } from './yjs-client.js'

type ClientOptions = Parameters<typeof connectClient>[2]

/** Stock y-websocket clients destroyed after each test. */
function trackClients() {
  const clients: TestClient[] = []
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
  })
  return (server: ServerProcess, roomId: string, options?: ClientOptions): TestClient => {
    const client = connectClient(server.wsUrl, roomId, options)
    clients.push(client)
    return client
  }
}

/** One server for the whole file (started before its first test), and per-test clients. */
export function useSharedServer(options: ServerOptions = {}) {
  let server: ServerProcess | undefined
  beforeAll(async () => {
    server = await startServer(options)
  })
  afterAll(async () => {
    await server?.stop()
  })
  const connect = trackClients()
  const current = (): ServerProcess => {
    if (!server) throw new Error('the shared server is not started yet')
    return server
  }
  return {
    get server(): ServerProcess {
      return current()
    },
    client: (roomId: string, clientOptions?: ClientOptions) =>
      connect(current(), roomId, clientOptions),
  }
}

/** Servers and clients a test starts itself (to restart or kill them), all gone after it. */
export function usePerTestServers() {
  const servers: ServerProcess[] = []
  const connect = trackClients()
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop('SIGKILL')
  })
  return {
    start: async (options: ServerOptions = {}): Promise<ServerProcess> => {
      const server = await startServer(options)
      servers.push(server)
      return server
    },
    client: connect,
  }
}
