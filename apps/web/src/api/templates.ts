/** The templates the server offers (`GET /api/templates`), as the gallery reads them. */
import type { describeTemplate } from '@accord/templates'
import { type ApiResult, request, roomPath } from './rooms'

/** One template as the API publishes it: its phases and layout with default options. */
export type TemplateSummary = ReturnType<typeof describeTemplate>

export function fetchTemplates(): Promise<ApiResult<TemplateSummary[]>> {
  return request<TemplateSummary[]>('GET', '/api/templates', null)
}

/** Which template a room was made from; the caller proves access with one of its tokens. */
export async function fetchRoomTemplate(roomId: string, token: string): Promise<ApiResult<string>> {
  const room = await request<{ template?: unknown }>('GET', roomPath(roomId), token)
  if (!room.ok) return room
  return {
    ok: true,
    value: typeof room.value.template === 'string' ? room.value.template : 'blank',
  }
}
