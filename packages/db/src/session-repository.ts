/**
 * Sign-in sessions of an instance with an access key, kept server-side so that signing out, or a
 * change of the key, ends a session everywhere — for every instance sharing the database — even
 * for whoever holds a copy of its cookie.
 */
export interface SessionRecord {
  /** A hash of the cookie's secret; the secret itself is never stored. */
  readonly id: string
  /** Which access key the session was opened with (a one-way fingerprint of it). */
  readonly keyId: string
  readonly createdAt: Date
  readonly expiresAt: Date
}

export interface SessionRepository {
  add(session: SessionRecord): Promise<void>
  /** Whether session `id` exists, was opened with key `keyId`, and has not expired at `now`. */
  isLive(id: string, keyId: string, now: Date): Promise<boolean>
  /** Ends one session (signing out); ending one that does not exist is not an error. */
  remove(id: string): Promise<void>
  /** Deletes the sessions that expired by `now`; returns how many went. */
  removeExpired(now: Date): Promise<number>
  /**
   * Deletes every session not opened with key `keyId` (all of them when null: the instance has
   * no key any more); returns how many went.
   */
  removeOtherKeys(keyId: string | null): Promise<number>
}
