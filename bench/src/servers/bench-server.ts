/** A server under test, running, and how to open a room on it for one run. */
import type { ServerKind, Target } from '../load/job.js'
import type { ServerProcess } from './launch.js'

export interface StartOptions {
  readonly dataDir: string
  readonly port: number
  readonly core: number | null
  /**
   * Accord only: `off` (the default) lifts the bounds a benchmark from one address would hit;
   * `documented` keeps every bound at its documented default, for attacks that must stay inside
   * them (the hostile scenarios).
   */
  readonly limits?: 'off' | 'documented'
  /** Accord only: more settings for this run (e.g. a larger document bound). */
  readonly env?: Readonly<Record<string, string>>
}

export interface BenchServer {
  readonly kind: ServerKind
  readonly process: ServerProcess
  /** A new, empty room (document) and how a client reaches it. */
  openRoom(name: string): Promise<Target>
}
