import {
  checkRevealAll,
  checkRevealOwn,
  PRIVATE_NOTE_LIMITS,
  type RoomState,
} from '@accord/facilitation'
import { type FormEvent, useState } from 'react'
import type { RoomCommand } from './use-room-command'
import { usePrivateNotes } from './use-private-notes'

/**
 * Private writing: this person's own notes, which nobody else sees until they are revealed, and
 * the reveal buttons the phase allows.
 */
export function PrivateNotesPanel(props: {
  roomId: string
  token: string
  state: RoomState
  canWrite: boolean
  facilitates: boolean
  send: (command: RoomCommand) => Promise<boolean>
}) {
  const { state, send } = props
  const { notes, summary, run } = usePrivateNotes(props.roomId, props.token, true)
  const [draft, setDraft] = useState('')
  const unrevealed = notes.filter((note) => !note.revealed)
  const revealOwn = checkRevealOwn(state)
  const revealAll = checkRevealAll(state)

  async function add(event: FormEvent) {
    event.preventDefault()
    const text = draft.trim()
    if (text === '') return
    if (await run(send, { type: 'notes.add', text })) setDraft('')
  }

  return (
    <aside
      className="side-panel private-notes"
      aria-label="My private notes"
      data-testid="private-notes"
    >
      <header className="side-panel__header">
        <h2>My private notes</h2>
      </header>
      <p className="form-hint">
        Only you can see these until they are revealed
        {state.settings.anonymous ? ', without your name' : ''}.
      </p>
      {props.canWrite && (
        <form className="private-notes__add" onSubmit={(event) => void add(event)}>
          <textarea
            aria-label="New private note"
            data-testid="private-note-input"
            value={draft}
            maxLength={PRIVATE_NOTE_LIMITS.text}
            rows={3}
            placeholder="Write a note…"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void add(event)
            }}
          />
          <button type="submit" className="button button--primary" data-testid="private-note-add">
            Add note
          </button>
        </form>
      )}
      <ul className="private-notes__list">
        {unrevealed.map((note) => (
          <li key={note.id} data-testid="private-note">
            <textarea
              aria-label="Private note"
              defaultValue={note.text}
              maxLength={PRIVATE_NOTE_LIMITS.text}
              rows={2}
              onBlur={(event) => {
                const text = event.currentTarget.value.trim()
                if (text !== '' && text !== note.text)
                  void run(send, { type: 'notes.edit', noteId: note.id, text })
              }}
            />
            <button
              type="button"
              className="button button--quiet"
              aria-label="Delete note"
              onClick={() => void run(send, { type: 'notes.delete', noteId: note.id })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="private-notes__actions">
        {revealOwn.ok && unrevealed.length > 0 && (
          <button
            type="button"
            className="button"
            data-testid="reveal-mine"
            onClick={() => void run(send, { type: 'notes.reveal', scope: 'mine' })}
          >
            Reveal mine ({unrevealed.length})
          </button>
        )}
        {props.facilitates && revealAll.ok && (
          <button
            type="button"
            className="button button--primary"
            data-testid="reveal-all"
            disabled={summary.unrevealed === 0}
            onClick={() => void run(send, { type: 'notes.reveal', scope: 'all' })}
          >
            Reveal all ({summary.unrevealed} from {summary.writers}{' '}
            {summary.writers === 1 ? 'person' : 'people'})
          </button>
        )}
      </div>
    </aside>
  )
}
