import { type FormEvent, useState } from 'react'
import { createRoom, joinRoom } from '../api/rooms'
import { navigate } from '../app/navigation'
import { boardPath } from '../app/routes'
import { guestName, MAX_DISPLAY_NAME, normaliseDisplayName } from '../board/current-user'
import { rememberedName, rememberName, saveAccess } from '../board/room-access'
import { loadRecentBoards } from './recent-boards'

export function HomePage() {
  const [title, setTitle] = useState('')
  const [name, setName] = useState(() => rememberedName(localStorage))
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const recent = loadRecentBoards(localStorage)

  /** Creates the board and joins it as its facilitator, under the name given. */
  async function create(event: FormEvent) {
    event.preventDefault()
    setCreating(true)
    setError(null)
    const created = await createRoom(title.trim())
    if (!created.ok) {
      setCreating(false)
      return setError(created.message)
    }
    const { id, tokens } = created.value
    const displayName = normaliseDisplayName(name) || guestName()
    rememberName(localStorage, displayName)
    const joined = await joinRoom(id, tokens.facilitator, displayName)
    saveAccess(localStorage, id, {
      linkToken: tokens.facilitator,
      member: joined.ok ? { ...joined.value.member, token: joined.value.token } : null,
    })
    setCreating(false)
    navigate(boardPath(id))
  }

  return (
    <main className="home">
      <section className="home__hero">
        <h1 className="home__brand">Accord</h1>
        <p className="home__tagline">
          Run live workshops on a shared whiteboard, and leave with decisions people can find again.
        </p>
        <form
          className="create-board"
          data-testid="create-board-form"
          onSubmit={(e) => void create(e)}
        >
          <label htmlFor="board-title">Board title</label>
          <input
            id="board-title"
            data-testid="board-title-input"
            placeholder="Sprint 42 retrospective"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            autoFocus
          />
          <label htmlFor="facilitator-name">Your name</label>
          <div className="create-board__row">
            <input
              id="facilitator-name"
              data-testid="facilitator-name-input"
              placeholder="How others will see you"
              maxLength={MAX_DISPLAY_NAME}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <button className="button button--primary" type="submit" disabled={creating}>
              {creating ? 'Creating…' : 'Create board'}
            </button>
          </div>
          <p className="form-hint">
            You facilitate the boards you create; share links invite others.
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </section>
      {recent.length > 0 && (
        <section className="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent boards</h2>
          <ul>
            {recent.map((board) => (
              <li key={board.id}>
                <a href={boardPath(board.id)}>{board.title}</a>
                <time dateTime={board.visitedAt}>{new Date(board.visitedAt).toLocaleString()}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  )
}
