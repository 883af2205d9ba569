import { useEffect, useRef } from 'react'

/**
 * Brings the panel's section for the current phase (marked `data-active="true"`) into view when
 * the phase changes — the "I commit" button, say, sits below everything said before it.
 */
export function useScrollToActive<T extends HTMLElement>(phaseId: string) {
  const ref = useRef<T>(null)
  useEffect(() => {
    const active = ref.current?.querySelector('[data-active="true"]')
    if (active && 'scrollIntoView' in active)
      active.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [phaseId])
  return ref
}
