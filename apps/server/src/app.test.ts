import type { SqliteHandle } from '@accord/db'
import type { RoomRegistry } from '@accord/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CreatedRoom, type InProcessApp, inProcessApp } from './testing/in-process-app.js'

let t: InProcessApp
let database: SqliteHandle
let app: InProcessApp['app']
let registry: RoomRegistry
/** The server's clock in these tests. */
let clock = 1_000_000

beforeEach(() => {
  t = inProcessApp(() => clock)
  ;({ database, app, registry } = t)
})

afterEach(() => database.close())

const post: InProcessApp['post'] = (...args) => t.post(...args)
const get: InProcessApp['get'] = (...args) => t.get(...args)
const command: InProcessApp['command'] = (...args) => t.command(...args)
const createRoom = (title?: string): Promise<CreatedRoom> => t.createRoom(title)
const join: InProcessApp['join'] = (...args) => t.join(...args)

describe('HTTP API', () => {
  it('GET /healthz answers ok with live figures', async () => {
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, loadedRooms: 0, connections: 0 })
  })

  it('GET /readyz checks storage', async () => {
    expect((await app.request('/readyz')).status).toBe(200)
    database.close()
    const response = await app.request('/readyz')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ ok: false, error: 'storage_unavailable' })
  })

  it('POST /api/rooms creates a room with three distinct role tokens and their share links', async () => {
    const room = await createRoom('  Q3 planning  ')
    expect(room.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(room.title).toBe('Q3 planning')
    const tokens = Object.values(room.tokens)
    expect(new Set(tokens).size).toBe(3)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(room.links).toEqual({
      facilitator: `http://localhost/b/${room.id}#t=${room.tokens.facilitator}`,
      participant: `http://localhost/b/${room.id}#t=${room.tokens.participant}`,
      viewer: `http://localhost/b/${room.id}#t=${room.tokens.viewer}`,
      board: `http://localhost/b/${room.id}#t=${room.tokens.participant}`,
    })
  })

  it('an empty or missing title gets a default', async () => {
    for (const body of ['{}', '', '{"title":""}']) {
      const response = await post('/api/rooms', body)
      expect(response.status).toBe(201)
      expect(await response.json()).toMatchObject({ title: 'Untitled board' })
    }
  })

  it.each([
    ['{not json', 'invalid_json', 'not valid JSON'],
    ['{"title": 42}', 'invalid_request', 'title: must be a string'],
    [JSON.stringify({ title: 'x'.repeat(201) }), 'invalid_request', 'title: must be at most 200'],
    [JSON.stringify({ title: 'bad\u0007bell' }), 'invalid_request', 'control characters'],
  ])('refuses %s with 400 naming the problem', async (body, error, message) => {
    const response = await post('/api/rooms', body)
    expect(response.status).toBe(400)
    const answer = (await response.json()) as { error: string; message: string }
    expect(answer.error).toBe(error)
    expect(answer.message).toContain(message)
  })

  it('refuses an oversized body with 413', async () => {
    const response = await post('/api/rooms', JSON.stringify({ title: 'x'.repeat(70 * 1024) }))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: 'body_too_large' })
  })

  it('answers unknown rooms and API paths with 404 JSON', async () => {
    for (const path of ['/api/rooms/unknown', '/api/rooms/..%2F..', '/api/nothing']) {
      const response = await get(path, 'whatever')
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({
        error: expect.any(String),
        message: expect.any(String),
      })
    }
  })
})

describe('roles and tokens', () => {
  it('[srv:R5] reading a room needs a token of that room: 401 without, 401 with another room’s', async () => {
    const room = await createRoom()
    const other = await createRoom()
    expect((await get(`/api/rooms/${room.id}`)).status).toBe(401)
    expect((await get(`/api/rooms/${room.id}`, other.tokens.facilitator)).status).toBe(401)
    expect((await get(`/api/rooms/${room.id}`, 'not-a-token')).status).toBe(401)
  })

  it('[fac:R2] each role sees its own role and only the links it may share', async () => {
    const room = await createRoom()
    const seen = async (token: string) =>
      (await (await get(`/api/rooms/${room.id}`, token)).json()) as { role: string; links: object }
    expect(await seen(room.tokens.facilitator)).toMatchObject({
      role: 'facilitator',
      links: { facilitator: room.links.facilitator, viewer: room.links.viewer },
    })
    const participant = await seen(room.tokens.participant)
    expect(participant.role).toBe('participant')
    expect(Object.keys(participant.links).sort()).toEqual(['board', 'participant'])
    const viewer = await seen(room.tokens.viewer)
    expect(viewer.role).toBe('viewer')
    expect(Object.keys(viewer.links)).toEqual(['viewer'])
  })

  it('[srv:R6] joining through a link gives a person their own credential in that role', async () => {
    const room = await createRoom()
    const ada = await join(room.id, room.tokens.participant, '  Ada  ')
    expect(ada.member).toMatchObject({ name: 'Ada', role: 'participant' })
    expect(ada.token).toMatch(/^m\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    const me = (await (await get(`/api/rooms/${room.id}`, ada.token)).json()) as { member: unknown }
    expect(me.member).toEqual({ id: ada.member.id, name: 'Ada' })
    // A forged secret for a real member id opens nothing.
    const forged = `m.${ada.member.id}.${'x'.repeat(32)}`
    expect((await get(`/api/rooms/${room.id}`, forged)).status).toBe(401)
    // Joining needs a share link, not a member credential; names are validated.
    expect((await post(`/api/rooms/${room.id}/join`, '{}', ada.token)).status).toBe(400)
    const bad = await post(`/api/rooms/${room.id}/join`, '{"name":"   "}', room.tokens.participant)
    expect(bad.status).toBe(400)
  })

  it('[fac:R1] a participant may not rotate links: 403 with a reason, and it is in the audit log', async () => {
    const room = await createRoom()
    const response = await command(room.id, room.tokens.participant, {
      type: 'token.rotate',
      role: 'viewer',
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: 'forbidden',
      message: 'a participant may not rotate share links',
    })
    const audit = await get(`/api/rooms/${room.id}/audit`, room.tokens.facilitator)
    expect(await audit.json()).toEqual([
      expect.objectContaining({
        type: 'token.rotate',
        role: 'participant',
        outcome: 'refused',
        reason: 'a participant may not rotate share links',
      }),
    ])
    expect((await get(`/api/rooms/${room.id}/audit`, room.tokens.participant)).status).toBe(403)
  })

  it('[srv:R7] rotating a link: the old token and the members who joined through it stop working', async () => {
    const room = await createRoom()
    const ada = await join(room.id, room.tokens.participant, 'Ada')
    const response = await command(room.id, room.tokens.facilitator, {
      type: 'token.rotate',
      role: 'participant',
    })
    expect(response.status).toBe(200)
    const { links } = (await response.json()) as { links: Record<string, string> }
    const fresh = links.participant?.split('#t=')[1] ?? ''
    expect(fresh).not.toBe(room.tokens.participant)
    expect((await get(`/api/rooms/${room.id}`, room.tokens.participant)).status).toBe(401)
    expect((await get(`/api/rooms/${room.id}`, ada.token)).status).toBe(401)
    expect((await get(`/api/rooms/${room.id}`, fresh)).status).toBe(200)
    // Other roles are untouched.
    expect((await get(`/api/rooms/${room.id}`, room.tokens.viewer)).status).toBe(200)
  })

  it('[srv:R7] a facilitator who rotates their own link stays in', async () => {
    const room = await createRoom()
    const host = await join(room.id, room.tokens.facilitator, 'Host')
    const response = await command(room.id, host.token, {
      type: 'token.rotate',
      role: 'facilitator',
    })
    expect(response.status).toBe(200)
    expect((await get(`/api/rooms/${room.id}`, host.token)).status).toBe(200)
    expect((await get(`/api/rooms/${room.id}`, room.tokens.facilitator)).status).toBe(401)
  })

  it('members rename themselves; commands are validated', async () => {
    const room = await createRoom()
    const ada = await join(room.id, room.tokens.participant, 'Ada')
    const renamed = await command(room.id, ada.token, { type: 'member.rename', name: 'Ada L.' })
    expect(await renamed.json()).toEqual({
      member: { id: ada.member.id, name: 'Ada L.', role: 'participant' },
    })
    // A bare link holder is nobody yet.
    expect(
      (await command(room.id, room.tokens.participant, { type: 'member.rename', name: 'X' }))
        .status,
    ).toBe(403)
    const unknown = await command(room.id, ada.token, { type: 'nope' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ error: 'unknown_command' })
    const badRole = await command(room.id, room.tokens.facilitator, {
      type: 'token.rotate',
      role: 'admin',
    })
    expect(badRole.status).toBe(400)
    expect(((await badRole.json()) as { message: string }).message).toContain('role')
  })
})

describe('phases and timer (server-owned state)', () => {
  const stateOf = async (response: Response) =>
    (
      (await response.json()) as {
        state: { plan: { currentIndex: number; phases: { name: string }[] }; timer: unknown }
      }
    ).state

  it('[fac:PH3] only the facilitator moves between phases: a participant gets 403', async () => {
    const room = await createRoom()
    const response = await command(room.id, room.tokens.participant, {
      type: 'phase.set',
      index: 0,
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: 'forbidden',
      message: 'a participant may not change the phase',
    })
  })

  it('[fac:PH2][fac:PH1] the facilitator edits the phase list and moves through it', async () => {
    const room = await createRoom()
    const free = { boardEditing: true, privateWriting: false, reveal: 'none', voting: true }
    const edited = await command(room.id, room.tokens.facilitator, {
      type: 'phases.update',
      phases: [
        { name: 'Check-in', instructions: 'One word each', rules: free },
        { name: 'Vote', rules: { ...free, boardEditing: false } },
      ],
    })
    expect(edited.status).toBe(200)
    expect((await stateOf(edited)).plan.phases.map((p) => p.name)).toEqual(['Check-in', 'Vote'])
    const moved = await command(room.id, room.tokens.facilitator, { type: 'phase.set', index: 1 })
    expect((await stateOf(moved)).plan.currentIndex).toBe(1)
    const beyond = await command(room.id, room.tokens.facilitator, { type: 'phase.set', index: 7 })
    expect(beyond.status).toBe(409)
    expect(await beyond.json()).toEqual({
      error: 'refused',
      message: 'there is no phase 8; this plan has 2',
    })
    const empty = await command(room.id, room.tokens.facilitator, {
      type: 'phases.update',
      phases: [],
    })
    expect(empty.status).toBe(409)
  })

  it('[fac:T1][fac:T2][fac:T3] the timer runs on server time', async () => {
    const room = await createRoom()
    const f = room.tokens.facilitator
    clock = 5_000_000
    const started = await command(room.id, f, { type: 'timer.start', seconds: 300 })
    expect((await stateOf(started)).timer).toEqual({
      state: 'running',
      durationMs: 300_000,
      endsAt: 5_300_000,
    })
    clock += 60_000
    const paused = await command(room.id, f, { type: 'timer.pause' })
    expect((await stateOf(paused)).timer).toEqual({
      state: 'paused',
      durationMs: 300_000,
      remainingMs: 240_000,
    })
    const extended = await command(room.id, f, { type: 'timer.extend', seconds: 60 })
    expect((await stateOf(extended)).timer).toMatchObject({ state: 'paused', remainingMs: 300_000 })
    clock += 1_000
    const resumed = await command(room.id, f, { type: 'timer.resume' })
    expect((await stateOf(resumed)).timer).toMatchObject({
      state: 'running',
      endsAt: clock + 300_000,
    })
    expect((await command(room.id, f, { type: 'timer.resume' })).status).toBe(409)
    const reset = await command(room.id, f, { type: 'timer.reset' })
    expect((await stateOf(reset)).timer).toEqual({ state: 'idle' })
    expect((await command(room.id, f, { type: 'timer.start', seconds: 0 })).status).toBe(400)
    expect((await get('/api/time')).status).toBe(200)
    expect(await (await get('/api/time')).json()).toEqual({ now: clock })
  })
})

describe('dot voting', () => {
  const items = [
    { id: 'shape:a', label: 'Ship smaller PRs' },
    { id: 'shape:b', label: 'Fewer meetings' },
  ]

  async function votingRoom() {
    const room = await createRoom()
    const ada = await join(room.id, room.tokens.participant, 'Ada')
    const bob = await join(room.id, room.tokens.participant, 'Bob')
    const opened = await command(room.id, room.tokens.facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 3,
      maxPerItem: 2,
    })
    expect(opened.status).toBe(200)
    return {
      room,
      ada,
      bob,
      opened: (await opened.json()) as { state: { vote: { id: string; results: unknown } } },
    }
  }
  const cast = (roomId: string, token: string, itemId: string, delta = 1) =>
    command(roomId, token, { type: 'vote.cast', itemId, delta })

  it('[fac:V1] opening a vote publishes its setup, never a tally', async () => {
    const { opened } = await votingRoom()
    expect(opened.state.vote).toMatchObject({
      status: 'open',
      dotsPerPerson: 3,
      maxPerItem: 2,
      results: null,
    })
  })

  it('[fac:V2] a 4th dot with a limit of 3 is refused; each ballot is the caller’s own', async () => {
    const { room, ada, bob } = await votingRoom()
    expect((await cast(room.id, ada.token, 'shape:a')).status).toBe(200)
    expect((await cast(room.id, ada.token, 'shape:a')).status).toBe(200)
    const third = await cast(room.id, ada.token, 'shape:b')
    expect(await third.json()).toMatchObject({
      ballot: { 'shape:a': 2, 'shape:b': 1 },
      dotsLeft: 0,
    })
    const fourth = await cast(room.id, ada.token, 'shape:b')
    expect(fourth.status).toBe(409)
    expect(await fourth.json()).toEqual({
      error: 'refused',
      message: 'you have used all 3 of your dots',
    })
    // Bob's ballot is his own: Ada's dots are not on it, and he cannot see hers.
    const bobs = await get(`/api/rooms/${room.id}/vote/ballot`, bob.token)
    expect(await bobs.json()).toMatchObject({ ballot: {}, dotsLeft: 3 })
  })

  it('[fac:V2] viewers and bare link holders do not vote; there is nobody to vote for someone else', async () => {
    const { room } = await votingRoom()
    expect((await cast(room.id, room.tokens.viewer, 'shape:a')).status).toBe(403)
    const bare = await cast(room.id, room.tokens.participant, 'shape:a')
    expect(bare.status).toBe(403)
    expect(await bare.json()).toMatchObject({ message: 'join the room first' })
    // A member id in the body changes nothing: the schema has no such field, the credential decides.
    const ada = await join(room.id, room.tokens.participant, 'Ada')
    const sneaky = await command(room.id, ada.token, {
      type: 'vote.cast',
      itemId: 'shape:a',
      memberId: 'someone',
    })
    expect(await sneaky.json()).toMatchObject({ ballot: { 'shape:a': 1 } })
    expect(await (await get(`/api/rooms/${room.id}/vote/ballot`, ada.token)).json()).toMatchObject({
      ballot: { 'shape:a': 1 },
    })
  })

  it('[fac:V3] closing publishes the ranked tally; a closed vote is final', async () => {
    const { room, ada, bob } = await votingRoom()
    await cast(room.id, ada.token, 'shape:b')
    await cast(room.id, bob.token, 'shape:b')
    await cast(room.id, bob.token, 'shape:a')
    const closed = await command(room.id, room.tokens.facilitator, { type: 'vote.close' })
    expect(closed.status).toBe(200)
    expect(((await closed.json()) as { state: { vote: unknown } }).state.vote).toMatchObject({
      status: 'closed',
      voters: 2,
      results: [
        { itemId: 'shape:b', dots: 2, rank: 1 },
        { itemId: 'shape:a', dots: 1, rank: 2 },
      ],
    })
    expect((await cast(room.id, ada.token, 'shape:a')).status).toBe(409)
    expect((await command(room.id, room.tokens.facilitator, { type: 'vote.close' })).status).toBe(
      409,
    )
    // A new vote can follow.
    const next = await command(room.id, room.tokens.facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 1,
      maxPerItem: 1,
    })
    expect(next.status).toBe(200)
  })

  it('[fac:V1] only one vote at a time, only in a phase that allows voting, only by the facilitator', async () => {
    const { room } = await votingRoom()
    const again = await command(room.id, room.tokens.facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 1,
      maxPerItem: 1,
    })
    expect(await again.json()).toEqual({
      error: 'refused',
      message: 'a vote is already open; close it first',
    })
    expect((await command(room.id, room.tokens.participant, { type: 'vote.close' })).status).toBe(
      403,
    )

    const other = await createRoom()
    const rules = { boardEditing: true, privateWriting: false, reveal: 'none', voting: false }
    await command(other.id, other.tokens.facilitator, {
      type: 'phases.update',
      phases: [{ name: 'Discuss', rules }],
    })
    const refused = await command(other.id, other.tokens.facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 1,
      maxPerItem: 1,
    })
    expect(await refused.json()).toEqual({
      error: 'refused',
      message: 'the current phase does not allow voting',
    })
  })
})

describe('private writing, reveal and anonymous mode', () => {
  const rules = { boardEditing: true, privateWriting: true, reveal: 'self', voting: false }

  async function writingRoom(reveal: 'self' | 'facilitator' = 'self') {
    const room = await createRoom()
    await command(room.id, room.tokens.facilitator, {
      type: 'phases.update',
      phases: [{ name: 'Write', rules: { ...rules, reveal } }],
    })
    const ada = await join(room.id, room.tokens.participant, 'Ada')
    const bob = await join(room.id, room.tokens.participant, 'Bob')
    return { room, ada, bob }
  }
  const add = (roomId: string, token: string, text: string) =>
    command(roomId, token, { type: 'notes.add', text })

  /** The notes on the room's board, from its live document. */
  async function boardNotes(roomId: string) {
    const acquired = await registry.acquire(roomId)
    if (!acquired.ok) throw new Error('no room')
    const records = [...acquired.value.doc.getMap('tldraw:records').values()] as {
      type?: string
      props?: { richText: unknown; color: string }
      meta?: Record<string, unknown>
    }[]
    registry.release(acquired.value)
    return records.filter((r) => r.type === 'note')
  }

  it('[fac:PW1] notes are private: only in a private-writing phase, and only their author reads them', async () => {
    const free = await createRoom()
    const someone = await join(free.id, free.tokens.participant, 'X')
    expect(await (await add(free.id, someone.token, 'too early')).json()).toEqual({
      error: 'refused',
      message: 'private writing is not open in this phase',
    })

    const { room, ada, bob } = await writingRoom()
    expect((await add(room.id, ada.token, 'Our deploys are too slow')).status).toBe(200)
    expect((await add(room.id, ada.token, 'Nobody owns the pipeline')).status).toBe(200)
    expect((await add(room.id, room.tokens.viewer, 'viewer')).status).toBe(403)
    const mine = (await (await get(`/api/rooms/${room.id}/private-notes`, ada.token)).json()) as {
      text: string
    }[]
    expect(mine.map((n) => n.text)).toEqual([
      'Our deploys are too slow',
      'Nobody owns the pipeline',
    ])
    expect(await (await get(`/api/rooms/${room.id}/private-notes`, bob.token)).json()).toEqual([])
    expect(
      await (await get(`/api/rooms/${room.id}/private-notes/summary`, bob.token)).json(),
    ).toEqual({
      unrevealed: 2,
      writers: 1,
    })
    expect(await boardNotes(room.id)).toEqual([])
  })

  it('[fac:PW2] each person reveals their own where the phase allows; named notes carry their author', async () => {
    const { room, ada, bob } = await writingRoom('self')
    await add(room.id, ada.token, 'Ada’s note')
    await add(room.id, bob.token, 'Bob’s note')
    const revealed = await command(room.id, ada.token, { type: 'notes.reveal', scope: 'mine' })
    expect(await revealed.json()).toEqual({ revealed: 1 })
    const notes = await boardNotes(room.id)
    expect(notes).toHaveLength(1)
    expect(JSON.stringify(notes[0]?.props?.richText)).toContain('Ada’s note')
    expect(notes[0]?.meta?.author).toBe(`user:${ada.member.id}`)
    // Revealed notes can no longer be edited privately; Bob's is still private.
    const mine = (await (await get(`/api/rooms/${room.id}/private-notes`, ada.token)).json()) as {
      revealed: boolean
    }[]
    expect(mine[0]?.revealed).toBe(true)
    expect(JSON.stringify(await boardNotes(room.id))).not.toContain('Bob’s note')
    // Only the facilitator reveals everyone's.
    expect((await command(room.id, ada.token, { type: 'notes.reveal', scope: 'all' })).status).toBe(
      403,
    )
    const all = await command(room.id, room.tokens.facilitator, {
      type: 'notes.reveal',
      scope: 'all',
    })
    expect(await all.json()).toEqual({ revealed: 1 })
    expect(await boardNotes(room.id)).toHaveLength(2)
  })

  it('[fac:AN1][fac:AN2] in an anonymous room, revealed notes carry no author and nobody reveals their own', async () => {
    const { room, ada, bob } = await writingRoom('self')
    await command(room.id, room.tokens.facilitator, { type: 'room.settings', anonymous: true })
    await add(room.id, ada.token, 'Anonymous A1')
    await add(room.id, ada.token, 'Anonymous A2')
    await add(room.id, bob.token, 'Anonymous B1')
    const own = await command(room.id, ada.token, { type: 'notes.reveal', scope: 'mine' })
    expect(await own.json()).toEqual({
      error: 'refused',
      message: 'in an anonymous room the facilitator reveals all notes at once',
    })
    await command(room.id, room.tokens.facilitator, { type: 'notes.reveal', scope: 'all' })
    const notes = await boardNotes(room.id)
    expect(notes).toHaveLength(3)
    for (const note of notes) {
      expect(note.props?.color).toBe('yellow')
      expect(note.meta).toEqual({ revealed: true })
    }
    const everything = JSON.stringify(notes)
    for (const id of [ada.member.id, bob.member.id]) expect(everything).not.toContain(id)
  })
})

describe('summon', () => {
  it('[wsp:SU1] the facilitator brings everyone to them; a participant cannot', async () => {
    const room = await createRoom()
    const host = await join(room.id, room.tokens.facilitator, 'Host')
    const pat = await join(room.id, room.tokens.participant, 'Pat')
    expect((await command(room.id, pat.token, { type: 'summon' })).status).toBe(403)
    clock = 7_000_000
    const response = await command(room.id, host.token, { type: 'summon' })
    expect(((await response.json()) as { state: { summon: unknown } }).state.summon).toEqual({
      userId: `user:${host.member.id}`,
      at: 7_000_000,
      viewport: null,
    })
  })

  it('[wsp:SU2] carries the view the facilitator sent, and refuses one that is no view', async () => {
    const room = await createRoom()
    const host = await join(room.id, room.tokens.facilitator, 'Host')
    const viewport = { x: -4640, y: -2900, w: 1280, h: 800 }
    const response = await command(room.id, host.token, { type: 'summon', viewport })
    expect(((await response.json()) as { state: { summon: unknown } }).state.summon).toMatchObject({
      userId: `user:${host.member.id}`,
      viewport,
    })
    for (const broken of [
      { x: 0, y: 0, w: 0, h: 800 },
      { x: 0, y: 0, w: 1280 },
      { x: 'left', y: 0, w: 1280, h: 800 },
      { x: 1e12, y: 0, w: 1280, h: 800 },
    ]) {
      const refused = await command(room.id, host.token, { type: 'summon', viewport: broken })
      expect(refused.status).toBe(400)
    }
  })
})

describe('groups, action items and members as data', () => {
  it('[fac:GR1][fac:AI2] reads groups and action items from the room’s board', async () => {
    const room = await createRoom()
    const acquired = await registry.acquire(room.id)
    if (!acquired.ok) throw new Error('no room')
    const records = acquired.value.doc.getMap('tldraw:records')
    const text = (t: string) => ({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
    })
    records.set('shape:f', {
      typeName: 'shape',
      id: 'shape:f',
      type: 'frame',
      parentId: 'page:page',
      index: 'a1',
      props: { name: 'Deploys' },
      meta: {},
    })
    records.set('shape:n', {
      typeName: 'shape',
      id: 'shape:n',
      type: 'note',
      parentId: 'shape:f',
      index: 'a1',
      props: { richText: text('Automate rollback') },
      meta: { action: { ownerId: 'm1', ownerName: 'Ada', due: '2026-12-01' } },
    })
    registry.release(acquired.value)
    const groups = await get(`/api/rooms/${room.id}/groups`, room.tokens.viewer)
    expect(await groups.json()).toEqual([{ id: 'shape:f', name: 'Deploys', noteIds: ['shape:n'] }])
    const items = await get(`/api/rooms/${room.id}/action-items`, room.tokens.viewer)
    expect(await items.json()).toEqual([
      {
        shapeId: 'shape:n',
        text: 'Automate rollback',
        ownerId: 'm1',
        ownerName: 'Ada',
        due: '2026-12-01',
        status: 'open',
        id: null,
      },
    ])
  })

  it('lists the people who can own an action (not viewers)', async () => {
    const room = await createRoom()
    await join(room.id, room.tokens.participant, 'Ada')
    await join(room.id, room.tokens.viewer)
    const members = await get(`/api/rooms/${room.id}/members`, room.tokens.participant)
    expect(((await members.json()) as { name: string }[]).map((m) => m.name)).toEqual(['Ada'])
  })
})
