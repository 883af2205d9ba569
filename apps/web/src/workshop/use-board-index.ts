import { type BoardNote, notesByRegion, regionFrames } from '@accord/templates'
import { useMemo } from 'react'
import { type Editor, useValue } from 'tldraw'

export interface BoardIndex {
  /** Region key → the id of its frame. */
  readonly frames: ReadonlyMap<string, string>
  /** Region key → the notes in it, in reading order. */
  readonly notes: ReadonlyMap<string, readonly BoardNote[]>
}

/** The template's regions on the board and the notes in each, live (with ids, to show them). */
export function useBoardIndex(editor: Editor): BoardIndex {
  // Compared as text, so that moving the camera or a cursor does not re-render the panel.
  const json = useValue(
    'board index',
    () => {
      const shapes = editor.getCurrentPageShapes()
      return JSON.stringify([[...regionFrames(shapes)], [...notesByRegion(shapes)]])
    },
    [editor],
  )
  return useMemo(() => {
    const [frames, notes] = JSON.parse(json) as [[string, string][], [string, BoardNote[]][]]
    return { frames: new Map(frames), notes: new Map(notes) }
  }, [json])
}
