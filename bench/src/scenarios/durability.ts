/**
 * Scenario (6), durability: whiteboard drag in one room, the server killed with SIGKILL in the
 * middle of it, restarted on the same data, then a fresh client reads what survived. An update is
 * lost when some client had received it from the server before the kill and the restarted server
 * does not have it. Every server keeps its own persistence defaults (y-websocket queues LevelDB
 * writes; Hocuspocus stores a document 2 s after the last change, at most every 10 s).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { Checker } from '../load/checker.js'
import { dialectFor } from '../load/dialect.js'
import type { DurabilitySeen } from '../load/durability-job.js'
import type { ServerKind } from '../load/job.js'
import { waitUntil, withTimeout } from '../load/wait.js'
import type { BenchServer } from '../servers/bench-server.js'
import type { Cores } from '../servers/cores.js'
import { freePort } from '../servers/launch.js'
import { startServer } from '../servers/start-server.js'
import { runInGenerator } from './generate.js'
import type { Outcome } from './outcome.js'

export interface DurabilitySpec {
  readonly id: string
  readonly writers: number
  readonly hz: number
  /** Sending before the kill is armed. */
  readonly warmupMs: number
  /** Then sending this long before `kill -9`. */
  readonly killAfterMs: number
}

export function durability(writers: number, killAfterMs: number): DurabilitySpec {
  return { id: `durability-${writers}`, writers, hz: 20, warmupMs: 1000, killAfterMs }
}

export interface DurabilityResult {
  /** Updates the writers had sent when the server died. */
  readonly sent: number
  /** Of those, the ones some other client had received from the server. */
  readonly seen: number
  /** Seen updates the restarted server's first sync did not carry. */
  readonly missingAtFirstSync: number
  /** Seen updates the restarted server does not have (nor sends within the settle time). */
  readonly lost: number
  /** Writers with at least one lost update. */
  readonly writersWithLoss: number
  /** `lost` as seconds of the whole room's editing (writers × rate). */
  readonly lostSeconds: number
  /** From starting the server again to the fresh client's first sync. */
  readonly restartMs: number
}

export type DurabilityOutcome = Outcome<DurabilitySpec, DurabilityResult>

const SYNC_TIMEOUT_MS = 30_000
const SETTLE_MS = 3000

export async function runDurability(
  spec: DurabilitySpec,
  kind: ServerKind,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<DurabilityOutcome> {
  mkdirSync(dataRoot, { recursive: true })
  const options = {
    dataDir: mkdtempSync(join(dataRoot, `${kind}-`)),
    port: await freePort(),
    core: cores.server,
  }
  const servers: BenchServer[] = []
  let checker: Checker | null = null
  try {
    const first = await startServer(kind, options)
    servers.push(first)
    const target = await first.openRoom(`bench-${spec.id}-${seed}`)
    let killing: Promise<void> = Promise.resolve()
    const seen = await runInGenerator<DurabilitySeen>(
      {
        task: 'durability',
        job: {
          target,
          writers: spec.writers,
          hz: spec.hz,
          warmupMs: spec.warmupMs,
          killAfterMs: spec.killAfterMs,
          seed,
        },
      },
      cores.generator,
      spec.warmupMs + spec.killAfterMs,
      (note) => {
        if (note !== 'loaded') return
        killing = new Promise((resolve) => setTimeout(resolve, spec.killAfterMs)).then(() =>
          first.process.crash(),
        )
      },
    )
    await killing

    const restartStart = performance.now()
    servers.push(await startServer(kind, options))
    checker = new Checker(target.url, dialectFor(target))
    await withTimeout(checker.client.synced, SYNC_TIMEOUT_MS, 'the restarted server to sync')
    const restartMs = performance.now() - restartStart
    const doc = checker.doc
    const missing = () =>
      seen.writers.map((writer) =>
        Math.max(0, writer.seenClock - Y.getState(doc.store, writer.clientId)),
      )
    const total = (losses: number[]) => losses.reduce((sum, n) => sum + n, 0)
    const missingAtFirstSync = total(missing())
    // A server may answer the first sync before it has loaded the stored document and send the
    // rest as updates later: what arrives within the settle time is not lost.
    await waitUntil(() => total(missing()) === 0, SETTLE_MS)
    const losses = missing()
    const lost = total(losses)
    return {
      spec,
      server: kind,
      result: {
        sent: seen.writers.reduce((sum, writer) => sum + writer.sentClock, 0),
        seen: seen.writers.reduce((sum, writer) => sum + writer.seenClock, 0),
        missingAtFirstSync,
        lost,
        writersWithLoss: losses.filter((n) => n > 0).length,
        lostSeconds: lost / (spec.writers * spec.hz),
        restartMs,
      },
      error: null,
    }
  } catch (error) {
    const output = servers.map((server) => server.process.output()).join('\n')
    return { spec, server: kind, result: null, error: `${String(error)}\n${output}` }
  } finally {
    await checker?.close()
    for (const server of servers) await server.process.stop()
  }
}
