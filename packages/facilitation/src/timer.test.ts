import { describe, expect, it } from 'vitest'
import {
  extendTimer,
  formatRemaining,
  idleTimer,
  isTimeUp,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
  type Timer,
} from './timer.js'

const unwrap = (result: { ok: true; value: Timer } | { ok: false; error: string }): Timer => {
  if (!result.ok) throw new Error(result.error)
  return result.value
}

describe('timer', () => {
  it('[fac:T1] counts down from the start, and is up at the end', () => {
    const timer = unwrap(startTimer(60_000, 1_000))
    expect(remainingMs(timer, 1_000)).toBe(60_000)
    expect(remainingMs(timer, 31_000)).toBe(30_000)
    expect(isTimeUp(timer, 60_999)).toBe(false)
    expect(isTimeUp(timer, 61_000)).toBe(true)
    expect(remainingMs(timer, 99_000)).toBe(0)
    // A clock slightly behind the server's never shows more than the duration.
    expect(remainingMs(timer, 990)).toBe(60_000)
  })

  it('[fac:T1] refuses durations under a second or over four hours', () => {
    expect(startTimer(500, 0).ok).toBe(false)
    expect(startTimer(5 * 60 * 60 * 1000, 0).ok).toBe(false)
    expect(startTimer(Number.NaN, 0).ok).toBe(false)
  })

  it('[fac:T2] pausing keeps what was left; resuming continues from there', () => {
    const running = unwrap(startTimer(60_000, 0))
    const paused = unwrap(pauseTimer(running, 20_000))
    expect(remainingMs(paused, 500_000)).toBe(40_000)
    const resumed = unwrap(resumeTimer(paused, 100_000))
    expect(remainingMs(resumed, 110_000)).toBe(30_000)
    expect(pauseTimer(paused, 0).ok).toBe(false)
    expect(resumeTimer(running, 0).ok).toBe(false)
  })

  it('[fac:T3] extending adds time, also to a paused or finished countdown', () => {
    const running = unwrap(startTimer(60_000, 0))
    expect(remainingMs(unwrap(extendTimer(running, 30_000, 10_000)), 10_000)).toBe(80_000)
    const paused = unwrap(pauseTimer(running, 10_000))
    expect(unwrap(extendTimer(paused, 60_000, 0))).toEqual({
      state: 'paused',
      durationMs: 120_000,
      remainingMs: 110_000,
    })
    const finished = unwrap(extendTimer(running, 60_000, 999_000))
    expect(remainingMs(finished, 999_000)).toBe(60_000)
    expect(extendTimer(idleTimer, 1000, 0).ok).toBe(false)
    expect(extendTimer(running, -5, 0).ok).toBe(false)
  })

  it('formats remaining time for people, rounding up', () => {
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(61_000)).toBe('1:01')
    expect(formatRemaining(3_600_000 + 5_000)).toBe('1:00:05')
  })
})
