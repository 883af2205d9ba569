import type { RoomState } from '@accord/facilitation'
import {
  type AnyTemplate,
  findTemplate,
  type OptionValues,
  type WorkshopResult,
} from '@accord/templates'
import { type Editor, useValue } from 'tldraw'
import type { RoomMember } from '../api/workshop'

/** The room's template (rooms from before templates follow the blank board). */
export function roomTemplate(state: RoomState): AnyTemplate {
  const template = findTemplate(state.workshop?.template ?? 'blank') ?? findTemplate('blank')
  if (!template) throw new Error('the blank template is always registered')
  return template
}

/**
 * The workshop's structured result, derived live from the board and the room's public state with
 * the same pure function the server stores at close — so what the panel shows is what is stored.
 */
export function useLiveResult(
  editor: Editor,
  state: RoomState,
  members: readonly RoomMember[],
  title: string,
): WorkshopResult {
  return useValue(
    'workshop result',
    () =>
      roomTemplate(state).result({
        title,
        options: (state.workshop?.options ?? {}) as OptionValues,
        state,
        data: state.workshop?.data ?? {},
        // Shapes only: every template reads its result off them, and the camera and cursors
        // (other records) then do not recompute it on every move.
        records: editor.store.query.records('shape').get(),
        members,
      }),
    [editor, state, members, title],
  )
}
