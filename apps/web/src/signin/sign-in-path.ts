import { navigate } from '../app/navigation'
import { signInPath } from '../app/routes'

/**
 * Where to go after signing in: a path of this app (from `?next=`), never another site and never
 * the sign-in page again; anything else is the home page.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (/\p{Cc}/u.test(next)) return '/'
  try {
    // Resolved against a placeholder origin: still the same origin means still this app.
    const url = new URL(next, 'http://accord.invalid')
    if (url.origin !== 'http://accord.invalid' || url.pathname.startsWith('/signin')) return '/'
    return url.pathname + url.search + url.hash
  } catch {
    return '/'
  }
}

/** Replaces the current page with the sign-in page, which returns here once signed in. */
export function signInFirst(): void {
  if (typeof window === 'undefined') return
  const here = window.location.pathname + window.location.search
  if (here.startsWith('/signin')) return
  navigate(signInPath(here), { replace: true })
}
