import type { RoomState } from '@accord/facilitation'
import { regionFrames } from '@accord/templates'
import { useEffect, useRef } from 'react'
import { Box, type Editor, type TLShapeId, useValue } from 'tldraw'
import { phaseFocus, regionFrameId } from './board-focus'
import { bringIntoView } from './show-shape'

/**
 * Brings what the room is about into everyone's view: the region of the current phase (when a
 * phase with a `focus` begins) and the spotlighted shape (when it changes). Each is shown once per
 * change — and once it is on the board, for people who join or load while it is current. A board
 * laid out by a template otherwise opens with its whole layout in view.
 */
export function useBoardFocus(editor: Editor | null, state: RoomState): void {
  const focus = phaseFocus(state.plan)
  const focusFrame = useValue(
    'focus frame',
    () => (editor ? regionFrameId(editor.getCurrentPageShapes(), focus) : null),
    [editor, focus],
  )
  const spotlight = useValue(
    'spotlight shape',
    () =>
      editor && state.spotlight && editor.getShape(state.spotlight as TLShapeId)
        ? state.spotlight
        : null,
    [editor, state.spotlight],
  )
  // The region frames' ids, as text: it changes when the layout arrives, not on every edit.
  const layout = useValue(
    'layout frames',
    () => (editor ? [...regionFrames(editor.getCurrentPageShapes()).values()].join(' ') : ''),
    [editor],
  )
  const phaseId = state.plan.phases[state.plan.currentIndex]?.id ?? ''
  // A new phase about the same region still brings it back into view.
  useBringIntoView(editor, focusFrame, phaseId)
  useBringIntoView(editor, spotlight, '')
  useFitOnOpen(editor, layout, focusFrame !== null || spotlight !== null)
}

function useBringIntoView(editor: Editor | null, shapeId: string | null, occasion: string): void {
  const shown = useRef<string | null>(null)
  useEffect(() => {
    const key = shapeId === null ? null : `${occasion}\n${shapeId}`
    if (!editor || key === shown.current) return
    shown.current = key
    if (shapeId === null) return
    const bounds = editor.getShapePageBounds(shapeId as TLShapeId)
    // Never closer than 100%: one theme should not fill the screen.
    if (bounds) bringIntoView(editor, bounds, { inset: 80 })
  }, [editor, shapeId, occasion])
}

/** Once, when the board opens: the template's whole layout in view (unless something is in focus). */
function useFitOnOpen(editor: Editor | null, layout: string, focused: boolean): void {
  const done = useRef(false)
  useEffect(() => {
    if (!editor || done.current || layout === '') return
    done.current = true
    if (focused) return
    const bounds = Box.Common(
      layout.split(' ').flatMap((id) => editor.getShapePageBounds(id as TLShapeId) ?? []),
    )
    bringIntoView(editor, bounds, { inset: 40, animate: false })
  }, [editor, layout, focused])
}
