import type { Role } from '@accord/facilitation'
import { type FormEvent, useState } from 'react'
import { guestName, MAX_DISPLAY_NAME, normaliseDisplayName } from './current-user'
import { rememberedName, rememberName } from './room-access'

/** Asks for the name others will see, before entering a board through a share link. */
export function JoinPage(props: {
  title: string
  role: Role
  onJoin: (name: string) => Promise<void>
}) {
  const [name, setName] = useState(() => rememberedName(localStorage) || guestName())
  const [joining, setJoining] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const clean = normaliseDisplayName(name)
    if (clean === '') return
    setJoining(true)
    rememberName(localStorage, clean)
    await props.onJoin(clean)
    setJoining(false)
  }

  return (
    <main className="centered-page">
      <p className="eyebrow">
        You are invited {props.role === 'facilitator' ? 'to facilitate' : 'to'}
      </p>
      <h1 data-testid="join-title">{props.title}</h1>
      <form className="join-form" data-testid="join-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="join-name">Your name, as others will see it</label>
        <input
          id="join-name"
          data-testid="join-name"
          value={name}
          maxLength={MAX_DISPLAY_NAME}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          required
        />
        <button className="button button--primary" type="submit" disabled={joining}>
          {joining ? 'Joining…' : props.role === 'facilitator' ? 'Join as facilitator' : 'Join'}
        </button>
      </form>
    </main>
  )
}
