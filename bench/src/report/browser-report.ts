/**
 * Scenario (7) in the report: the board's first render and its frame times while panning, in
 * headless Chromium, or why they were not measured.
 */
import type { BrowserOutcome } from '../browser/browser-scenario.js'
import { FRAME_BUDGET_MS } from '../browser/frame-stats.js'
import type { PanResult, PanView } from '../browser/measure-board.js'
import type { ProbeReadings } from '../browser/page-probe.js'
import { PAN_SPEED_PX_S } from '../browser/pan.js'
import { count, ms, percent } from './format.js'

export interface BrowserEntry {
  readonly scenario: string
  readonly notes: number
  readonly server: 'accord'
  /** Chromium's version. */
  readonly chromium: string | null
  readonly viewport: { readonly width: number; readonly height: number } | null
  /** Milliseconds since navigation start (see `browser/page-probe.ts`). */
  readonly firstRender: ProbeReadings | null
  readonly jsHeapUsedMb: number | null
  readonly domNodes: number | null
  /** Each pan's length. */
  readonly panMs: number
  readonly panSpeedPxPerSecond: number
  readonly pans: readonly PanResult[]
  readonly pageErrors: readonly string[]
  /** Not measured, and why (no Chromium). */
  readonly skipped: string | null
  readonly error: string | null
}

const tenth = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

export function browserEntry(outcome: BrowserOutcome): BrowserEntry {
  const r = outcome.result
  const first = r?.firstRender ?? null
  return {
    scenario: outcome.spec.id,
    notes: outcome.spec.notes,
    server: 'accord',
    chromium: r?.chromium ?? null,
    viewport: r?.viewport ?? null,
    firstRender: first && {
      editorMs: tenth(first.editorMs),
      storeCompleteMs: tenth(first.storeCompleteMs),
      firstNoteMs: tenth(first.firstNoteMs),
      renderedMs: tenth(first.renderedMs),
      notesInView: first.notesInView,
    },
    jsHeapUsedMb: tenth(r?.jsHeapUsedMb ?? null),
    domNodes: r?.domNodes ?? null,
    panMs: outcome.spec.panMs,
    panSpeedPxPerSecond: PAN_SPEED_PX_S,
    pans: (r?.pans ?? []).map((pan) => ({
      ...pan,
      zoom: pan.zoom === null ? null : Math.round(pan.zoom * 10_000) / 10_000,
      cameraPathPx: Math.round(pan.cameraPathPx),
      durationMs: Math.round(pan.durationMs),
      p50Ms: tenth(pan.p50Ms),
      p95Ms: tenth(pan.p95Ms),
      p99Ms: tenth(pan.p99Ms),
      maxMs: tenth(pan.maxMs),
      meanFps: tenth(pan.meanFps),
      mainThreadBusy:
        pan.mainThreadBusy === null ? null : Math.round(pan.mainThreadBusy * 100) / 100,
    })),
    pageErrors: r?.pageErrors ?? [],
    skipped: outcome.skipped,
    error: outcome.error,
  }
}

const viewLabels: Record<PanView, string> = {
  opened: 'as opened',
  'whole-board': 'whole board (zoom to fit)',
}

function firstLine(text: string | null): string {
  return (text ?? 'unknown error').split('\n')[0]?.replaceAll('|', '/') ?? ''
}

function zoomCell(zoom: number | null): string {
  return zoom === null ? 'n/a' : `${(zoom * 100).toFixed(zoom < 0.1 ? 1 : 0)} %`
}

function fps(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(1)
}

function loadRow(e: BrowserEntry): string {
  const f = e.firstRender
  const n = count(e.notes)
  if (!f) return `| ${n} | failed: ${firstLine(e.error)} |${' |'.repeat(6)}`
  return (
    `| ${n} | ${ms(f.editorMs)} | ${ms(f.storeCompleteMs)} | ${ms(f.firstNoteMs)} | ` +
    `**${ms(f.renderedMs)}** | ${f.notesInView ?? 'n/a'} | ` +
    `${e.jsHeapUsedMb?.toFixed(1) ?? 'n/a'} | ${e.domNodes === null ? 'n/a' : count(e.domNodes)} |`
  )
}

function panRow(e: BrowserEntry, pan: PanResult): string {
  return (
    `| ${count(e.notes)} | ${viewLabels[pan.view]} | ${zoomCell(pan.zoom)} | ` +
    `${pan.notesInView === null ? 'n/a' : count(pan.notesInView)} | ${pan.frames} | ` +
    `${ms(pan.p50Ms)} | ${ms(pan.p95Ms)} | ${ms(pan.p99Ms)} | ${ms(pan.maxMs)} | ` +
    `${fps(pan.meanFps)} | ${pan.over16Ms} | ${pan.over33Ms} | ${percent(pan.mainThreadBusy)} |`
  )
}

export function browserTables(entries: readonly BrowserEntry[]): string[] {
  if (entries.length === 0) return []
  const lines = ['## Browser: a board of N sticky notes in headless Chromium (Accord)', '']
  for (const e of entries.filter((entry) => entry.skipped)) {
    lines.push(`${e.scenario}: not measured — ${e.skipped}.`, '')
  }
  const measured = entries.filter((entry) => !entry.skipped)
  if (measured.length === 0) return lines
  const run = measured.find((entry) => entry.chromium)
  if (run?.chromium && run.viewport) {
    lines.push(
      `Chromium ${run.chromium}, headless, software rendering (\`--disable-gpu\`), viewport ` +
        `${run.viewport.width}×${run.viewport.height}; a participant opens the board in a fresh ` +
        'profile, served by Accord from its build.',
      '',
    )
  }
  lines.push(
    '| N | editor ready ms | all notes in store ms | first note painted ms | ' +
      '**board painted ms** | notes in view | JS heap MB | DOM nodes |',
    `|${' --- |'.repeat(8)}`,
    ...measured.map(loadRow),
    '',
  )
  const panned = measured.filter((entry) => entry.pans.length > 0)
  const first = panned[0]
  if (!first) return lines
  const budget = FRAME_BUDGET_MS.toFixed(1)
  lines.push(
    `Panning with the mouse wheel, ${first.panSpeedPxPerSecond} px/s, ` +
      `${first.panMs / 1000} s per view:`,
    '',
    '| N | view | zoom | notes in view | frames | p50 ms | p95 ms | p99 ms | max ms | mean FPS | ' +
      `frames > ${budget} ms (1+ missed) | frames > ${(2 * FRAME_BUDGET_MS).toFixed(1)} ms ` +
      '(2+ missed) | main thread busy |',
    `|${' --- |'.repeat(13)}`,
    ...panned.flatMap((entry) => entry.pans.map((pan) => panRow(entry, pan))),
    '',
  )
  return lines
}

export const browserNotes =
  '- **Browser**: Accord alone (the references have no web app). A new room gets N tldraw sticky ' +
  'notes in a grid, written through the stock y-websocket client, which stays connected; a ' +
  'participant (joined through the API, credential in local storage) then opens `/b/<room>` in ' +
  'a new Chromium profile. Times are from navigation start, checked at every animation frame: ' +
  '**editor ready**, the tldraw editor is up; **all notes in store**, it holds all N notes; ' +
  '**board painted**, the frame after the first one at which it holds all N AND every note in the ' +
  'viewport (not culled) is shown with its text — the frame it was painted in; **first note ' +
  'painted**, the same for any one note. **JS heap** after a full GC once settled. **Pan**: ' +
  'wheel events through Chromium’s input pipeline (tldraw pans on wheel), the camera once ' +
  'round a circle, first at the camera the board opens with, then zoomed out to fit every note. ' +
  '**Frame times**: gaps between requestAnimationFrame timestamps in the page; a frame over ' +
  '16.7 ms missed at least one 60 Hz display frame (1 ms slack for timer rounding); they show ' +
  'frames the page could not start on time, not the compositor’s raster time. **Main thread ' +
  'busy**: Chromium’s task time over the pan’s wall time.'
