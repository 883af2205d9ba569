import {
  checkRevealAll,
  checkRevealOwn,
  PRIVATE_NOTE_LIMITS,
  type RoomState,
} from '@accord/facilitation'
import { type FormEvent, useState } from 'react'
import type { Editor } from 'tldraw'
import { chooseRegion, countByRegion, writingRegions } from './note-regions'
import type { RoomCommand } from './use-room-command'
import { useBoardRegions, useTemplateRegions } from './use-board-regions'
import { usePrivateNotes } from './use-private-notes'

const regionKey = (roomId: string) => `accord:note-region:${roomId}`

function remembered(roomId: string): string | null {
  try {
    return localStorage.getItem(regionKey(roomId))
  } catch {
    return null
  }
}

/**
 * Private writing: this person's own notes, which nobody else sees until they are revealed, and
 * the reveal buttons the phase allows. When the template has regions that collect notes (a retro's
 * columns), each note is written for one of them — the last one chosen — and revealed into it.
 */
export function PrivateNotesPanel(props: {
  roomId: string
  token: string
  state: RoomState
  editor: Editor | null
  canWrite: boolean
  facilitates: boolean
  send: (command: RoomCommand) => Promise<boolean>
}) {
  const { state, send, roomId } = props
  const { notes, summary, run } = usePrivateNotes(roomId, props.token, true)
  const [draft, setDraft] = useState('')
  const regions = writingRegions(useTemplateRegions(state), useBoardRegions(props.editor))
  const [picked, setPicked] = useState(() => remembered(roomId))
  const region = chooseRegion(regions, picked)
  const chosen = regions.find((r) => r.key === region)
  const unrevealed = notes.filter((note) => !note.revealed)
  const perRegion = countByRegion(unrevealed)
  const titleOf = (key: string | null) => regions.find((r) => r.key === key)?.title ?? null
  const revealOwn = checkRevealOwn(state)
  const revealAll = checkRevealAll(state)

  function pick(key: string) {
    setPicked(key)
    try {
      localStorage.setItem(regionKey(roomId), key)
    } catch {
      // Private mode: remembered for this visit only.
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault()
    const text = draft.trim()
    if (text === '') return
    if (await run(send, { type: 'notes.add', text, region })) setDraft('')
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
          {regions.length > 1 && (
            <div className="note-regions" role="tablist" aria-label="Write for">
              {regions.map((r) => (
                <button
                  key={r.key}
                  type="button"
                  role="tab"
                  aria-selected={r.key === region}
                  className="note-regions__tab"
                  data-testid={`note-region-${r.key}`}
                  onClick={() => pick(r.key)}
                >
                  {r.title}
                  {perRegion.get(r.key) ? (
                    <span className="note-regions__count">{perRegion.get(r.key)}</span>
                  ) : null}
                </button>
              ))}
            </div>
          )}
          {chosen?.prompt && <p className="note-regions__prompt">{chosen.prompt}</p>}
          <textarea
            aria-label={chosen ? `New private note for ${chosen.title}` : 'New private note'}
            data-testid="private-note-input"
            value={draft}
            maxLength={PRIVATE_NOTE_LIMITS.text}
            rows={3}
            placeholder={chosen ? `Write a note for ${chosen.title}…` : 'Write a note…'}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void add(event)
            }}
          />
          <button type="submit" className="button button--primary" data-testid="private-note-add">
            {chosen && regions.length > 1 ? `Add to ${chosen.title}` : 'Add note'}
          </button>
        </form>
      )}
      <ul className="private-notes__list">
        {unrevealed.map((note) => (
          <li key={note.id} data-testid="private-note" data-region={note.region ?? ''}>
            <div className="private-notes__note">
              {regions.length > 1 && (
                <span className="private-notes__region" data-testid="private-note-region">
                  {titleOf(note.region) ?? 'No region'}
                </span>
              )}
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
            </div>
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
