import type { RoomState } from '@accord/facilitation'
import { findTemplate, type OptionValues, type Region } from '@accord/templates'
import { useMemo } from 'react'
import { type Editor, useValue } from 'tldraw'
import { type BoardRegion, boardRegionsOf } from './note-regions'

/** The template's region frames on the board (key and name), in reading order. */
export function useBoardRegions(editor: Editor | null): readonly BoardRegion[] {
  // Compared as text: a new list on every board change would re-render on every drag.
  const json = useValue(
    'board regions',
    () => JSON.stringify(editor ? boardRegionsOf(editor.getCurrentPageShapes()) : []),
    [editor],
  )
  return useMemo(() => JSON.parse(json) as BoardRegion[], [json])
}

/** The regions the room's template lays out (as it would for these options). */
export function useTemplateRegions(state: RoomState): readonly Region[] {
  const id = state.workshop?.template ?? null
  // The room state is parsed afresh on every change: compare the options as text.
  const options = JSON.stringify(state.workshop?.options ?? {})
  return useMemo(() => {
    const template = id === null ? null : findTemplate(id)
    return template ? template.create(JSON.parse(options) as OptionValues, null).regions : []
  }, [id, options])
}
