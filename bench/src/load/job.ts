/**
 * What the orchestrator asks a generator process to do (sent over its IPC channel) and what the
 * generator answers. Plain data only: both sides are separate Node processes.
 */
import type { HistogramData } from '../report/histogram.js'
import type { DurabilityJob } from './durability-job.js'
import type { HostileJob } from './hostile/hostile-job.js'
import type { JoinStormJob } from './join-storm-job.js'
import type { RoomsJob } from './rooms-job.js'

/** The servers under test; `floor` is no reference but the least any relay pays (`servers/floor-main.ts`). */
export type ServerKind = 'accord' | 'y-websocket' | 'hocuspocus' | 'floor'

/** Where the load goes: one room (document) on one running server. */
export interface Target {
  readonly kind: ServerKind
  /** The WebSocket URL every client of the room connects to. */
  readonly url: string
  /** Hocuspocus multiplexes documents over a socket: the name every message is addressed to. */
  readonly documentName: string
  /** Hocuspocus' auth message carries a token (the others take theirs in the URL). */
  readonly token: string
  /** The server process, whose CPU time and memory the generator reads from /proc. */
  readonly pid: number
  /** Where the server's event-loop probe writes its figures (see `servers/eld-probe.ts`). */
  readonly probeFile: string
  /** A read-only client's URL, on servers with roles (Accord): the viewer's link. */
  readonly viewerUrl?: string
}

/** `doc`: edits of one tldraw record each (Y.Map set); `presence`: awareness states. */
export type EditKind = 'doc' | 'presence'

export interface Load {
  readonly edits: EditKind
  /** Clients that send (`hz` edits a second each); every one of them also receives. */
  readonly writers: number
  /** Clients that only receive. */
  readonly observers: number
  readonly hz: number
  /** Real Y.Doc clients that check, at the end, that every document is the same and complete. */
  readonly checkers: number
}

export interface Timing {
  /** Sending before the measured window (JIT, caches, rooms loaded). */
  readonly warmupMs: number
  readonly measureMs: number
  /** Once sending stops, how long messages may take to arrive before they count as lost. */
  readonly drainMs: number
  /** When set, each writer stops after this many measured edits (the window may end earlier). */
  readonly editsPerWriter?: number
}

export interface Job {
  readonly target: Target
  readonly load: Load
  readonly timing: Timing
  /** Seeds positions, client ids and send phases, so every server gets the same load. */
  readonly seed: number
}

export interface EventLoopFigures {
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export interface Convergence {
  readonly checkers: number
  /** Every checker holds the same document (or the same presence states). */
  readonly identical: boolean
  /** …and it holds every writer's last edit. */
  readonly complete: boolean
  readonly detail: string
}

export interface JobResult {
  /** Edits sent in the measured window, over all writers. */
  readonly sent: number
  /** Deliveries owed: each measured edit to every receiving client but its writer. */
  readonly expected: number
  /** Distinct measured edits that arrived, over all receivers, before the drain ended. */
  readonly delivered: number
  readonly latency: HistogramData
  /** From the start of the window to the last delivery (or the end of the drain). */
  readonly elapsedMs: number
  readonly serverCpuSeconds: number | null
  /** The part of `serverCpuSeconds` spent in the kernel (socket I/O, fsync). */
  readonly serverSystemCpuSeconds: number | null
  readonly serverPeakRssBytes: number | null
  readonly eventLoop: EventLoopFigures | null
  /** The generator's own CPU use over the window, as a share of one core: near 1 means it, not the server, was the limit. */
  readonly generatorCpuShare: number
  readonly convergence: Convergence
  /** Connections the server closed during the run, by close code. */
  readonly closes: Readonly<Record<string, number>>
  readonly connectMs: number
}

/** What a generator process is asked to run. */
export type GeneratorTask =
  | { readonly task: 'load'; readonly job: Job }
  | { readonly task: 'durability'; readonly job: DurabilityJob }
  | { readonly task: 'join-storm'; readonly job: JoinStormJob }
  | { readonly task: 'rooms'; readonly job: RoomsJob }
  | { readonly task: 'hostile'; readonly job: HostileJob }

export type GeneratorReply =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string }

/** A generator's answer, or a note on its way there. */
export type GeneratorMessage = GeneratorReply | { readonly progress: string }
