/**
 * Accord behind TLS, as a team deploys it: a TLS-terminating proxy on loopback in front of the
 * built server, with a self-signed certificate for a real-looking hostname (`accord.test`).
 * Chromium reaches it through `--host-resolver-rules` (see `launchBrowser`'s `hostnames`).
 *
 * The proxy works at the TCP level, as stunnel or HAProxy's TCP mode do: whatever the browser sends
 * over TLS — page loads, API calls, WebSocket upgrades and frames — reaches the server unchanged.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { createServer, type TLSSocket } from 'node:tls'
import { tempDir } from './temp-dir.js'

export interface TlsProxy {
  /** `https://<hostname>:<port>`: what the browser opens. */
  readonly url: string
  readonly hostname: string
  readonly port: number
  stop(): Promise<void>
}

/** A throwaway self-signed certificate for `hostname` (openssl, from Debian's package). */
export function selfSignedCertificate(hostname: string): { key: Buffer; cert: Buffer } {
  const dir = tempDir('accord-tls-')
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${hostname}`,
      '-addext',
      `subjectAltName=DNS:${hostname}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  )
  try {
    return { key: readFileSync(key), cert: readFileSync(cert) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Terminates TLS for `hostname` on a free loopback port and forwards to `target` in plain TCP. */
export async function startTlsProxy(
  target: { port: number },
  hostname = 'accord.test',
): Promise<TlsProxy> {
  const sockets = new Set<Socket | TLSSocket>()
  const track = (socket: Socket | TLSSocket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  const server = createServer(selfSignedCertificate(hostname), (client) => {
    const upstream = connect(target.port, '127.0.0.1')
    track(client)
    track(upstream)
    client.pipe(upstream).pipe(client)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('the proxy has no port')
  return {
    url: `https://${hostname}:${address.port}`,
    hostname,
    port: address.port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
