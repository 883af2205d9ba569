/**
 * The scenarios (issue 7) and the two plans that run them: `quick` (under two minutes) and the
 * full set.
 *
 *   fanout    1 writer at 25 Hz, N observers: how fast one person's drag reaches a big audience
 *   drag      N writers at 20 Hz in one room, each moving a shape: a busy whiteboard
 *   presence  N users at 1 Hz, each moving a cursor: awareness only
 *
 * and the three that are not one steady load: rooms grown in steps (`rooms.ts`), join storms (`join-storm.ts`) and durability under
 * `kill -9` (`durability.ts`); then the hostile clients (`hostile.ts`, full plan only: about a
 * minute and a half on their own, `--only hostile`).
 */
import type { Load, Timing } from '../load/job.js'
import { type DurabilitySpec, durability } from './durability.js'
import { type HostileSpec, hostileScenarios } from './hostile.js'
import { type JoinStormSpec, joinStorm } from './join-storm.js'
import { type RoomsSpec, rooms } from './rooms.js'

export type Family = 'fanout' | 'drag' | 'presence'

export interface Scenario {
  readonly id: string
  readonly family: Family
  /** The figure the scenario grows: observers (fan-out), writers (drag) or users (presence). */
  readonly n: number
  readonly load: Load
}

export const familyTitles: Record<Family, string> = {
  fanout: 'Fan-out: 1 writer at 25 Hz → N observers',
  drag: 'Whiteboard drag: N writers at 20 Hz in one room (small map edits)',
  presence: 'Presence: N users at 1 Hz (awareness)',
}

/** Real Y.Doc clients per run that check the final documents. */
const CHECKERS = 2

export function fanout(n: number): Scenario {
  return {
    id: `fanout-${n}`,
    family: 'fanout',
    n,
    load: { edits: 'doc', writers: 1, observers: n, hz: 25, checkers: CHECKERS },
  }
}

export function drag(n: number): Scenario {
  return {
    id: `drag-${n}`,
    family: 'drag',
    n,
    load: { edits: 'doc', writers: n, observers: 0, hz: 20, checkers: CHECKERS },
  }
}

export function presence(n: number): Scenario {
  return {
    id: `presence-${n}`,
    family: 'presence',
    n,
    load: { edits: 'presence', writers: n, observers: 0, hz: 1, checkers: CHECKERS },
  }
}

export type Mode = 'quick' | 'full'

export interface Plan {
  readonly mode: Mode
  readonly scenarios: readonly Scenario[]
  readonly rooms: readonly RoomsSpec[]
  readonly joinStorms: readonly JoinStormSpec[]
  readonly durability: readonly DurabilitySpec[]
  readonly hostile: readonly HostileSpec[]
  readonly timing: Timing
}

export function plan(mode: Mode): Plan {
  return mode === 'quick'
    ? {
        mode,
        scenarios: [fanout(10), fanout(100), drag(50), presence(100)],
        rooms: [rooms([10, 20], 1500, 100)],
        joinStorms: [joinStorm(50, 5)],
        durability: [durability(50, 1500)],
        hostile: [],
        timing: { warmupMs: 1000, measureMs: 3000, drainMs: 3000 },
      }
    : {
        mode,
        scenarios: [
          fanout(10),
          fanout(100),
          fanout(500),
          drag(50),
          drag(200),
          presence(100),
          presence(500),
        ],
        rooms: [rooms([50, 100, 200, 400, 800], 5000, 1000)],
        joinStorms: [joinStorm(50, 5)],
        durability: [durability(50, 5000), durability(200, 5000)],
        hostile: hostileScenarios(),
        timing: { warmupMs: 2000, measureMs: 10_000, drainMs: 5000 },
      }
}
