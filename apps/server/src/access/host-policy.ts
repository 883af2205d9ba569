/**
 * Which host names the server answers for — its defence against DNS rebinding. A page on
 * `evil.example` whose name the attacker re-points at this server (say, at 127.0.0.1) is
 * same-origin with it in the browser, so `Origin` checks cannot tell it apart; the `Host` it
 * sends still says `evil.example`, and that is what is checked here.
 *
 * - `ACCORD_PUBLIC_URL` set: its host name, and the loopback names (a health check or an operator
 *   on the machine itself; no rebinding page can send those).
 * - unset, listening on loopback only: the loopback names only.
 * - unset, listening on another interface: any host, as before (the operator chose to serve a
 *   network under whatever names it uses; ACCORD_PUBLIC_URL narrows that).
 *
 * Ports are not compared: proxies differ in whether they pass one on (nginx's `$host` drops it),
 * and a port tells nothing about who chose the name.
 */
import { isIPv4, isIPv6 } from 'node:net'
import { normalHostname, type PublicUrl } from '../public-url.js'

export type HostPolicy =
  | { readonly kind: 'any' }
  | {
      readonly kind: 'listed'
      /** `ACCORD_PUBLIC_URL`'s host name, or null when the server is loopback-only. */
      readonly publicHostname: string | null
    }

export const anyHost: HostPolicy = { kind: 'any' }

export function hostPolicyFor(options: {
  readonly publicUrl: PublicUrl | null
  /** The address the server listens on (`HOST`). */
  readonly listenHost: string
}): HostPolicy {
  if (options.publicUrl !== null) {
    return { kind: 'listed', publicHostname: options.publicUrl.hostname }
  }
  return isLoopbackListenAddress(options.listenHost)
    ? { kind: 'listed', publicHostname: null }
    : anyHost
}

/** Whether `HOST` names the loopback interface only (not 0.0.0.0, ::, or a network address). */
export function isLoopbackListenAddress(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  if (isIPv4(bare)) return bare.startsWith('127.')
  if (isIPv6(bare)) return hostnameOf(`[${bare}]`) === '[::1]'
  return isLoopbackName(normalHostname(bare))
}

/** Whether a request addressed to `host` (a `Host` header: name or address, maybe a port) is served. */
export function allowsHost(policy: HostPolicy, host: string): boolean {
  if (policy.kind === 'any') return true
  const hostname = hostnameOf(host)
  if (hostname === null) return false
  return hostname === policy.publicHostname || isLoopbackName(hostname)
}

/** The host name of a `Host` header value, normalized as URLs do (`127.1` → `127.0.0.1`); null if malformed. */
export function hostnameOf(host: string): string | null {
  if (host === '' || /[/?#@\s\\]/.test(host)) return null
  try {
    return normalHostname(new URL(`http://${host}`).hostname)
  } catch {
    return null
  }
}

/** `localhost`, `*.localhost` (browsers resolve them to loopback themselves), 127/8 and ::1. */
function isLoopbackName(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  if (hostname === '[::1]') return true
  return isIPv4(hostname) && hostname.startsWith('127.')
}
