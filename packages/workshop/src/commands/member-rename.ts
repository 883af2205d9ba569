import { requireMember } from '../credential.js'
import { defineCommand } from './command.js'

/** Changes the caller's own display name; their cursor shows it at their next move. */
export const memberRename = defineCommand('member.rename', {
  requires: 'member',
  action: 'rename themselves',
  async run({ credential, access, connections }, { name }) {
    const self = requireMember(credential)
    await access.renameMember(credential.roomId, self.id, name)
    connections.rename(self.id, name)
    return { member: { id: self.id, name, role: credential.role } }
  },
})
