/**
 * `ACCORD_PUBLIC_URL`: the address people open Accord at (`https://accord.example.com`). The
 * server answers only requests for its host name (README, "Exposing Accord"), and absolute links
 * are built from it rather than from whatever `Host` a request claims.
 */
import { err, ok, type Result } from '@accord/sync'

export interface PublicUrl {
  /** `https://accord.example.com` (with a port when not the scheme's default), no trailing slash. */
  readonly origin: string
  /** `accord.example.com`, lower case, no trailing dot; an IPv6 address in brackets. */
  readonly hostname: string
}

/**
 * An origin only: Accord is served from the root of its host, so a path, query or fragment would
 * promise links that do not work; credentials in it would end up in every link.
 */
export function parsePublicUrl(text: string): Result<PublicUrl, string> {
  if (!URL.canParse(text)) return err('not an absolute URL such as https://accord.example.com')
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err('must start with https:// or http://')
  }
  if (url.username !== '' || url.password !== '') return err('must not contain a user or password')
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return err(
      'must be an origin only (Accord is served from the root), e.g. https://accord.example.com',
    )
  }
  return ok({ origin: url.origin, hostname: normalHostname(url.hostname) })
}

/** Host names compare case-insensitively, and `name.` is the same name as `name`. */
export function normalHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '')
}
