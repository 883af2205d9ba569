import type { RecordRepository } from '@accord/db'
import { boardDecision, type DecisionRecord } from '@accord/records'
import type { BoardRecord } from '@accord/templates'
import { templateOf } from '../workshops/live-result.js'
import type { WorkshopServices } from '../workshops/workshop-services.js'

type Services = WorkshopServices & { readonly records: RecordRepository }

/**
 * [tpl:DC6][rec:AG1] Writes what the room's template shows on its board — a disagree-and-commit's
 * proposal, outcome and decision record as the log has it now — and holds the texts it creates
 * fixed for participants, like the rest of the template's layout. Run after anything that changes
 * what the board shows: a template action, a save, a status change or a supersede made anywhere.
 */
export async function writeBoardContent(services: Services, roomId: string): Promise<void> {
  const state = await services.roomStates.read(roomId)
  const template = templateOf(state)
  if (!state.workshop || !template.boardContent) return
  const record = boardDecision(await services.records.decisionsOfRoom(roomId))
  const content = template.boardContent(state.workshop.data, record && boardRecord(record))
  const created = await services.board.keepRegionContent(roomId, content)
  if (created.length === 0) return
  const changed = await services.roomStates.change(roomId, (current) => ({
    ok: true,
    value: { locks: { ...current.locks, layout: [...current.locks.layout, ...created] } },
  }))
  if (!changed.ok) throw new Error(`holding the board's text fixed: ${changed.error}`)
}

/**
 * After records changed status (saved, accepted, superseded), the boards they came from — and
 * the boards of the records they supersede or were superseded by — say so.
 */
export async function showDecisionsOnBoards(
  services: Services,
  changed: readonly DecisionRecord[],
): Promise<void> {
  const linked = changed.flatMap((record) => [record.supersedes, record.supersededBy])
  const others = await Promise.all(
    linked.filter((id) => id !== null).map((id) => services.records.decision(id)),
  )
  const rooms = new Set(
    [...changed, ...others.filter((record) => record !== null)].map((r) => r.source.roomId),
  )
  for (const roomId of rooms) {
    if (roomId && (await services.rooms.find(roomId))) await writeBoardContent(services, roomId)
  }
}

const boardRecord = ({ id, status, supersededBy }: DecisionRecord): BoardRecord => ({
  id,
  status,
  supersededBy,
})
