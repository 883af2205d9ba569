import {
  formatRemaining,
  isTimeUp,
  remainingMs,
  type Timer,
  TIMER_LIMITS,
} from '@accord/facilitation'
import { useEffect, useRef, useState } from 'react'
import type { RoomCommand } from './use-room-command'
import { useServerNow } from './use-server-now'

const SOUND_KEY = 'accord:timer-sound'

/**
 * The shared countdown: the same on every screen; the facilitator runs it, offered the current
 * phase's suggested duration.
 */
export function TimerDisplay(props: {
  timer: Timer
  facilitates: boolean
  send: (command: RoomCommand) => Promise<boolean>
  /** The current phase: a new phase offers its own duration again. */
  phaseId: string
  /** The duration offered, in minutes (the phase's suggestion). */
  suggestedMinutes: number
}) {
  const { timer, facilitates, send } = props
  const now = useServerNow(timer.state === 'running')
  const left = remainingMs(timer, now)
  const up = isTimeUp(timer, now)
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) === 'on')
  useChimeWhen(up && sound)

  // What the facilitator typed, for the phase they typed it in; otherwise the phase's suggestion.
  const [typed, setTyped] = useState<{ phaseId: string; minutes: string } | null>(null)
  const minutes = typed?.phaseId === props.phaseId ? typed.minutes : String(props.suggestedMinutes)
  const setMinutes = (value: string) => setTyped({ phaseId: props.phaseId, minutes: value })
  const toggleSound = () => {
    setSound(!sound)
    localStorage.setItem(SOUND_KEY, sound ? 'off' : 'on')
  }

  return (
    <div
      className={`timer timer--${up ? 'up' : timer.state}`}
      data-testid="timer"
      data-state={up ? 'up' : timer.state}
    >
      {timer.state !== 'idle' && (
        <span className="timer__time" data-testid="timer-time" aria-live={up ? 'assertive' : 'off'}>
          {up ? 'Time’s up' : formatRemaining(left)}
        </span>
      )}
      {timer.state === 'idle' && !facilitates && <span className="timer__idle">No timer</span>}
      {facilitates && (
        <span className="timer__controls">
          {timer.state === 'idle' && (
            <>
              <label className="visually-hidden" htmlFor="timer-minutes">
                Minutes
              </label>
              <input
                id="timer-minutes"
                data-testid="timer-minutes"
                className="timer__minutes"
                type="number"
                min="1"
                max={TIMER_LIMITS.maxMs / 60_000}
                value={minutes}
                onChange={(event) => setMinutes(event.target.value)}
              />
              <button
                type="button"
                className="button"
                data-testid="timer-start"
                onClick={() =>
                  void send({ type: 'timer.start', seconds: Math.round(Number(minutes) * 60) })
                }
              >
                Start timer
              </button>
            </>
          )}
          {timer.state === 'running' && !up && (
            <button
              type="button"
              className="button"
              onClick={() => void send({ type: 'timer.pause' })}
            >
              Pause
            </button>
          )}
          {timer.state === 'paused' && (
            <button
              type="button"
              className="button"
              onClick={() => void send({ type: 'timer.resume' })}
            >
              Resume
            </button>
          )}
          {timer.state !== 'idle' && (
            <>
              <button
                type="button"
                className="button"
                onClick={() => void send({ type: 'timer.extend', seconds: 60 })}
              >
                +1 min
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void send({ type: 'timer.reset' })}
              >
                Clear
              </button>
            </>
          )}
        </span>
      )}
      <button
        type="button"
        className="button button--quiet timer__sound"
        aria-pressed={sound}
        aria-label="Play a sound when time is up"
        title={sound ? 'Sound on when time is up' : 'Sound off'}
        onClick={toggleSound}
      >
        <BellIcon muted={!sound} />
      </button>
    </div>
  )
}

/** A short two-tone chime, once, when `ringing` becomes true. */
function useChimeWhen(ringing: boolean) {
  const rang = useRef(false)
  useEffect(() => {
    if (!ringing) {
      rang.current = false
      return
    }
    if (rang.current) return
    rang.current = true
    try {
      const audio = new AudioContext()
      for (const [index, frequency] of [880, 660].entries()) {
        const oscillator = audio.createOscillator()
        const gain = audio.createGain()
        oscillator.frequency.value = frequency
        gain.gain.setValueAtTime(0.15, audio.currentTime + index * 0.25)
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.25 + 0.4)
        oscillator.connect(gain).connect(audio.destination)
        oscillator.start(audio.currentTime + index * 0.25)
        oscillator.stop(audio.currentTime + index * 0.25 + 0.4)
      }
    } catch {
      // No audio available: the visual end is enough.
    }
  }, [ringing])
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  )
}
