import { useEffect, useState } from 'react'
import { fetchServerNow } from '../api/room-reads'
import { measureOffset } from './server-clock'

/**
 * Server time, ticking every `tickMs` while `ticking`. The offset from this browser's clock is
 * measured when mounted and every few minutes; a wrong local clock does not change the countdown.
 */
export function useServerNow(ticking: boolean, tickMs = 250): number {
  const [offset, setOffset] = useState(0)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    let cancelled = false
    const measure = () =>
      measureOffset(fetchServerNow).then(
        (measured) => !cancelled && setOffset(measured),
        () => {}, // offline: keep the last offset
      )
    void measure()
    const timer = setInterval(() => void measure(), 5 * 60 * 1000)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [])

  useEffect(() => {
    if (!ticking) return
    const tick = () => setNow(Date.now())
    const first = setTimeout(tick, 0) // at once: `now` may be stale from before the timer started
    const timer = setInterval(tick, tickMs)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [ticking, tickMs])

  return now + offset
}
