/**
 * The records parts of the HTTP API the board uses: the workshop's exports (files), the decision
 * records saved from this room, and saving the records now ("Record decision").
 */
import type { SavedRecords } from '@accord/api'
import type { DecisionRecord } from '@accord/records'
import { type ApiResult, request, requestResponse, roomPath, sendCommand } from '../api/rooms'
import { fileNameFromDisposition } from './content-disposition'

export type ServerExportFormat = 'md' | 'json' | 'csv'

/** What saving the records returned: the room's current decision record, and its action items. */
export type { SavedRecords }

/** The decision records saved from this room (oldest first), superseded ones included. */
export function fetchRoomDecisions(
  roomId: string,
  token: string,
): Promise<ApiResult<DecisionRecord[]>> {
  return request<DecisionRecord[]>('GET', `${roomPath(roomId)}/decisions`, token)
}

/** "Record decision": saves the workshop's records now, without closing it (facilitators). */
export function saveRecords(roomId: string, token: string): Promise<ApiResult<SavedRecords>> {
  return sendCommand(roomId, token, { type: 'records.save' })
}

export interface ExportFile {
  readonly blob: Blob
  /** The name the server gave the file, or null if it gave none. */
  readonly fileName: string | null
}

/** `GET /api/rooms/:id/export?format=…` as a file, with the member's credential. */
export async function fetchExport(
  roomId: string,
  token: string,
  format: ServerExportFormat,
): Promise<ApiResult<ExportFile>> {
  const answered = await requestResponse(
    'GET',
    `${roomPath(roomId)}/export?format=${format}`,
    token,
  )
  if (!answered.ok) return answered
  const response = answered.value
  const blob = await response.blob()
  return {
    ok: true,
    value: { blob, fileName: fileNameFromDisposition(response.headers.get('content-disposition')) },
  }
}
