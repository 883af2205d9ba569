/** The templates the server offers (`GET /api/templates`), as the gallery reads them. */
import { api } from '@accord/api'
import { type ApiResult, call } from './rooms'

export type { TemplateSummary } from '@accord/api'

export function fetchTemplates() {
  return call(api.instance.templates, {}, null)
}

/** Which template a room was made from; the caller proves access with one of its tokens. */
export async function fetchRoomTemplate(roomId: string, token: string): Promise<ApiResult<string>> {
  const room = await call(api.rooms.read, { id: roomId }, token)
  return room.ok ? { ok: true, value: room.value.template } : room
}
