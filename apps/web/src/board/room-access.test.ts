import { describe, expect, it } from 'vitest'
import { arriveWithLink, linkTokenFromHash, loadAccess, saveAccess } from './room-access'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

describe('room access in this browser', () => {
  it('reads a link token from the fragment only when it looks like one', () => {
    expect(linkTokenFromHash('#t=AbCdEfGhIjKlMnOpQrStUvWx')).toBe('AbCdEfGhIjKlMnOpQrStUvWx')
    expect(linkTokenFromHash('')).toBeNull()
    expect(linkTokenFromHash('#t=short')).toBeNull()
    expect(linkTokenFromHash('#t=<script>alert(1)</script>xxxxxxxx')).toBeNull()
  })

  it('round-trips and ignores corrupt data', () => {
    const storage = memoryStorage()
    const member = { id: 'm', name: 'Ada', role: 'participant' as const, token: 'm.x.y' }
    saveAccess(storage, 'r', { linkToken: 'link', member })
    expect(loadAccess(storage, 'r')).toEqual({ linkToken: 'link', member })
    storage.setItem('accord:access:r', '{"member":{"id":1}}')
    expect(loadAccess(storage, 'r')).toEqual({ linkToken: null, member: null })
  })

  it('a different link means joining again; the same link keeps the membership', () => {
    const member = { id: 'm', name: 'Ada', role: 'participant' as const, token: 'm.x.y' }
    expect(arriveWithLink({ linkToken: 'a', member }, 'a')).toEqual({ linkToken: 'a', member })
    expect(arriveWithLink({ linkToken: 'a', member }, 'b')).toEqual({
      linkToken: 'b',
      member: null,
    })
  })
})
