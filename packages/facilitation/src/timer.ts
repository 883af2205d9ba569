/**
 * The facilitator's countdown. The server keeps it as data in server time; every client shows
 * `remainingMs(timer, serverNow)`, correcting its own clock by the offset it measured, so all
 * screens agree.
 */
import { err, ok, type Result } from './result.js'

export type Timer =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly durationMs: number; readonly endsAt: number }
  | { readonly state: 'paused'; readonly durationMs: number; readonly remainingMs: number }

export const TIMER_LIMITS = { minMs: 1000, maxMs: 4 * 60 * 60 * 1000 } as const

export const idleTimer: Timer = { state: 'idle' }

function checkDuration(ms: number): Result<number> {
  if (!Number.isFinite(ms) || ms < TIMER_LIMITS.minMs || ms > TIMER_LIMITS.maxMs) {
    return err('a timer runs from 1 second to 4 hours')
  }
  return ok(Math.round(ms))
}

/** [fac:T1] Starts (or restarts) a countdown of `durationMs` from `now`. */
export function startTimer(durationMs: number, now: number): Result<Timer> {
  const duration = checkDuration(durationMs)
  if (!duration.ok) return duration
  return ok({ state: 'running', durationMs: duration.value, endsAt: now + duration.value })
}

/** [fac:T2] Pauses a running countdown, keeping what was left. */
export function pauseTimer(timer: Timer, now: number): Result<Timer> {
  if (timer.state !== 'running') return err('the timer is not running')
  return ok({ state: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) })
}

/** [fac:T2] Resumes a paused countdown where it stopped. */
export function resumeTimer(timer: Timer, now: number): Result<Timer> {
  if (timer.state !== 'paused') return err('the timer is not paused')
  return ok({ state: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs })
}

/** [fac:T3] Adds time; a finished countdown starts running again for the added time. */
export function extendTimer(timer: Timer, byMs: number, now: number): Result<Timer> {
  if (timer.state === 'idle') return err('there is no timer to extend')
  if (!Number.isFinite(byMs) || byMs <= 0) return err('extend by a positive amount')
  const left = remainingMs(timer, now) + byMs
  if (left > TIMER_LIMITS.maxMs) return err('a timer runs for at most 4 hours')
  const durationMs = timer.durationMs + byMs
  return ok(
    timer.state === 'paused'
      ? { state: 'paused', durationMs, remainingMs: left }
      : { state: 'running', durationMs, endsAt: now + left },
  )
}

export function remainingMs(timer: Timer, now: number): number {
  if (timer.state === 'idle') return 0
  if (timer.state === 'paused') return timer.remainingMs
  // Never more than the duration: a client clock a few ms ahead of the server must not show 5:01.
  return Math.min(timer.durationMs, Math.max(0, timer.endsAt - now))
}

/** [fac:T4] A running countdown whose time is up. */
export function isTimeUp(timer: Timer, now: number): boolean {
  return timer.state === 'running' && timer.endsAt <= now
}

/** `mm:ss` (or `h:mm:ss`), rounding up so that 0:00 shows only when time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`
}
