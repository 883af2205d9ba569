import { requireMember } from '../credential.js'
import { saveWorkshopRecords } from '../records/save-records.js'
import { defineCommand } from './command.js'

/**
 * "Record decision": saves what the workshop has reached so far as records — its decision (as
 * proposed, accepted or rejected), its owned actions, risks, themes, insights — without closing it.
 */
export const recordsSave = defineCommand('records.save', {
  requires: 'room.facilitate',
  action: 'record decisions',
  async run(context) {
    const self = requireMember(context.credential)
    const { saved } = await saveWorkshopRecords(
      context,
      context.credential.roomId,
      self.name,
      new Date(context.now()),
    )
    return saved
  },
})
