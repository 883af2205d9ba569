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
    paced.advance(1) // 10 peers at 50,000/s may flush every 0.2 ms
    paced.pacer.schedule(10)
    paced.endTurn()
    expect(paced.flushedAt).toEqual([0, 1])
  })

  it('spaces flushes peers / budget apart above it, merging what came meanwhile', () => {
    const paced = pacedAt(50_000)
    paced.pacer.schedule(500)
    paced.endTurn()
    expect(paced.flushedAt).toEqual([0])
    // 500 peers: at most one flush per 10 ms, however many changes arrive.
    for (let ms = 1; ms <= 9; ms++) {
      paced.advance(1)
      paced.pacer.schedule(500)
      paced.endTurn()
    }
    expect(paced.flushedAt).toEqual([0])
    paced.advance(1)
    expect(paced.flushedAt).toEqual([0, 10])
  })

  it('keeps the frames sent under the budget for any room size', () => {
    for (const peers of [2, 100, 500, 2000]) {
      const paced = pacedAt(20_000)
      // Every peer changes once a second, spread evenly: one change every 1000 / peers ms.
      for (let change = 0; change < peers * 5; change++) {
        paced.advance(1000 / peers)
        paced.pacer.schedule(peers)
        paced.endTurn()
      }
      const framesPerSecond = (paced.flushedAt.length * peers) / 5
      expect(framesPerSecond).toBeLessThanOrEqual(20_000)
      // ...and under the budget every change went out in its own turn.
      if (peers * peers <= 20_000) expect(paced.flushedAt.length).toBe(peers * 5)
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
    const paced = pacedAt(1000)
    paced.pacer.schedule(100)
    paced.endTurn()
    paced.pacer.schedule(100) // waits 100 ms
    expect(paced.pendingTimers()).toBe(1)
    paced.pacer.stop()
    expect(paced.pendingTimers()).toBe(0)
    paced.advance(1000)
    paced.pacer.schedule(100)
    paced.endTurn()
    expect(paced.flushedAt).toEqual([0])
  })
})
