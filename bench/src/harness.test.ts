/**
 * The benchmark's harness on a tiny load, against Accord only: the real built server, a real
 * generator process, real sockets. It checks that the harness works — deliveries counted,
 * figures computed, report files written — never how fast anything is.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import { runBench } from './bench.js'
import { built } from './paths.js'
import type { BenchReport } from './report/report.js'
import { durability } from './scenarios/durability.js'
import { mergeBurst, presenceFlood, step1Flood } from './scenarios/hostile.js'
import { joinStorm } from './scenarios/join-storm.js'
import { rooms } from './scenarios/rooms.js'
import { fanout } from './scenarios/scenarios.js'
import type { BrowserSpec } from './browser/browser-scenario.js'

const outDir = mkdtempSync(join(tmpdir(), 'accord-bench-test-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))
afterEach(() => vi.unstubAllEnvs())

/** 20 edits fanned out to 3 clients: every one delivered, both checkers identical and complete. */
const twentyEditsToThree = {
  sent: 20,
  expected: 60,
  delivered: 60,
  notDelivered: 0,
  identical: true,
  complete: true,
}

function requireBuild(server: string = built.accord): void {
  for (const entry of [server, built.generator, built.probe]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`pnpm build\` first`)
  }
}

it('fans 20 edits out to 3 observers on Accord: all delivered, figures computed, report written', async () => {
  requireBuild()
  const { report, files } = await runBench({
    mode: 'test',
    scenarios: [fanout(3)],
    servers: ['accord'],
    // The window ends once the writer has sent its 20 edits; the times are only upper bounds.
    timing: { warmupMs: 200, measureMs: 30_000, drainMs: 10_000, editsPerWriter: 20 },
    outDir,
    pin: false,
    seed: 7,
    log: () => {},
  })

  expect(report.runs).toHaveLength(1)
  const run = report.runs[0]
  expect(run?.error).toBeNull()
  const metrics = run?.metrics
  expect(metrics).toMatchObject(twentyEditsToThree)
  if (!metrics) return
  const latencies = [metrics.p50Ms, metrics.p95Ms, metrics.p99Ms, metrics.maxMs]
  for (const value of latencies) expect(value).toEqual(expect.any(Number))
  expect([...latencies].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(latencies)
  expect(run?.latencyHistogram?.count).toBe(60)
  if (process.platform === 'linux') {
    expect(metrics.cpuPerDeliveryUs).toEqual(expect.any(Number))
    expect(metrics.peakRssMb).toBeGreaterThan(0)
    expect(metrics.eventLoopP99Ms).toEqual(expect.any(Number))
  }
  // Only Accord ran: nothing to compare it with.
  expect(report.comparisons).toEqual([])

  const json = JSON.parse(readFileSync(files.json, 'utf8')) as BenchReport
  expect(json).toEqual(JSON.parse(JSON.stringify(report)))
  const markdown = readFileSync(files.markdown, 'utf8')
  expect(markdown).toContain('## Fan-out: 1 writer at 25 Hz → N observers')
  expect(markdown).toMatch(/^\| 3 \| Accord \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| 0 of 60 \|/m)
  const svg = readFileSync(files.svg, 'utf8')
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svg).toContain('Accord, N=3: p99')
})

it('fans 20 edits out to 3 observers on the floor: all delivered, checkers converge, no document scenarios', async () => {
  requireBuild(built.floor)
  const { report, files } = await runBench({
    mode: 'test',
    scenarios: [fanout(3)],
    // The floor keeps no document: these must be skipped, not run.
    rooms: [rooms([1], 300, 3)],
    joinStorms: [joinStorm(3, 0.2)],
    durability: [durability(3, 500)],
    servers: ['floor'],
    timing: { warmupMs: 200, measureMs: 30_000, drainMs: 10_000, editsPerWriter: 20 },
    outDir: join(outDir, 'floor'),
    pin: false,
    seed: 7,
    log: () => {},
  })

  expect(report.runs).toHaveLength(1)
  expect(report.runs[0]).toMatchObject({ server: 'floor', error: null })
  expect(report.runs[0]?.metrics).toMatchObject(twentyEditsToThree)
  expect(report.comparisons).toEqual([])
  expect([report.rooms, report.joinStorms, report.durability]).toEqual([[], [], []])
  const markdown = readFileSync(files.markdown, 'utf8')
  expect(markdown).toMatch(/^\| 3 \| floor \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| 0 of 60 \|/m)
  expect(markdown).toContain('- **floor**: a stateless relay')
})

it('runs 1 → 2 rooms, a join storm of 3 and a kill -9 under 3 writers on Accord: all joined, nothing lost, tables written', async () => {
  requireBuild()
  const { report, files } = await runBench({
    mode: 'test',
    scenarios: [],
    // A step longer than a writer's period (1.5 Hz): every step's window holds an edit.
    // Every step runs whatever the machine's load: a loaded machine passes 100 ms with one room,
    // and the harness, not the machine, is under test here.
    rooms: [rooms([1, 2], 1000, 3, Number.MAX_VALUE)],
    joinStorms: [joinStorm(3, 0.2)],
    durability: [{ ...durability(3, 500), warmupMs: 300 }],
    servers: ['accord'],
    timing: { warmupMs: 0, measureMs: 0, drainMs: 0 },
    outDir: join(outDir, 'extras'),
    pin: false,
    seed: 7,
    log: () => {},
  })

  const [grown] = report.rooms
  expect(grown).toMatchObject({ server: 'accord', rooms: 2, idleConnections: 3, error: null })
  expect(grown?.steps.map((step) => step.rooms)).toEqual([1, 2])
  if (process.platform === 'linux') {
    for (const value of [
      grown?.rssPerRoomKb,
      grown?.heapPerIdleConnectionKb,
      grown?.heapLeftPerRoomKb,
    ]) {
      expect(value).toEqual(expect.any(Number))
    }
  }

  const [storm] = report.joinStorms
  expect(storm).toMatchObject({ server: 'accord', joiners: 3, joined: 3, error: null })
  expect(storm?.documentMb).toBeGreaterThan(0.15)
  for (const value of [storm?.joinP50Ms, storm?.joinMaxMs, storm?.probeBaselineP99Ms]) {
    expect(value).toEqual(expect.any(Number))
  }
  const [crash] = report.durability
  expect(crash).toMatchObject({ server: 'accord', writers: 3, error: null })
  expect(crash?.seen).toBeGreaterThan(0)
  // DESIGN §4: an update is stored before anyone sees it, so a crash loses nothing seen.
  expect(crash).toMatchObject({ missingAtFirstSync: 0, lost: 0, writersWithLoss: 0 })

  const markdown = readFileSync(files.markdown, 'utf8')
  expect(markdown).toMatch(/^\| 2 \| Accord \| [\d.]+ \| [\d.]+ \| \d+ \| \d+ \|$/m)
  expect(markdown).toMatch(/^\| 3 \| Accord \| [\d.]+ \| 3\/3 \|/m)
  expect(markdown).toMatch(
    /^\| 3 \| Accord \| 0\.8 \| [\d,]+ \| [\d,]+ \| 0 \| \*\*0\*\* \| 0\/3 \|/m,
  )
})

const tinyBoard: BrowserSpec = {
  id: 'browser-50',
  notes: 50,
  views: ['opened', 'whole-board'],
  panMs: 500,
  settleMs: 100,
}

/** Accord alone, the tiny board only, its report in `outDir/<folder>`. */
function runTinyBoard(folder: string) {
  return runBench({
    mode: 'test',
    scenarios: [],
    browser: [tinyBoard],
    servers: ['accord'],
    timing: { warmupMs: 0, measureMs: 0, drainMs: 0 },
    outDir: join(outDir, folder),
    pin: false,
    seed: 7,
    log: () => {},
  })
}

it('opens a board of 50 notes in Chromium and pans it: notes counted, frames collected, section written', async () => {
  requireBuild()
  const { report, files } = await runTinyBoard('browser')

  const [board] = report.browser
  expect(board).toMatchObject({ scenario: 'browser-50', notes: 50, skipped: null, error: null })
  expect(board?.pageErrors).toEqual([])
  const first = board?.firstRender
  for (const value of [first?.editorMs, first?.storeCompleteMs, first?.firstNoteMs]) {
    expect(value).toEqual(expect.any(Number))
  }
  // Painted only once the store held every note, and the first note no later than the board.
  expect(first?.renderedMs).toBeGreaterThanOrEqual(first?.storeCompleteMs ?? Infinity)
  expect(first?.renderedMs).toBeGreaterThanOrEqual(first?.firstNoteMs ?? Infinity)
  expect(first?.notesInView).toBeGreaterThan(0)
  expect(board?.domNodes).toBeGreaterThan(0)

  expect(board?.pans.map((pan) => pan.view)).toEqual(['opened', 'whole-board'])
  for (const pan of board?.pans ?? []) {
    expect(pan.frames).toBeGreaterThan(0)
    expect(pan.wheelEvents).toBeGreaterThan(0)
    // The wheel moved the camera: the input reached tldraw.
    expect(pan.cameraPathPx).toBeGreaterThan(0)
    expect(pan.p50Ms).toBeLessThanOrEqual(pan.p99Ms ?? -1)
    expect(pan.p99Ms).toBeLessThanOrEqual(pan.maxMs ?? -1)
  }
  // Zoomed to fit, every note is in view — the editor held all 50 of the records written.
  expect(board?.pans[1]?.notesInView).toBe(50)

  const json = JSON.parse(readFileSync(files.json, 'utf8')) as BenchReport
  expect(json.browser).toEqual(JSON.parse(JSON.stringify(report.browser)))
  const markdown = readFileSync(files.markdown, 'utf8')
  expect(markdown).toContain('## Browser: a board of N sticky notes in headless Chromium (Accord)')
  expect(markdown).toMatch(/^\| 50 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| \*\*[\d.]+\*\* \| \d+ \|/m)
  expect(markdown).toMatch(/^\| 50 \| whole board \(zoom to fit\) \| [\d.]+ % \| 50 \| \d+ \|/m)
})

it('reports the browser scenario as not measured when there is no Chromium, and runs the rest', async () => {
  vi.stubEnv('CHROMIUM_PATH', join(outDir, 'no-chromium'))
  const { report, files } = await runTinyBoard('no-browser')

  expect(report.browser).toMatchObject([{ firstRender: null, error: null, pans: [] }])
  expect(report.browser[0]?.skipped).toContain('no Chromium at')
  const markdown = readFileSync(files.markdown, 'utf8')
  expect(markdown).toContain('browser-50: not measured — no Chromium at')
})

it('runs the three hostile scenarios on Accord at a tiny size: attacks sent, memory and the other room measured, section written', async () => {
  requireBuild()
  const timing = { baselineMs: 300, attackMs: 1000, drainMs: 500 }
  const { report, files } = await runBench({
    mode: 'test',
    scenarios: [],
    hostile: [
      step1Flood(0.2, timing, 2, 5),
      mergeBurst(3, timing, 20),
      presenceFlood(3, timing, 20),
    ],
    servers: ['accord'],
    timing: { warmupMs: 0, measureMs: 0, drainMs: 0 },
    outDir: join(outDir, 'hostile'),
    pin: false,
    seed: 7,
    log: () => {},
  })

  expect(report.hostile.map((entry) => [entry.scenario, entry.error])).toEqual([
    ['step1flood-0.2', null],
    ['mergeburst-3', null],
    ['presenceflood-3', null],
  ])
  const [flood, merge, presence] = report.hostile
  // Every frame of a burst is written; the presence flood sends for as long as its window lasts.
  expect(flood?.attackFrames).toBe(10)
  expect(merge?.attackFrames).toBe(60)
  expect(presence?.attackFrames).toBeGreaterThan(0)
  expect(flood?.boardMb).toBeGreaterThan(0.15)
  for (const entry of report.hostile) {
    expect(entry.probeSent).toBeGreaterThan(0)
    expect(entry.probeP99Ms).toEqual(expect.any(Number))
    // Pass or fail is the machine's business; that a verdict is given is the harness's.
    expect(entry.p99Met).toEqual(expect.any(Boolean))
    // That the figures are there, not what they are.
    expect(entry.generatorCpuShare).toEqual(expect.any(Number))
    if (process.platform === 'linux') {
      expect(entry.peakRssMb).toBeGreaterThan(0)
      expect(entry.rssMet).toEqual(expect.any(Boolean))
      expect(entry.serverCpuShare).toEqual(expect.any(Number))
      expect(entry.eventLoopP99Ms).toEqual(expect.any(Number))
      expect(entry.eventLoopMaxMs).toEqual(expect.any(Number))
    }
  }

  const json = JSON.parse(readFileSync(files.json, 'utf8')) as BenchReport
  expect(json.hostile).toEqual(JSON.parse(JSON.stringify(report.hostile)))
  const markdown = readFileSync(files.markdown, 'utf8')
  expect(markdown).toContain('## Hostile clients (Accord alone)')
  expect(markdown).toContain(
    '| p99 | loop delay p99 ms | loop delay max ms | server CPU | generator CPU | attackers’ connections at the end |',
  )
  expect(markdown).toMatch(
    /^\| step1flood-0\.2 \| 2 read-only connections, not reading, × 5 .* \| 10 \|/m,
  )
  expect(markdown).toMatch(/^\| mergeburst-3 \| 3 participants × a burst of 20 edits \| 60 \|/m)
  expect(markdown).toMatch(/^\| presenceflood-3 \| 3 participants × 20 awareness updates\/s \|/m)
})
