/**
 * Instance access (`ACCORD_ACCESS_KEY`). Without a key the instance is open: anyone who can reach
 * it may create workshops and read the decision log. With one, those need the key — as
 * `Authorization: Bearer <key>` or `X-Accord-Access-Key: <key>` (API clients), or the session
 * cookie of the sign-in page. Room links are unaffected: they open their own room and nothing else.
 *
 * Sessions live in the database: signing out ends one on the server (a copied cookie stops
 * working), and a server started with another key ends every session of the old one.
 */
import { ApiError } from '@accord/api'
import type { SessionRepository } from '@accord/db'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { ServerLogger } from '../log.js'
import type { Limiters } from '../limits/limiters.js'
import { clientAddress, isHttps } from './forwarded.js'
import { bearerToken } from './room-credential.js'
import {
  accessKeyId,
  newSessionCookie,
  SESSION_COOKIE,
  SESSION_MAX_AGE_SECONDS,
  sessionIdOf,
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
  /** Where wrong keys are counted: in Redis for every instance under scale-out. */
  readonly limiters: Limiters
  readonly sessions: SessionRepository
}

export type SignInOutcome = 'signed-in' | 'wrong-key' | 'not-required'

export interface InstanceAccess {
  /** Whether this instance has an access key. */
  readonly required: boolean
  /** Middleware: passes when the instance is open or the request proves the key; else 401. */
  readonly require: MiddlewareHandler
  /** Whether the request carries the cookie of a live session. */
  signedIn(c: Context): Promise<boolean>
  /** Checks a key typed on the sign-in page; on success opens a session and sets its cookie. */
  signIn(c: Context, key: string): Promise<SignInOutcome>
  /** Ends the request's session on the server, and clears its cookie. */
  signOut(c: Context): Promise<void>
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export function createInstanceAccess(options: InstanceAccessOptions): InstanceAccess {
  const { accessKey, trustProxy, now, logger, sessions } = options
  const keyId = accessKey === null ? null : accessKeyId(accessKey)
  const failures = options.limiters.window('sign-in-failures', {
    limit: SIGN_IN_FAILURES_PER_MINUTE,
    windowMs: 60_000,
  })

  const signedIn = async (c: Context): Promise<boolean> => {
    const id = sessionIdOf(getCookie(c, SESSION_COOKIE))
    return keyId !== null && id !== null && sessions.isLive(id, keyId, new Date(now()))
  }

  /**
   * A guess at the key from `client`: refused outright while it is throttled. Counted as a wrong
   * key before it is compared, so that guesses sent together cannot all pass, and given back if
   * it was right.
   */
  const tryKey = async (c: Context, client: string, key: string): Promise<boolean> => {
    const wait = await failures.take(client)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      logger.warn('access key attempt throttled', { client, requestId: c.get('requestId') })
      throw new ApiError(
        429,
        'too_many_attempts',
        `too many wrong access keys; try again in ${wait} seconds`,
      )
    }
    if (accessKey === null || !sameSecret(key, accessKey)) return false
    await failures.refund(client)
    return true
  }

  const require: MiddlewareHandler = async (c, next) => {
    if (accessKey === null) return next()
    if (await signedIn(c)) {
      // A cookie is sent by the browser on its own: a state change must also be something only a
      // script of this site can send (a cross-site form cannot send JSON).
      if (!safeMethods.has(c.req.method)) requireJsonBody(c)
      return next()
    }
    const offered = c.req.header(ACCESS_KEY_HEADER) ?? bearerToken(c.req.header('authorization'))
    if (offered !== undefined && (await tryKey(c, clientAddress(c, trustProxy), offered)))
      return next()
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
    async signIn(c, key) {
      if (keyId === null) return 'not-required'
      const client = clientAddress(c, trustProxy)
      if (!(await tryKey(c, client, key))) {
        logger.warn('sign-in refused: wrong access key', { client, requestId: c.get('requestId') })
        return 'wrong-key'
      }
      const openedAt = now()
      // Expired sessions go as new ones come, so the table holds little more than live ones.
      await sessions.removeExpired(new Date(openedAt))
      const cookie = newSessionCookie()
      await sessions.add({
        id: cookie.id,
        keyId,
        createdAt: new Date(openedAt),
        expiresAt: new Date(openedAt + SESSION_MAX_AGE_SECONDS * 1000),
      })
      setCookie(c, SESSION_COOKIE, cookie.value, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, trustProxy),
        maxAge: SESSION_MAX_AGE_SECONDS,
      })
      return 'signed-in'
    },
    async signOut(c) {
      const id = sessionIdOf(getCookie(c, SESSION_COOKIE))
      if (id !== null) await sessions.remove(id)
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
