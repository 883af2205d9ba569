import { z } from 'zod'
import { requireMember } from '../access/credentials.js'
import { displayName } from '../http/schemas.js'
import { defineCommand } from './command.js'

/** Changes the caller's own display name; their cursor shows it at their next move. */
export const memberRename = defineCommand({
  schema: z.object({ type: z.literal('member.rename'), name: displayName }),
  requires: 'member',
  action: 'rename themselves',
  async run({ credential, access, connections }, { name }) {
    const self = requireMember(credential)
    await access.renameMember(credential.roomId, self.id, name)
    connections.rename(self.id, name)
    return { member: { id: self.id, name, role: credential.role } }
  },
})
