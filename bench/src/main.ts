/**
 * `pnpm bench [--quick] [options]`: see `--help`. Prints progress, then the Markdown report, and
 * leaves results.md, results.json and p99-latency.svg in the output folder. `pnpm bench --only
 * hostile` runs the hostile-client scenarios alone (`scenarios/hostile.ts`).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runBench } from './bench.js'
import { type BrowserSpec, browserScenario, PLANNED_NOTES } from './browser/browser-scenario.js'
import type { ServerKind, Timing } from './load/job.js'
import { defaultResultsDir } from './paths.js'
import { toMarkdown } from './report/markdown.js'
import { type DurabilitySpec, durability } from './scenarios/durability.js'
import {
  type HostileSpec,
  type HostileTiming,
  hostileScenarios,
  hostileTiming,
  mergeBurst,
  presenceFlood,
  step1Flood,
} from './scenarios/hostile.js'
import { type JoinStormSpec, joinStorm } from './scenarios/join-storm.js'
import { type RoomsSpec, rooms } from './scenarios/rooms.js'
import { drag, fanout, type Mode, plan, presence, type Scenario } from './scenarios/scenarios.js'
import { allServerKinds, serverKinds } from './servers/start-server.js'

const usage = `Usage: pnpm bench [--quick] [options]

Runs Accord, @y/websocket-server (LevelDB) and Hocuspocus (SQLite) one after the other on
loopback and drives each with the same load from a separate process.

  --quick               the reduced set (fan-out 10/100, drag 50, presence 100, 10 → 20 rooms,
                        a join storm of 50, kill -9 under 50 writers, a board of 2,000 notes in
                        Chromium), about 2 minutes; the hostile clients run in the full plan
                        or with --only hostile
  --scenarios <list>    instead of the plan: e.g. fanout-1000,drag-100,presence-2000,
                        rooms-800 (steps up to 800 rooms), joinstorm-50 (5 MB document),
                        durability-50 (kill -9 after 5 s), browser-2000 (a board of 2,000 notes
                        in headless Chromium, Accord only: first render, frame times panning),
                        and the hostile clients (Accord only): step1flood-40 (read-only
                        sockets that stop reading send 400 sync step 1 frames to a 40 MB board),
                        mergeburst-100 (100 participants × a burst of 1,000 edits),
                        presenceflood-150 (150 participants × 190 awareness updates/s)
  --only hostile        only the hostile clients (the three above, each a 10 s attack; with
                        --quick 5 s and a 20 MB board; --measure sets the attack's length):
                        the server's peak RSS and another room's p99 during each, against the
                        targets of issue 15 (BENCH_HOSTILE_RSS_CEILING_MB, default 3072: past
                        it the bench kills the server rather than let it exhaust the machine)
  --servers <list>      some of: ${allServerKinds.join(', ')} (default: ${serverKinds.join(', ')});
                        floor is a stateless relay that frames each message once and stores
                        nothing, the least any relay pays: it runs in fan-out, drag and
                        presence only, e.g. --servers ${allServerKinds.join(',')}
  --measure <seconds>   the measured window of each run, and each browser pan (quick: 3, full: 10)
  --no-browser          leave the browser scenario out (it needs Chromium: CHROMIUM_PATH, or
                        /usr/bin/chromium; without one the report says it was not measured)
  --out <dir>           where to write the report (default: bench/results/<time>-<mode>)
  --seed <n>            seeds positions, client ids and send phases (default: 1)
  --no-pin              do not pin the server and the generator to cores
  -h, --help            this text
`

const builders = { fanout, drag, presence } as const

interface Chosen {
  readonly scenarios: Scenario[]
  readonly rooms: RoomsSpec[]
  readonly joinStorms: JoinStormSpec[]
  readonly durability: DurabilitySpec[]
  readonly browser: BrowserSpec[]
  readonly hostile: HostileSpec[]
}

/** `rooms-R`: steps doubling up to R rooms (from R/8), 5 s each, 1,000 idle connections. */
function roomSteps(last: number): RoomsSpec {
  const steps = [last]
  while (steps.length < 4 && (steps[0] as number) >= 2)
    steps.unshift(Math.floor((steps[0] as number) / 2))
  return rooms(steps, 5000, 1000)
}

const scenarioId = new RegExp(
  `^(${[
    ...['fanout', 'drag', 'presence', 'rooms', 'joinstorm', 'durability', 'browser'],
    ...['step1flood', 'mergeburst', 'presenceflood'],
  ].join('|')})-(\\d+)$`,
)

function parseScenarios(list: string, timing: Timing, hostileTiming: HostileTiming): Chosen {
  const chosen: Chosen = {
    scenarios: [],
    rooms: [],
    joinStorms: [],
    durability: [],
    browser: [],
    hostile: [],
  }
  for (const id of list.split(',').map((item) => item.trim())) {
    const match = scenarioId.exec(id)
    if (!match) throw new Error(`unknown scenario "${id}" (expected e.g. fanout-100)`)
    const [, family, n] = match as unknown as [string, string, string]
    if (family === 'step1flood') chosen.hostile.push(step1Flood(Number(n), hostileTiming))
    else if (family === 'mergeburst') chosen.hostile.push(mergeBurst(Number(n), hostileTiming))
    else if (family === 'presenceflood') {
      chosen.hostile.push(presenceFlood(Number(n), hostileTiming))
    } else if (family === 'rooms') chosen.rooms.push(roomSteps(Number(n)))
    else if (family === 'joinstorm') chosen.joinStorms.push(joinStorm(Number(n), 5))
    else if (family === 'durability') chosen.durability.push(durability(Number(n), 5000))
    else if (family === 'browser') chosen.browser.push(browserScenario(Number(n), timing))
    else chosen.scenarios.push(builders[family as keyof typeof builders](Number(n)))
  }
  return chosen
}

function parseServers(list: string): ServerKind[] {
  const kinds = list.split(',').map((kind) => kind.trim())
  for (const kind of kinds) {
    if (!allServerKinds.includes(kind as ServerKind)) throw new Error(`unknown server "${kind}"`)
  }
  return kinds as ServerKind[]
}

/** The hostile scenarios' attack window: 10 s, 5 s with `--quick`, or `--measure`. */
function hostileTimingFor(mode: Mode, measure: string | undefined): HostileTiming {
  const attackMs = measure ? Number(measure) * 1000 : mode === 'quick' ? 5000 : undefined
  return attackMs === undefined ? hostileTiming : { ...hostileTiming, attackMs }
}

/** The hostile scenarios alone; `--quick` attacks a 20 MB board instead of 40 MB. */
function onlyHostile(mode: Mode, timing: HostileTiming): Chosen {
  const hostile =
    mode === 'quick'
      ? [step1Flood(20, timing), mergeBurst(100, timing), presenceFlood(150, timing)]
      : hostileScenarios(timing)
  return { scenarios: [], rooms: [], joinStorms: [], durability: [], browser: [], hostile }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-').slice(0, 19)
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    // `pnpm bench -- --only hostile` hands the script a literal `--` first.
    args: process.argv.slice(2).filter((arg, index) => index > 0 || arg !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      scenarios: { type: 'string' },
      only: { type: 'string' },
      servers: { type: 'string' },
      measure: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-pin': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(usage)
    return 0
  }
  const mode: Mode = values.quick ? 'quick' : 'full'
  const chosen = plan(mode)
  const timing = values.measure
    ? { ...chosen.timing, measureMs: Number(values.measure) * 1000 }
    : chosen.timing
  if (values.only !== undefined && values.only !== 'hostile') {
    throw new Error(`--only takes "hostile", not "${values.only}"`)
  }
  if (values.only && values.scenarios) throw new Error('give --only or --scenarios, not both')
  const {
    scenarios,
    rooms: roomSpecs,
    joinStorms,
    durability,
    browser,
    hostile,
  } = values.only
    ? onlyHostile(mode, hostileTimingFor(mode, values.measure))
    : values.scenarios
      ? parseScenarios(values.scenarios, timing, hostileTimingFor(mode, values.measure))
      : {
          ...chosen,
          // Quick pans 2 s per view, which keeps the whole quick run under two minutes.
          browser: [
            browserScenario(PLANNED_NOTES, timing, mode === 'quick' ? 2000 : timing.measureMs),
          ],
        }
  const label = values.only ? `${mode}-hostile` : values.scenarios ? 'custom' : mode
  const outDir = values.out ?? join(defaultResultsDir, `${stamp(new Date())}-${label}`)
  const { report, files } = await runBench({
    mode: label,
    scenarios,
    rooms: roomSpecs,
    joinStorms,
    durability,
    browser: values['no-browser'] ? [] : browser,
    hostile,
    servers: values.servers ? parseServers(values.servers) : serverKinds,
    timing,
    outDir,
    pin: !values['no-pin'],
    seed: Number(values.seed),
    log: (line) => process.stdout.write(`${line}\n`),
  })
  process.stdout.write(`\n${toMarkdown(report)}\n`)
  process.stdout.write(`Report: ${files.markdown}\n        ${files.json}\n        ${files.svg}\n`)
  const failed = [...report.runs, ...report.browser, ...report.hostile].some((entry) => entry.error)
  return failed ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  },
)
