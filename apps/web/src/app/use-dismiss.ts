import { type RefObject, useEffect, useRef } from 'react'

/** Closes an open popover on Escape or on a click outside `root`. */
export function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, close: () => void) {
  const latestClose = useRef(close)
  useEffect(() => {
    latestClose.current = close
  }, [close])
  useEffect(() => {
    if (!open) return
    const dismiss = (event: KeyboardEvent | MouseEvent) => {
      const outside =
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      if (outside) latestClose.current()
    }
    document.addEventListener('keydown', dismiss)
    document.addEventListener('mousedown', dismiss)
    return () => {
      document.removeEventListener('keydown', dismiss)
      document.removeEventListener('mousedown', dismiss)
    }
  }, [open, root])
}
