/**
 * The browser's side of the scenario: open the board in a new profile at a fixed viewport, read
 * its first render, then pan it in each view and read the frames.
 */
import type { Browser, Page } from 'playwright-core'
import { sleep } from '../load/wait.js'
import { type FrameStats, frameStats } from './frame-stats.js'
import { openBoard } from './open-board.js'
import {
  isViewPainted,
  type ProbeReadings,
  readCamera,
  readPaintState,
  zoomToFit,
} from './page-probe.js'
import { MetricsReader } from './page-metrics.js'
import { panWithWheel } from './pan.js'

export const VIEWPORT = { width: 1280, height: 800 } as const

/** `opened`: the camera the board opens with; `whole-board`: zoomed to fit every note. */
export type PanView = 'opened' | 'whole-board'

export interface MeasureSpec {
  readonly notes: number
  readonly views: readonly PanView[]
  readonly panMs: number
  /** Quiet time before each pan (the app stores the board in IndexedDB after loading it). */
  readonly settleMs: number
}

export interface PanResult extends FrameStats {
  readonly view: PanView
  readonly zoom: number | null
  readonly notesInView: number | null
  readonly wheelEvents: number
  readonly cameraPathPx: number
  /** Main-thread task time over the pan's wall time (Chromium's `TaskDuration`). */
  readonly mainThreadBusy: number | null
}

export interface BoardMeasurement {
  readonly chromium: string
  readonly viewport: { readonly width: number; readonly height: number }
  readonly firstRender: ProbeReadings
  /** After the first render, once settled, after a full garbage collection. */
  readonly jsHeapUsedMb: number | null
  readonly domNodes: number | null
  readonly pans: readonly PanResult[]
  readonly pageErrors: readonly string[]
}

const RENDER_TIMEOUT_MS = 90_000

async function show(page: Page, view: PanView): Promise<void> {
  if (view === 'whole-board') await page.evaluate(zoomToFit)
  await page.waitForFunction(isViewPainted, undefined, {
    polling: 100,
    timeout: RENDER_TIMEOUT_MS,
  })
}

async function pan(
  page: Page,
  metrics: MetricsReader,
  view: PanView,
  spec: MeasureSpec,
): Promise<PanResult> {
  await show(page, view)
  await sleep(spec.settleMs)
  const camera = await page.evaluate(readCamera)
  const state = await page.evaluate(readPaintState)
  const before = await metrics.read()
  const startedAt = performance.now()
  const recording = await panWithWheel(page, VIEWPORT, spec.panMs)
  const wallMs = performance.now() - startedAt
  const after = await metrics.read()
  return {
    view,
    zoom: camera?.z ?? null,
    notesInView: state?.inView ?? null,
    wheelEvents: recording.wheelEvents,
    cameraPathPx: recording.cameraPathPx,
    mainThreadBusy:
      before.taskMs === null || after.taskMs === null
        ? null
        : (after.taskMs - before.taskMs) / wallMs,
    ...frameStats(recording.frames),
  }
}

export async function measureBoard(
  browser: Browser,
  server: { url: string },
  room: { id: string; linkToken: string },
  spec: MeasureSpec,
): Promise<BoardMeasurement> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  try {
    const board = await openBoard(context, server, room, spec.notes, RENDER_TIMEOUT_MS)
    const metrics = await MetricsReader.attach(board.page)
    await sleep(spec.settleMs)
    await metrics.collectGarbage()
    const loaded = await metrics.read()
    const pans: PanResult[] = []
    for (const view of spec.views) pans.push(await pan(board.page, metrics, view, spec))
    return {
      chromium: browser.version(),
      viewport: VIEWPORT,
      firstRender: board.readings,
      jsHeapUsedMb: loaded.jsHeapUsedMb,
      domNodes: loaded.domNodes,
      pans,
      pageErrors: board.errors,
    }
  } finally {
    await context.close()
  }
}
