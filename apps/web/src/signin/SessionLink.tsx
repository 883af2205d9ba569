import { useEffect, useState } from 'react'
import { fetchSession, type SessionState, signOut } from '../api/session'
import { Link } from '../app/Link'
import { navigate } from '../app/navigation'
import { signInPath } from '../app/routes'

/**
 * "Sign in" or "Sign out" for an instance with an access key; nothing on an open instance (or for
 * as long as the server has not said which it is).
 */
export function SessionLink() {
  const [session, setSession] = useState<SessionState | null>(null)

  useEffect(() => {
    let live = true
    void fetchSession().then((result) => {
      if (live && result.ok) setSession(result.value)
    })
    return () => {
      live = false
    }
  }, [])

  if (!session?.required) return null
  if (!session.signedIn) {
    return (
      <Link
        className="session-link"
        href={signInPath(window.location.pathname + window.location.search)}
        data-testid="sign-in-link"
      >
        Sign in
      </Link>
    )
  }
  return (
    <button
      type="button"
      className="session-link"
      data-testid="sign-out"
      onClick={() =>
        void signOut().then((result) => {
          if (!result.ok) return
          setSession(result.value)
          navigate('/')
        })
      }
    >
      Sign out
    </button>
  )
}
