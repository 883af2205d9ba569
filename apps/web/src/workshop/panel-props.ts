import type { RoomState } from '@accord/facilitation'
import type { AnyTemplate, WorkshopResult } from '@accord/templates'
import type { Editor } from 'tldraw'
import type { RoomMember } from '../api/workshop'
import type { RoomCommand } from '../facilitation/use-room-command'

/**
 * What every template's side panel gets: the room's public state, the workshop's structured
 * result as it stands (derived live from the board), the people in the room, and a way to send
 * commands. A panel shows the structured state and the controls its method needs.
 */
export interface TemplatePanelProps<R extends WorkshopResult = WorkshopResult> {
  readonly template: AnyTemplate
  readonly state: RoomState
  readonly result: R
  readonly self: RoomMember
  readonly members: readonly RoomMember[]
  readonly facilitates: boolean
  readonly send: (command: RoomCommand) => Promise<boolean>
  readonly roomId: string
  readonly token: string
  readonly editor: Editor
}
