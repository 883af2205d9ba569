import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/** Room settings, e.g. anonymous mode: revealed notes and votes cannot be tied to their authors. */
export const roomSettings = defineCommand('room.settings', {
  requires: 'room.facilitate',
  action: 'change room settings',
  run: (context, { anonymous }) =>
    changeState(context, () => ({ ok: true, value: { settings: { anonymous } } })),
})
