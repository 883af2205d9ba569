import { ApiError } from '@accord/api'
import { createHash, randomBytes } from 'node:crypto'
import {
  checkPrivateWriting,
  checkRevealAll,
  checkRevealOwn,
  checkRevealTurn,
  passTurn,
  PRIVATE_NOTE_LIMITS,
  type Result,
  revealOrder,
  type RoomState,
} from '@accord/facilitation'
import type { PrivateNoteRecord } from '@accord/db'
import { noteColors } from '@accord/tldraw-yjs'
import type { PrivateNote } from '@accord/api'
import { requireMember } from '../credential.js'
import { type CommandContext, defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

/** Adds a note only its author can see, until it is revealed. */
export const notesAdd = defineCommand('notes.add', {
  requires: 'board.edit',
  action: 'write notes',
  hiddenInput: true,
  async run(context, { text, region: regionKey }) {
    const author = requireMember(context.credential).id
    await allowed(context, checkPrivateWriting)
    const own = await context.notes.byMember(context.credential.roomId, author)
    if (own.length >= PRIVATE_NOTE_LIMITS.perPerson) {
      throw new ApiError(
        409,
        'refused',
        `at most ${PRIVATE_NOTE_LIMITS.perPerson} private notes each`,
      )
    }
    const now = new Date(context.now())
    const note: PrivateNoteRecord = {
      id: randomBytes(9).toString('base64url'),
      roomId: context.credential.roomId,
      memberId: author,
      text,
      createdAt: now,
      updatedAt: now,
      revealedAt: null,
      shapeId: null,
      region: regionKey,
    }
    await context.notes.add(note)
    return { note: presentNote(note) }
  },
})

export const notesEdit = defineCommand('notes.edit', {
  requires: 'board.edit',
  action: 'write notes',
  hiddenInput: true,
  async run(context, { noteId: id, text }) {
    const author = requireMember(context.credential).id
    await allowed(context, checkPrivateWriting)
    const changed = await context.notes.edit(
      context.credential.roomId,
      author,
      id,
      text,
      new Date(context.now()),
    )
    if (!changed)
      throw new ApiError(404, 'note_not_found', 'you have no unrevealed note with this id')
    return {
      notes: (await context.notes.byMember(context.credential.roomId, author)).map(presentNote),
    }
  },
})

export const notesDelete = defineCommand('notes.delete', {
  requires: 'board.edit',
  action: 'write notes',
  async run(context, { noteId: id }) {
    const author = requireMember(context.credential).id
    if (!(await context.notes.remove(context.credential.roomId, author, id))) {
      throw new ApiError(404, 'note_not_found', 'you have no unrevealed note with this id')
    }
    return {
      notes: (await context.notes.byMember(context.credential.roomId, author)).map(presentNote),
    }
  },
})

/**
 * Puts private notes on the board: everyone's (the facilitator), the caller's own, or — in a
 * round-robin — one of the caller's on their turn, as the phase allows. The server writes them,
 * so no participant's Yjs client id is on them; in an anonymous room they also carry no author
 * and come out shuffled. Notes written for a template region are revealed into it.
 */
export const notesReveal = defineCommand('notes.reveal', {
  requires: 'board.edit',
  action: 'reveal notes',
  async run(context, input) {
    const { roomId, role } = context.credential
    const state = await context.roomStates.read(roomId)
    if (input.scope === 'turn') return revealOnTurn(context, state, input.noteId)
    let mine: string | undefined
    if (input.scope === 'all') {
      if (role !== 'facilitator')
        throw new ApiError(403, 'forbidden', `a ${role} may not reveal everyone's notes`)
      refuseUnless(checkRevealAll(state))
    } else {
      mine = requireMember(context.credential).id
      refuseUnless(checkRevealOwn(state))
    }
    const notes = revealOrder(
      await context.notes.unrevealed(roomId, mine),
      state.settings.anonymous,
    )
    await reveal(context, state, notes)
    return { revealed: notes.length }
  },
})

/** [fac:RR2][fac:RR3] One of the caller's notes, on their turn; then the turn passes on. */
async function revealOnTurn(context: CommandContext, state: RoomState, id: string) {
  const { roomId } = context.credential
  const self = requireMember(context.credential).id
  refuseUnless(checkRevealTurn(state, self))
  const note = (await context.notes.unrevealed(roomId, self)).find((own) => own.id === id)
  if (!note) throw new ApiError(404, 'note_not_found', 'you have no unrevealed note with this id')
  await reveal(context, state, [note])
  const left = await context.notes.unrevealedCounts(roomId)
  const turns = await changeState(context, (current) =>
    current.turns
      ? { ok: true, value: { turns: passTurn(current.turns, (m) => (left.get(m) ?? 0) > 0, true) } }
      : { ok: true, value: {} },
  )
  return { revealed: 1, ...turns }
}

async function reveal(context: CommandContext, state: RoomState, notes: PrivateNoteRecord[]) {
  const anonymous = state.settings.anonymous
  const shapeIds = await context.board.addNotes(
    context.credential.roomId,
    notes.map((note) => ({
      text: note.text,
      color: anonymous ? 'yellow' : colorFor(note.memberId),
      author: anonymous ? null : `user:${note.memberId}`,
      region: note.region,
    })),
  )
  await context.notes.markRevealed(
    notes.map((note, i) => ({ id: note.id, shapeId: shapeIds[i] ?? '' })),
    new Date(context.now()),
  )
}

export function presentNote(note: PrivateNoteRecord): PrivateNote {
  return {
    id: note.id,
    text: note.text,
    region: note.region,
    createdAt: note.createdAt.toISOString(),
    revealed: note.revealedAt !== null,
  }
}

/** Each author's notes share a colour when names are shown; stable across reveals. */
function colorFor(memberId: string) {
  const hash = createHash('sha256').update(memberId).digest()
  return noteColors[(hash[0] ?? 0) % noteColors.length] ?? 'yellow'
}

async function allowed(context: CommandContext, rule: (state: RoomState) => Result<void>) {
  refuseUnless(rule(await context.roomStates.read(context.credential.roomId)))
}

export function refuseUnless(result: Result<void>): void {
  if (!result.ok) throw new ApiError(409, 'refused', result.error)
}
