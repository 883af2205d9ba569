import { type FormEvent, useEffect, useState } from 'react'
import { fetchSession, type SessionState, signIn } from '../api/session'
import { Link } from '../app/Link'
import { navigate } from '../app/navigation'
import { safeNext } from './sign-in-path'

/**
 * `/signin?next=…`: asks for the instance's access key (creating workshops and the decision log
 * need it when the instance has one), then goes on to `next`. People with a room link never see
 * it: the link alone opens its board.
 */
export function SignInPage() {
  const [next] = useState(() => safeNext(new URLSearchParams(window.location.search).get('next')))
  const [session, setSession] = useState<SessionState | null>(null)
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    document.title = 'Sign in · Accord'
    let live = true
    void fetchSession().then((result) => {
      // Unreachable or odd: show the form anyway; signing in reports what went wrong.
      if (live) setSession(result.ok ? result.value : { required: true, signedIn: false })
    })
    return () => {
      live = false
    }
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (key === '') return
    setBusy(true)
    setError(null)
    const result = await signIn(key)
    setBusy(false)
    if (result.ok) {
      navigate(next, { replace: true })
      return
    }
    setKey('')
    setError(
      result.error === 'wrong_access_key'
        ? 'That is not this instance’s access key.'
        : result.message,
    )
  }

  if (session && (!session.required || session.signedIn)) {
    return (
      <main className="centered-page" data-testid="signin-done">
        <h1>Accord</h1>
        <p>
          {session.required
            ? 'You are signed in.'
            : 'This Accord instance is open: no access key is needed.'}
        </p>
        <Link className="button button--primary" href={next}>
          Continue
        </Link>
      </main>
    )
  }

  return (
    <main className="centered-page">
      <p className="eyebrow">Accord</p>
      <h1>Sign in</h1>
      <p>
        Creating workshops and reading the decision log on this instance need its access key. Ask
        whoever runs it. To join a workshop, just open the link you were given.
      </p>
      <form
        className="join-form"
        data-testid="signin-form"
        aria-busy={session === null}
        onSubmit={(e) => void submit(e)}
      >
        <label htmlFor="signin-key">Access key</label>
        <input
          id="signin-key"
          data-testid="signin-key"
          type="password"
          autoComplete="current-password"
          value={key}
          maxLength={1024}
          onChange={(event) => setKey(event.target.value)}
          autoFocus
          required
          aria-invalid={error !== null}
          aria-describedby={error ? 'signin-error' : undefined}
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p className="form-error" role="alert" id="signin-error" data-testid="signin-error">
            {error}
          </p>
        )}
      </form>
    </main>
  )
}
