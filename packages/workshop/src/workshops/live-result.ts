import { type RoomState } from '@accord/facilitation'
import {
  type AnyTemplate,
  findTemplate,
  type Member,
  type OptionValues,
  type WorkshopResult,
} from '@accord/templates'
import { RECORDS_MAP } from '@accord/tldraw-yjs'
import { withRoom } from '../room-state/with-room.js'
import type { WorkshopServices } from './workshop-services.js'

/** The template a room follows (rooms from before templates follow the blank board). */
export function templateOf(state: RoomState): AnyTemplate {
  const template = findTemplate(state.workshop?.template ?? 'blank') ?? findTemplate('blank')
  if (!template) throw new Error('the blank template is always registered')
  return template
}

export async function boardRecords(services: WorkshopServices, roomId: string) {
  return withRoom(services.registry, roomId, async (room) => [
    ...room.doc.getMap<unknown>(RECORDS_MAP).values(),
  ])
}

export async function roomMembers(services: WorkshopServices, roomId: string): Promise<Member[]> {
  return (await services.access.members(roomId)).map(({ id, name, role }) => ({ id, name, role }))
}

/** The workshop's structured result as it stands now, derived from public state only. */
export interface LiveResult {
  readonly template: AnyTemplate
  readonly state: RoomState
  readonly result: WorkshopResult
  readonly title: string
  /** The board's records the result was derived from. */
  readonly board: readonly unknown[]
}

export async function liveResult(services: WorkshopServices, roomId: string): Promise<LiveResult> {
  const [room, state, records, members] = await Promise.all([
    services.rooms.find(roomId),
    services.roomStates.read(roomId),
    boardRecords(services, roomId),
    roomMembers(services, roomId),
  ])
  const template = templateOf(state)
  const result = template.result({
    title: room?.title ?? '',
    options: (state.workshop?.options ?? {}) as OptionValues,
    state,
    data: state.workshop?.data ?? {},
    records,
    members,
  })
  return { template, state, result, title: room?.title ?? '', board: records }
}

/** A room's live result and its people, read together — where a records command starts. */
export async function liveWithMembers(services: WorkshopServices, roomId: string) {
  const [live, members] = await Promise.all([
    liveResult(services, roomId),
    roomMembers(services, roomId),
  ])
  return { live, members }
}
