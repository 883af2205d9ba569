import { useEffect, useRef, useState } from 'react'
import type { ApiResult } from '../api/rooms'

/** What a load answered, tagged with the query it answered (so a stale answer is never shown). */
export type Keyed<T> =
  | { readonly key: string; readonly ok: true; readonly value: T }
  | { readonly key: string; readonly ok: false; readonly message: string }

/**
 * Loads from the API whenever `query` changes (or on "Try again"), keeping the last answer while
 * the next one is on its way; an answer to an older query is dropped.
 */
export function useKeyedLoad<T>(query: string, load: () => Promise<ApiResult<T>>) {
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Keyed<T> | null>(null)
  const key = `${query}#${attempt}`
  const latestLoad = useRef(load)
  useEffect(() => {
    latestLoad.current = load
  }, [load])

  useEffect(() => {
    let live = true
    void latestLoad.current().then((result) => {
      if (!live) return
      setLoaded(
        result.ok
          ? { key, ok: true, value: result.value }
          : { key, ok: false, message: result.message },
      )
    })
    return () => {
      live = false
    }
  }, [key])

  return {
    loaded,
    loading: loaded?.key !== key,
    retry: () => setAttempt((n) => n + 1),
    /** Changes what is shown (e.g. one item updated on the server) until the next load. */
    update: (change: (value: T) => T) =>
      setLoaded((current) =>
        current?.ok ? { ...current, value: change(current.value) } : current,
      ),
  }
}
