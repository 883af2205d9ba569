import type { RecordRepository } from '@accord/db'
import { recordsOf } from '@accord/records'
import { regionFrames } from '@accord/templates'
import { liveResult } from '../workshops/live-result.js'
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
  const saved = await services.records.saveWorkshop(records, by, at)
  return { ...live, saved }
}
