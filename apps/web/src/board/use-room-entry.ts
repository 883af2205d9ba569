import { useCallback, useEffect, useState } from 'react'
import { fetchRoom, joinRoom as joinOverHttp } from '../api/rooms'
import { arriveWithLink, linkTokenFromHash, loadAccess, saveAccess } from './room-access'
import { type Entry, type EntryResult, enterRoom, joinRoom } from './room-entry'

const api = { fetchRoom, joinRoom: joinOverHttp }

export type EntryState = { readonly kind: 'checking' } | Entry

/**
 * Works out whether this browser may open the board, and how: reads a link token from the URL
 * fragment (then removes it from the address bar), uses a stored membership, or asks to join.
 */
export function useRoomEntry(roomId: string) {
  const [state, setState] = useState<EntryState>({ kind: 'checking' })
  // A new link pasted into this tab changes only the fragment: no page load, so listen for it.
  const [arrivals, setArrivals] = useState(0)
  useEffect(() => {
    const arrived = () => {
      if (!linkTokenFromHash(window.location.hash)) return
      setState({ kind: 'checking' })
      setArrivals((count) => count + 1)
    }
    window.addEventListener('hashchange', arrived)
    return () => window.removeEventListener('hashchange', arrived)
  }, [])

  const settle = useCallback(
    (result: EntryResult) => {
      saveAccess(localStorage, roomId, result.access)
      setState(result.entry)
    },
    [roomId],
  )

  useEffect(() => {
    let cancelled = false
    let access = loadAccess(localStorage, roomId)
    const linkToken = linkTokenFromHash(window.location.hash)
    if (linkToken) {
      access = arriveWithLink(access, linkToken)
      // The token stays in this browser, not in the address bar where it could be shared. The
      // query stays: a link may also say where to look (`?focus=`, see focus-param.ts).
      window.history.replaceState(null, '', window.location.pathname + window.location.search)
    }
    saveAccess(localStorage, roomId, access)
    void enterRoom(roomId, access, api).then((result) => {
      if (!cancelled) settle(result)
    })
    return () => {
      cancelled = true
    }
  }, [roomId, settle, arrivals])

  const join = useCallback(
    async (name: string) => {
      const { linkToken } = loadAccess(localStorage, roomId)
      if (!linkToken) return setState({ kind: 'refused', reason: 'no-link' })
      settle(await joinRoom(roomId, linkToken, name, api))
    },
    [roomId, settle],
  )

  /** The server refused this browser's membership (link rotated): forget it. */
  const revoked = useCallback(() => {
    saveAccess(localStorage, roomId, { linkToken: null, member: null })
    setState({ kind: 'refused', reason: 'link-invalid' })
  }, [roomId])

  return { state, join, revoked }
}
