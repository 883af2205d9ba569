import { useCallback, useEffect, useState } from 'react'
import { fetchSubmission } from '../api/workshop'

/**
 * This person's own hidden submission of a kind (their stance, their risk scores), loaded from
 * the server — it is in no shared document — while `active`, and again after `reload()`.
 */
export function useOwnSubmission(roomId: string, token: string, kind: string, active: boolean) {
  const [value, setValue] = useState<unknown>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!active) return
    let cancelled = false
    void fetchSubmission(roomId, token, kind).then((result) => {
      if (!cancelled && result.ok) setValue(result.value.value)
    })
    return () => {
      cancelled = true
    }
  }, [roomId, token, kind, active, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { value, reload }
}
