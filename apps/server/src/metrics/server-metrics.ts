/**
 * Everything `/metrics` shows (README, "Metrics"). One instance per server; the sync engine gets
 * its `sync` hook, the document store is wrapped with `timedDocumentStore`, and the HTTP layer
 * counts responses.
 */
import type { SyncMetrics, SyncRefusal } from '@accord/sync'
import { Counter, Gauge, Histogram, LabelledCounter, renderMetrics } from './prometheus.js'

/** Refusals the server itself decides, beside the sync engine's own (`SyncRefusal`). */
export type ServerRefusal =
  /** A sync connection without a valid token for its room (closed with 4401). */
  | 'unauthorized'
  /** A sync connection to a room that does not exist (closed with 4404). */
  | 'room_not_found'
  /** A frame over `ACCORD_MAX_MESSAGE_BYTES` (closed with 1009). */
  | 'too_large'
  /** A write to a server-owned root of the room document (dropped; the peer is told). */
  | 'server_owned'
  /**
   * A write anywhere but the board's records map (tldraw's schema record, any other root), or
   * into it other than one plain value per record id (dropped; the peer is told).
   */
  | 'not_board'
  /** A board record written as a nested type rather than a plain value (dropped). */
  | 'nested_record'
  /** A board record tldraw's schema refuses, or over the size bound (dropped; the peer is told). */
  | 'invalid_record'
  /** A participant's write to locked content, or outside a phase that allows editing (dropped). */
  | 'locked'
  /** A sync connection beyond the connections allowed per room or per address (closed with 4503). */
  | 'too_many_connections'
  /** A sync connection to a board saved by a newer board editor than this server's (closed with 4409). */
  | 'incompatible_board'
  /** A sync connection that left more than `ACCORD_MAX_UNSENT_BYTES` unread (closed with 4413). */
  | 'slow_consumer'

export type RefusalReason = SyncRefusal | ServerRefusal

const knownRefusals: readonly RefusalReason[] = [
  'malformed',
  'too_large',
  'unauthorized',
  'room_not_found',
  'read_only',
  'server_owned',
  'not_board',
  'nested_record',
  'invalid_record',
  'locked',
  'missing_dependencies',
  'too_many_pending',
  'rate_limited',
  'document_too_large',
  'too_many_connections',
  'forged_client_id',
  'incompatible_board',
  'slow_consumer',
]

export type StorageOperation = 'append' | 'compact'

/** Seconds; SQLite appends take well under a millisecond on a healthy disk, fsync far more. */
const storageBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** Live figures read at scrape time from the parts of the server that own them. */
export interface LiveFigures {
  readonly connections: () => number
  readonly roomsLoaded: () => number
}

export class ServerMetrics {
  readonly messagesReceived = new Counter(
    'accord_messages_received_total',
    'WebSocket messages received from sync clients.',
  )
  readonly messagesSent = new Counter(
    'accord_messages_sent_total',
    'WebSocket messages sent to sync clients.',
  )
  readonly refusals = new LabelledCounter<RefusalReason>(
    'accord_refusals_total',
    'Sync connections, messages and updates refused, by reason.',
    'reason',
    knownRefusals,
  )
  readonly storageWrites = new Histogram<StorageOperation>(
    'accord_storage_write_seconds',
    'Latency of document storage writes: appends of updates and compactions.',
    'operation',
    storageBuckets,
    ['append', 'compact'],
  )
  readonly httpRequests = new LabelledCounter<string>(
    'accord_http_requests_total',
    'HTTP requests answered, by status code (WebSocket upgrades count as 101).',
    'status',
  )

  /** The hook handed to the sync engine (`RoomRegistry` and `SyncSession` options). */
  readonly sync: SyncMetrics = { refused: (reason) => this.refusals.inc(reason) }

  constructor(private readonly startedAt: number = Date.now()) {}

  /** The metrics in Prometheus text format 0.0.4. */
  render(live: LiveFigures): string {
    return renderMetrics([
      new Gauge('accord_connections', 'Open sync connections.', live.connections),
      new Gauge('accord_rooms_loaded', 'Rooms held in memory.', live.roomsLoaded),
      this.messagesReceived,
      this.messagesSent,
      this.refusals,
      this.storageWrites,
      this.httpRequests,
      new Gauge(
        'accord_uptime_seconds',
        'Seconds since the server started.',
        () => (Date.now() - this.startedAt) / 1000,
      ),
      new Gauge(
        'process_start_time_seconds',
        'Start time of the process since the Unix epoch in seconds.',
        () => this.startedAt / 1000,
      ),
      new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () =>
        process.memoryUsage.rss(),
      ),
    ])
  }
}
