/** A server under test, running, and how to open a room on it for one run. */
import type { ServerKind, Target } from '../load/job.js'
import type { ServerProcess } from './launch.js'

export interface StartOptions {
  readonly dataDir: string
  readonly port: number
  readonly core: number | null
}

export interface BenchServer {
  readonly kind: ServerKind
  readonly process: ServerProcess
  /** A new, empty room (document) and how a client reaches it. */
  openRoom(name: string): Promise<Target>
}
