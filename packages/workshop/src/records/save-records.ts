import type { RecordRepository } from '@accord/db'
import { recordsOf } from '@accord/records'
import { regionFrames } from '@accord/templates'
import { liveResult } from '../workshops/live-result.js'
import { showFollowUpOnBoard } from './action-follow-up.js'
import { showDecisionsOnBoards } from './board-content.js'
import { withBoardState } from './board-state.js'
import type { WorkshopServices } from '../workshops/workshop-services.js'

/**
 * Saves what a workshop has reached as records — its decision, owned actions, risks, themes,
 * insights and needs — from its result as it stands. Saving again updates them: actions keep
 * their status, and an accepted decision that changed is superseded by a new record.
 */
export async function saveWorkshopRecords(
  services: WorkshopServices & { readonly records: RecordRepository },
  roomId: string,
  by: string | null,
  at: Date,
) {
  const { live, records } = await workshopRecords(services, roomId, at)
  // A decision this save accepts keeps the board as it is now (rec:BS1).
  const saved = await withBoardState(services.registry, roomId, (board) =>
    services.records.saveWorkshop(records, by, at, board),
  )
  // The board names its record as the log has it now — and a record this one superseded, its own.
  if (saved.decision) await showDecisionsOnBoards(services, [saved.decision])
  if (saved.actions.length === 0) return { ...live, saved }
  // The board's notes learn their items' ids, and any follow-up made since (fac:AI4); the result
  // kept with the close says so too.
  await showFollowUpOnBoard(services, saved.actions)
  return { ...(await liveResult(services, roomId)), saved }
}

/**
 * After a workshop's close, commitments people still make go straight to the ledger of its
 * accepted decision record (rec:DR4) — the record page, the log and the exports list them at once,
 * without anyone saving the workshop again (which would not edit the record either).
 */
export async function followDecisionLedger(
  services: WorkshopServices & { readonly records: RecordRepository },
  roomId: string,
  at: Date,
) {
  const { records } = await workshopRecords(services, roomId, at)
  if (records.decision) await services.records.followCommitments(records.decision)
}

/** [rec:DR10] The settled record the room's workshop revisits, if it revisits one. */
export async function revisitedBy(
  services: WorkshopServices,
  roomId: string,
): Promise<string | null> {
  const { records } = await workshopRecords(services, roomId, new Date())
  return records.revisits
}

/** The records a workshop's result, as it stands, makes. */
async function workshopRecords(services: WorkshopServices, roomId: string, at: Date) {
  const live = await liveResult(services, roomId)
  const records = recordsOf(
    {
      roomId,
      title: live.title,
      template: live.template.id,
      at,
      regionFrames: regionFrames(live.board),
    },
    live.result,
  )
  return { live, records }
}
