import { ApiError } from '@accord/api'
import { BOARD_RECORDS_MAP, can, checkLockedWrites, participantLocks } from '@accord/facilitation'
import type { ActionDraft } from '@accord/records'
import { requireMember } from '../credential.js'
import { EXTERNAL_OWNER } from '../records/action-follow-up.js'
import { withRoom } from '../room-state/with-room.js'
import { liveWithMembers } from '../workshops/live-result.js'
import { defineCommand, type CommandContext } from './command.js'

/**
 * [fac:AI5] Makes a note an action item, or changes one: stored at once (changes logged), then
 * written onto the note for everyone — the board never says what the store does not. The owner
 * is a member of the room taking part (not a viewer), or someone outside it, marked external.
 * A participant is held to the locks and the phase, as for any change to the board.
 */
export const actionSet = defineCommand('action.set', {
  requires: 'board.edit',
  action: 'make action items',
  async run(context, input) {
    const self = requireMember(context.credential)
    const { roomId } = context.credential
    await checkNote(context, input.noteId)
    const { live, members } = await liveWithMembers(context, roomId)
    let ownerId = EXTERNAL_OWNER
    let ownerName = input.externalOwner ?? ''
    if (input.ownerId !== null) {
      const owner = members.find((m) => m.id === input.ownerId && m.role !== 'viewer')
      if (!owner)
        throw new ApiError(400, 'invalid_command', 'ownerId: not someone taking part in this room')
      ownerId = owner.id
      ownerName = owner.name
    }
    const at = new Date(context.now())
    const draft: ActionDraft = {
      key: input.noteId,
      source: {
        roomId,
        workshopTitle: live.title,
        template: live.template.id,
        shapeIds: [input.noteId],
      },
      text: input.text,
      ownerName,
      due: input.due,
      status: 'open',
    }
    const item = await context.records.setActionItem(draft, self.name, at)
    await context.board.writeActionFollowUps(
      roomId,
      [
        {
          shapeId: input.noteId,
          id: item.id,
          status: item.status,
          ownerId,
          ownerName: item.ownerName,
          due: item.due,
          text: item.text,
        },
      ],
      { create: true },
    )
    return item
  },
})

/** [fac:AI5] The note is no longer an action item; its stored item is dropped, never deleted. */
export const actionClear = defineCommand('action.clear', {
  requires: 'board.edit',
  action: 'make action items',
  async run(context, { noteId }) {
    const self = requireMember(context.credential)
    const { roomId } = context.credential
    await checkNote(context, noteId)
    const stored = (await context.records.actionItems({ roomId })).find(
      (item) => item.source.shapeIds[0] === noteId,
    )
    const dropped =
      stored && stored.status !== 'dropped'
        ? await context.records.updateActionItem(
            stored.id,
            { status: 'dropped' },
            self.name,
            new Date(context.now()),
          )
        : null
    await context.board.clearAction(roomId, noteId)
    return dropped?.ok ? dropped.value : (stored ?? null)
  },
})

/** The note is on the board, and — for a participant — not locked, in a phase that lets them edit. */
async function checkNote(context: CommandContext, noteId: string): Promise<void> {
  const { roomId, role } = context.credential
  const state = await context.roomStates.read(roomId)
  const [note, lookup] = await withRoom(context.registry, roomId, async (room) => {
    const records = room.doc.getMap<unknown>(BOARD_RECORDS_MAP)
    // A snapshot of the board: the lock check walks up the note's frames.
    const snapshot = new Map(records.entries())
    return [
      snapshot.get(noteId) as { type?: unknown } | undefined,
      (id: string) => snapshot.get(id),
    ]
  })
  if (note?.type !== 'note') throw new ApiError(404, 'note_not_found', 'no such note on this board')
  if (can(role, 'room.facilitate')) return
  const allowed = checkLockedWrites(
    [{ kind: 'set', id: noteId, record: note }],
    participantLocks(state),
    lookup,
  )
  if (!allowed.ok) throw new ApiError(409, 'refused', allowed.error)
}
