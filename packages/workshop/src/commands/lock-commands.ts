import { applyLock } from '@accord/facilitation'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/** Locks or unlocks the whole board, or chosen frames with everything in them. */
export const lockSet = defineCommand('lock.set', {
  requires: 'room.facilitate',
  action: 'lock the board',
  run: (context, change) =>
    changeState(context, (state) => {
      const locks = applyLock(state.locks, change)
      return locks.ok ? { ok: true, value: { locks: locks.value } } : locks
    }),
})
