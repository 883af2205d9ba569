import { describe, expect, it } from 'vitest'
import { FlushPacer, type PacerClock } from './flush-pacer.js'

/** A clock the test moves: deferred tasks run on `endTurn`, timers when time passes them. */
function fakeClock() {
  let now = 0
  let deferred: (() => void)[] = []
  let timers: { at: number; task: () => void }[] = []
  const clock: PacerClock = {
    now: () => now,
    defer: (task) => deferred.push(task),
    after: (ms, task) => {
      const timer = { at: now + ms, task }
      timers.push(timer)
      return () => (timers = timers.filter((other) => other !== timer))
    },
  }
  return {
    clock,
    endTurn: () => {
      const tasks = deferred
      deferred = []
      for (const task of tasks) task()
    },
    advance: (ms: number) => {
      now += ms
      const due = timers.filter((timer) => timer.at <= now)
      timers = timers.filter((timer) => timer.at > now)
      for (const timer of due) timer.task()
    },
    pendingTimers: () => timers.length,
  }
}

function pacedAt(framesPerSecond: number) {
  const time = fakeClock()
  const flushedAt: number[] = []
  const pacer = new FlushPacer(framesPerSecond, () => flushedAt.push(time.clock.now()), time.clock)
  return { ...time, pacer, flushedAt }
}

describe('FlushPacer', () => {
  it('flushes at the end of the turn while under the budget', () => {
    const paced = pacedAt(50_000)
    paced.pacer.schedule(10)
    paced.pacer.schedule(10) // same turn: one flush
    expect(paced.flushedAt).toEqual([])
    paced.endTurn()
    expect(paced.flushedAt).toEqual([0])
    paced.advance(1)
    paced.pacer.schedule(10)
    paced.endTurn()
    expect(paced.flushedAt).toEqual([0, 1])
  })

  it('lets a burst through, then spaces flushes so frames stay within the budget', () => {
    // 500 peers at 50,000 frames a second: the bucket holds 5,000 frames (ten flushes), then
    // refills one flush every 10 ms.
    const paced = pacedAt(50_000)
    for (let turn = 0; turn < 10; turn++) {
      paced.pacer.schedule(500)
      paced.endTurn()
    }
    expect(paced.flushedAt).toHaveLength(10)
    // Changes every millisecond from here: one flush per 10 ms, each taking what came meanwhile.
    for (let ms = 1; ms <= 100; ms++) {
      paced.advance(1)
      paced.pacer.schedule(500)
      paced.endTurn()
    }
    expect(paced.flushedAt.slice(10)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
  })

  it('keeps the frames sent within the budget for any room size', () => {
    for (const peers of [2, 100, 500, 2000, 20_000]) {
      const paced = pacedAt(20_000)
      // Every peer changes once a second, spread evenly: one change every 1000 / peers ms.
      const seconds = 5
      for (let change = 0; change < peers * seconds; change++) {
        paced.advance(1000 / peers)
        paced.pacer.schedule(peers)
        paced.endTurn()
      }
      const frames = paced.flushedAt.length * peers
      // The budget, plus the burst the bucket held at the start (or one flush when larger).
      expect(frames).toBeLessThanOrEqual(20_000 * seconds + Math.max(2_000, peers))
      // ...and under the budget every change went out in its own turn.
      if (peers * peers <= 20_000) expect(paced.flushedAt).toHaveLength(peers * seconds)
    }
  })

  it('flushes every turn when unpaced (a budget of 0)', () => {
    const paced = pacedAt(0)
    for (let turn = 0; turn < 3; turn++) {
      paced.pacer.schedule(10_000)
      paced.endTurn()
    }
    expect(paced.flushedAt).toEqual([0, 0, 0])
  })

  it('never flushes after stop, even a flush already waiting', () => {
    const paced = pacedAt(1000) // holds 100 frames: one flush to 100 peers
    paced.pacer.schedule(100)
    paced.endTurn()
    paced.pacer.schedule(100) // waits 100 ms for the bucket to refill
    expect(paced.pendingTimers()).toBe(1)
    paced.pacer.stop()
    expect(paced.pendingTimers()).toBe(0)
    paced.advance(1000)
    paced.pacer.schedule(100)
    paced.endTurn()
    expect(paced.flushedAt).toEqual([0])
  })
})
