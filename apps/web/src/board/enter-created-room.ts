import type { CreatedRoom } from '@accord/api'
import { joinRoom } from '../api/rooms'
import { saveAccess } from './room-access'

/**
 * The creator of a room joins it as its facilitator under `displayName`, and this browser keeps
 * the credential (so the board opens as theirs, and the records they make there are theirs to
 * change). Resolves the room's id, to open its board.
 */
export async function enterCreatedRoom(created: CreatedRoom, displayName: string): Promise<string> {
  const { id, tokens } = created
  const joined = await joinRoom(id, tokens.facilitator, displayName)
  saveAccess(localStorage, id, {
    linkToken: tokens.facilitator,
    member: joined.ok ? { ...joined.value.member, token: joined.value.token } : null,
  })
  return id
}
