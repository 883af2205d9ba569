/**
 * The room lock shared by every instance on one PostgreSQL database: a session-level advisory
 * lock per room, held on a connection of its own pool for as long as the task runs. Its own
 * pool, because a task needs connections of the main pool: sharing one, commands holding every
 * connection for their locks would wait forever for one to run on.
 *
 * Within an instance, a room's tasks first take turns in process, so one instance holds at most
 * one connection per busy room. A connection that fails ends its session, and PostgreSQL then
 * frees the lock by itself: a dead instance never leaves a room locked.
 */
import { createHash } from 'node:crypto'
import pg from 'pg'
import { InProcessRoomLock, type RoomLock, RoomLockTimeout } from './room-lock.js'

/** The first key of room locks; the ballot locks use others (`ballot-repository.ts`). */
const ROOM_LOCKS = 0x526f6f6d // "Room"

/** PostgreSQL's `lock_not_available`: `lock_timeout` passed. */
const LOCK_NOT_AVAILABLE = '55P03'

export interface PgRoomLockOptions {
  readonly url: string
  /** Rooms whose tasks may run at once on this instance (default 4). */
  readonly connections?: number
  /** How long a task waits for another instance to release the room (default 30 s). */
  readonly waitMs?: number
  /**
   * A lock connection failed: if it failed while a task ran, that room was unlocked before the
   * task ended. Reported so it can be logged; the pool replaces the connection.
   */
  readonly onConnectionError?: (error: Error) => void
}

export class PgRoomLock implements RoomLock {
  private readonly local = new InProcessRoomLock()

  private constructor(
    private readonly pool: pg.Pool,
    private readonly onConnectionError: (error: Error) => void,
  ) {}

  static open(options: PgRoomLockOptions): PgRoomLock {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.connections ?? 4,
      connectionTimeoutMillis: 10_000,
      lock_timeout: options.waitMs ?? 30_000,
      application_name: 'accord room locks',
    })
    const onConnectionError = options.onConnectionError ?? (() => {})
    pool.on('error', onConnectionError)
    return new PgRoomLock(pool, onConnectionError)
  }

  run<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    return this.local.run(roomId, () => this.runLocked(roomId, task))
  }

  close(): Promise<void> {
    return this.pool.end()
  }

  private async runLocked<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    const key = [ROOM_LOCKS, roomKey(roomId)]
    let broken: Error | undefined
    // A checked-out connection reports its failure as an event: unheard, it would end the process.
    const failed = (error: Error) => {
      broken = error
      this.onConnectionError(error)
    }
    client.on('error', failed)
    try {
      try {
        await client.query('select pg_advisory_lock($1, $2)', key)
      } catch (error) {
        broken = asError(error) // not reused: whatever state the wait left it in
        if (isPgError(error) && error.code === LOCK_NOT_AVAILABLE) throw new RoomLockTimeout(roomId)
        throw error
      }
      try {
        return await task()
      } finally {
        await client.query('select pg_advisory_unlock($1, $2)', key).catch((error: unknown) => {
          // Destroying the connection below ends its session, which frees the lock.
          broken = asError(error)
        })
      }
    } finally {
      client.off('error', failed)
      client.release(broken)
    }
  }
}

/** A 32-bit key per room id; two rooms sharing one only take turns needlessly. */
function roomKey(roomId: string): number {
  return createHash('sha256').update(roomId).digest().readInt32BE(0)
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error))

function isPgError(error: unknown): error is { code: string } {
  return typeof error === 'object' && error !== null && 'code' in error
}
