/**
 * Instance access (`ACCORD_ACCESS_KEY`). Without a key the instance is open: anyone who can reach
 * it may create workshops and read the decision log. With one, those need the key — as
 * `Authorization: Bearer <key>` or `X-Accord-Access-Key: <key>` (API clients), or the session
 * cookie of the sign-in page. Room links are unaffected: they open their own room and nothing else.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { ApiError } from '../http/api-error.js'
import type { ServerLogger } from '../log.js'
import { WindowLimiter } from '../limits/window-limiter.js'
import { clientAddress, isHttps } from './forwarded.js'
import { bearerToken } from './room-credential.js'
import {
  SESSION_COOKIE,
  SESSION_MAX_AGE_SECONDS,
  sessionSecret,
  signSession,
  verifySession,
} from './session-cookie.js'
import { sameSecret } from './tokens.js'

export const ACCESS_KEY_HEADER = 'x-accord-access-key'

/** Wrong keys allowed per client address per window before `429`. */
export const SIGN_IN_FAILURES_PER_MINUTE = 10

export interface InstanceAccessOptions {
  /** null: the instance is open. */
  readonly accessKey: string | null
  /** Read the client's address and scheme from `X-Forwarded-*` (see `forwarded.ts`). */
  readonly trustProxy: boolean
  readonly now: () => number
  readonly logger: ServerLogger
}

export type SignInOutcome = 'signed-in' | 'wrong-key' | 'not-required'

export interface InstanceAccess {
  /** Whether this instance has an access key. */
  readonly required: boolean
  /** Middleware: passes when the instance is open or the request proves the key; else 401. */
  readonly require: MiddlewareHandler
  /** Whether the request carries a valid session cookie. */
  signedIn(c: Context): boolean
  /** Checks a key typed on the sign-in page; on success sets the session cookie. */
  signIn(c: Context, key: string): SignInOutcome
  signOut(c: Context): void
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export function createInstanceAccess(options: InstanceAccessOptions): InstanceAccess {
  const { accessKey, trustProxy, now, logger } = options
  const secret = accessKey === null ? null : sessionSecret(accessKey)
  const failures = new WindowLimiter({
    limit: SIGN_IN_FAILURES_PER_MINUTE,
    windowMs: 60_000,
    now,
  })

  const signedIn = (c: Context) =>
    secret !== null && verifySession(secret, getCookie(c, SESSION_COOKIE), now())

  /** A guess at the key from `client`: refused outright while it is throttled. */
  const tryKey = (c: Context, client: string, key: string): boolean => {
    const wait = failures.retryAfterSeconds(client)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      logger.warn('access key attempt throttled', { client, requestId: c.get('requestId') })
      throw new ApiError(
        429,
        'too_many_attempts',
        `too many wrong access keys; try again in ${wait} seconds`,
      )
    }
    if (accessKey !== null && sameSecret(key, accessKey)) return true
    failures.count(client)
    return false
  }

  const require: MiddlewareHandler = async (c, next) => {
    if (accessKey === null) return next()
    if (signedIn(c)) {
      // A cookie is sent by the browser on its own: a state change must also be something only a
      // script of this site can send (a cross-site form cannot send JSON).
      if (!safeMethods.has(c.req.method)) requireJsonBody(c)
      return next()
    }
    const offered = c.req.header(ACCESS_KEY_HEADER) ?? bearerToken(c.req.header('authorization'))
    if (offered !== undefined && tryKey(c, clientAddress(c, trustProxy), offered)) return next()
    throw new ApiError(
      401,
      'access_key_required',
      'this Accord instance needs its access key: sign in, or send Authorization: Bearer <key>',
    )
  }

  return {
    required: accessKey !== null,
    require,
    signedIn,
    signIn(c, key) {
      if (secret === null) return 'not-required'
      const client = clientAddress(c, trustProxy)
      if (!tryKey(c, client, key)) {
        logger.warn('sign-in refused: wrong access key', { client, requestId: c.get('requestId') })
        return 'wrong-key'
      }
      setCookie(c, SESSION_COOKIE, signSession(secret, now() + SESSION_MAX_AGE_SECONDS * 1000), {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, trustProxy),
        maxAge: SESSION_MAX_AGE_SECONDS,
      })
      return 'signed-in'
    },
    signOut(c) {
      deleteCookie(c, SESSION_COOKIE, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, trustProxy),
      })
    },
  }
}

/** `415` unless the request declares a JSON body. */
export function requireJsonBody(c: Context): void {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'send the request body as JSON (Content-Type: application/json)',
    )
  }
}
