import { describe, expect, it } from 'vitest'
import type { ApiResult, Joined, RoomView } from '../api/rooms'
import { enterRoom, type EntryApi, joinRoom } from './room-entry'

const view = (role: RoomView['role'], member: RoomView['member'] = null): RoomView => ({
  id: 'r',
  title: 'Retro',
  template: 'retro',
  createdAt: '2026-11-21T00:00:00.000Z',
  role,
  member,
  links: {},
})

const fail = (status: number): ApiResult<never> => ({ ok: false, status, error: 'e', message: 'm' })

/** A fake server: which tokens open the room in which role. */
function api(
  tokens: Record<string, RoomView['role']>,
  joins: Joined[] = [],
): EntryApi & { joined: (string | undefined)[] } {
  const joined: (string | undefined)[] = []
  return {
    joined,
    fetchRoom: async (_roomId, token) => {
      const role = tokens[token]
      return role ? { ok: true, value: view(role) } : fail(401)
    },
    joinRoom: async (_roomId, linkToken, name) => {
      joined.push(name)
      const next = joins.shift()
      if (!tokens[linkToken] || !next) return fail(401)
      tokens[next.token] = next.member.role
      return { ok: true, value: next }
    },
  }
}

const ada: Joined = { member: { id: 'm1', name: 'Ada', role: 'participant' }, token: 'member-1' }

describe('entering a room', () => {
  it('with no link, explains that one is needed', async () => {
    const result = await enterRoom('r', { linkToken: null, member: null }, api({}))
    expect(result.entry).toEqual({ kind: 'refused', reason: 'no-link' })
  })

  it('with a participant link, asks for a name, then joins', async () => {
    const server = api({ link: 'participant' }, [ada])
    const first = await enterRoom('r', { linkToken: 'link', member: null }, server)
    expect(first.entry).toEqual({ kind: 'join', role: 'participant', title: 'Retro' })
    const joined = await joinRoom('r', 'link', 'Ada', server)
    expect(server.joined).toEqual(['Ada'])
    expect(joined.entry).toMatchObject({
      kind: 'ready',
      member: { name: 'Ada', token: 'member-1' },
    })
    expect(joined.access).toEqual({
      linkToken: 'link',
      member: { ...ada.member, token: 'member-1' },
    })
  })

  it('with a viewer link, enters at once without a name', async () => {
    const viewer: Joined = {
      member: { id: 'v', name: 'Viewer', role: 'viewer' },
      token: 'member-v',
    }
    const server = api({ link: 'viewer' }, [viewer])
    const result = await enterRoom('r', { linkToken: 'link', member: null }, server)
    expect(server.joined).toEqual([undefined])
    expect(result.entry).toMatchObject({ kind: 'ready', member: { role: 'viewer' } })
  })

  it('with a stored membership, enters directly', async () => {
    const member = { ...ada.member, token: 'member-1' }
    const result = await enterRoom(
      'r',
      { linkToken: 'link', member },
      api({ 'member-1': 'participant' }),
    )
    expect(result.entry).toMatchObject({ kind: 'ready', member })
  })

  it('offline with a stored membership, still opens the board (from this browser’s copy)', async () => {
    const member = { ...ada.member, token: 'member-1' }
    const offline: EntryApi = { fetchRoom: async () => fail(0), joinRoom: async () => fail(0) }
    const result = await enterRoom('r', { linkToken: null, member }, offline)
    expect(result.entry).toEqual({ kind: 'ready', member, room: null })
  })

  it('a revoked membership falls back to the link, and a rotated link is forgotten', async () => {
    const member = { ...ada.member, token: 'revoked' }
    const stillValid = await enterRoom(
      'r',
      { linkToken: 'link', member },
      api({ link: 'participant' }),
    )
    expect(stillValid.entry).toEqual({ kind: 'join', role: 'participant', title: 'Retro' })
    expect(stillValid.access.member).toBeNull()
    const rotated = await enterRoom('r', { linkToken: 'old', member }, api({}))
    expect(rotated.entry).toEqual({ kind: 'refused', reason: 'link-invalid' })
    expect(rotated.access).toEqual({ linkToken: null, member: null })
  })

  it('an unknown board is reported as such', async () => {
    const gone: EntryApi = { fetchRoom: async () => fail(404), joinRoom: async () => fail(404) }
    const result = await enterRoom('r', { linkToken: 'link', member: null }, gone)
    expect(result.entry).toEqual({ kind: 'refused', reason: 'not-found' })
  })
})
