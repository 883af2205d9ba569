/**
 * `/b/<room>?focus=<shape id>`: a link into the board at one shape — the region a decision came
 * from, the note an action item was written on. Once the board has loaded and the shape is on it,
 * the camera moves to it (animated, fitted, never closer than 100%), it is outlined for this
 * person only for a while, and the parameter leaves the address bar (so a reload or a shared link
 * does not jump again). The share-link fragment (`#t=`) is handled by `use-room-entry`, which keeps
 * the query while it removes the token.
 */
import { useEffect, useRef, useState } from 'react'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { replaceAddress } from '../app/navigation'
import { bringIntoView } from '../facilitation/show-shape'

const SHAPE_ID = /^shape:[A-Za-z0-9_.:-]{1,128}$/

/** How long the outline stays. */
export const HIGHLIGHT_MS = 8000
/** How long to wait for a shape that may still be syncing before giving up on it. */
const GIVE_UP_MS = 30_000

/** The shape a board address asks to focus (`?focus=shape:…`), if it is a well-formed id. */
export function focusShapeFromSearch(search: string): string | null {
  const focus = new URLSearchParams(search).get('focus')
  return focus !== null && SHAPE_ID.test(focus) ? focus : null
}

/** The query string without `focus` (other parameters kept; '' when none are left). */
export function searchWithoutFocus(search: string): string {
  const params = new URLSearchParams(search)
  params.delete('focus')
  const rest = params.toString()
  return rest ? `?${rest}` : ''
}

function forgetFocusParam(): void {
  const { pathname, search, hash } = window.location
  if (!new URLSearchParams(search).has('focus')) return
  replaceAddress(pathname + searchWithoutFocus(search) + hash)
}

/**
 * Brings the shape named by the board's `?focus=` into view once it exists, and returns it while
 * it should be outlined (null otherwise). Call it after the board's own camera hooks
 * (`useBoardFocus`): effects run in order, so this one has the last word when the board opens.
 */
export function useFocusParam(editor: Editor | null): string | null {
  const [target] = useState(() => focusShapeFromSearch(window.location.search))
  const [expired, setExpired] = useState(false)
  const done = useRef(false)
  const highlightTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(highlightTimer.current), [])
  const exists = useValue(
    'focus param shape',
    () => editor !== null && target !== null && editor.getShape(target as TLShapeId) !== undefined,
    [editor, target],
  )

  useEffect(() => {
    if (!editor || !target || !exists || done.current) return
    done.current = true
    const bounds = editor.getShapePageBounds(target as TLShapeId)
    if (bounds) bringIntoView(editor, bounds, { inset: 80 })
    forgetFocusParam()
    highlightTimer.current = setTimeout(() => setExpired(true), HIGHLIGHT_MS)
  }, [editor, target, exists])

  // A shape that never arrives (deleted since the link was made): stop waiting, tidy the address.
  useEffect(() => {
    if (!target) {
      forgetFocusParam()
      return
    }
    const timer = setTimeout(() => {
      if (!done.current) forgetFocusParam()
    }, GIVE_UP_MS)
    return () => clearTimeout(timer)
  }, [target])

  return exists && !expired ? target : null
}
