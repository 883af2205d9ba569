import { type FormEvent, useState } from 'react'
import { createRoom } from '../api/rooms'
import { navigate } from '../app/navigation'
import { boardPath } from '../app/routes'
import { loadRecentBoards } from './recent-boards'

export function HomePage() {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const recent = loadRecentBoards(localStorage)

  async function create(event: FormEvent) {
    event.preventDefault()
    setCreating(true)
    setError(null)
    const result = await createRoom(title.trim())
    setCreating(false)
    if (result.ok) navigate(boardPath(result.value.id))
    else setError(result.message)
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
          <div className="create-board__row">
            <input
              id="board-title"
              data-testid="board-title-input"
              placeholder="Sprint 42 retrospective"
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              autoFocus
            />
            <button className="button button--primary" type="submit" disabled={creating}>
              {creating ? 'Creating…' : 'Create board'}
            </button>
          </div>
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
