import { useSyncExternalStore } from 'react'

const NAVIGATE_EVENT = 'accord:navigate'

/** Goes to another page of the app; `replace`: in place of this one in the history. */
export function navigate(path: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/**
 * Rewrites the address without a new history entry or a re-render (a page mirroring its own
 * state, such as the decision log's filters, into the URL so it can be shared).
 */
export function replaceAddress(path: string): void {
  const current = window.location.pathname + window.location.search + window.location.hash
  if (path !== current) window.history.replaceState(window.history.state, '', path)
}

/** Calls `onChange` after every change of page (a link, back and forward); returns the unsubscribe. */
export function onNavigation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

export function usePathname(): string {
  return useSyncExternalStore(onNavigation, () => window.location.pathname)
}
