/**
 * Scenario (7), the browser (issue 7, "Browser performance"): Accord from its build, serving its
 * built web app; a new room whose board gets `notes` sticky notes through the stock y-websocket
 * client; then headless Chromium opens the board (time to first render) and pans it (frame
 * times). Accord only: the reference servers have no web app. Without Chromium the scenario is
 * skipped, and the report says why.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../paths.js'
import type { Timing } from '../load/job.js'
import { withFreshServer } from '../scenarios/fresh-server.js'
import type { Cores } from '../servers/cores.js'
import { findChromium, launchChromium } from './chromium.js'
import { type BoardMeasurement, measureBoard, type PanView } from './measure-board.js'
import { noteRecords } from './note-records.js'
import { seedBoard } from './seed-board.js'

export interface BrowserSpec {
  readonly id: string
  readonly notes: number
  readonly views: readonly PanView[]
  /** Each pan's length. */
  readonly panMs: number
  readonly settleMs: number
}

/** The board of issue 7. */
export const PLANNED_NOTES = 2000

/**
 * `notes` on the board; each pan lasts `panMs` (by default the runs' measured window), and the
 * page settles for half their warm-up before each (at most 1 s).
 */
export function browserScenario(
  notes: number,
  timing: Timing,
  panMs: number = timing.measureMs,
): BrowserSpec {
  return {
    id: `browser-${notes}`,
    notes,
    views: ['opened', 'whole-board'],
    panMs,
    settleMs: Math.min(1000, timing.warmupMs / 2),
  }
}

export interface BrowserOutcome {
  readonly spec: BrowserSpec
  readonly result: BoardMeasurement | null
  /** Why the scenario did not run (no Chromium); not a failure. */
  readonly skipped: string | null
  readonly error: string | null
}

function webIndex(): string {
  return join(process.env.ACCORD_WEB_DIST ?? join(repoRoot, 'apps/web/dist'), 'index.html')
}

export async function runBrowser(
  spec: BrowserSpec,
  cores: Cores,
  seed: number,
  dataRoot: string,
): Promise<BrowserOutcome> {
  const chromium = findChromium()
  if (!chromium.found) return { spec, result: null, skipped: chromium.reason, error: null }
  if (!existsSync(webIndex())) {
    const error = `${webIndex()} is missing: build the web app first (pnpm bench does)`
    return { spec, result: null, skipped: null, error }
  }
  const { result, error } = await withFreshServer('accord', cores, dataRoot, async (server) => {
    const target = await server.openRoom(`bench-${spec.id}-${seed}`)
    const room = { id: target.documentName, linkToken: target.token }
    const board = await seedBoard(
      server.process,
      room.id,
      room.linkToken,
      noteRecords(spec.notes, seed),
    )
    try {
      const browser = await launchChromium(chromium.path)
      try {
        return await measureBoard(browser, server.process, room, spec)
      } finally {
        await browser.close()
      }
    } finally {
      board.close()
    }
  })
  return { spec, result, skipped: null, error }
}
