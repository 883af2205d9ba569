import { phaseInput, readRoomState, ROOM_STATE_MAP } from '@accord/facilitation'
import { SqliteWorkshopRepository } from '@accord/db'
import { RECORDS_MAP } from '@accord/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { actionNote } from '../testing/action-note.js'
import { type InProcessApp, inProcessApp } from '../testing/in-process-app.js'

let t: InProcessApp
beforeEach(() => {
  t = inProcessApp()
})
afterEach(() => t.database.close())

async function roomDoc(roomId: string) {
  const acquired = await t.registry.acquire(roomId)
  if (!acquired.ok) throw new Error('no room')
  const doc = acquired.value.doc
  const snapshot = {
    state: readRoomState(doc.getMap(ROOM_STATE_MAP).toJSON()),
    records: [...doc.getMap<Record<string, unknown>>(RECORDS_MAP).values()],
  }
  t.registry.release(acquired.value)
  return snapshot
}

describe('GET /api/templates', () => {
  it('lists every method with its phases, layout and options', async () => {
    const response = await t.get('/api/templates')
    expect(response.status).toBe(200)
    const list = (await response.json()) as {
      id: string
      name: string
      description: string
      phases: { id: string; name: string }[]
      options: { key: string }[]
      regions: { key: string }[]
    }[]
    expect(list.map((template) => template.id)).toEqual([
      'retro',
      'pre-mortem',
      'empathy-map',
      'disagree-and-commit',
      'blank',
    ])
    for (const template of list) {
      expect(template.name).not.toBe('')
      expect(template.description).not.toBe('')
      expect(template.phases.length).toBeGreaterThan(0)
    }
    const retro = list[0]!
    expect(retro.options.map((option) => option.key)).toContain('format')
    expect(retro.regions.map((region) => region.key)).toEqual(['start', 'stop', 'continue'])
  })
})

describe('POST /api/rooms with a template', () => {
  it('refuses an unknown template or invalid options with 400 naming the problem', async () => {
    const unknown = await t.post('/api/rooms', JSON.stringify({ template: 'kanban' }))
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({
      error: 'unknown_template',
      message: expect.stringContaining('"kanban"'),
    })
    const badFormat = await t.post(
      '/api/rooms',
      JSON.stringify({ template: 'retro', options: { format: 'roses' } }),
    )
    expect(badFormat.status).toBe(400)
    expect(await badFormat.json()).toMatchObject({
      error: 'invalid_options',
      message: expect.stringContaining('options.format'),
    })
    const unknownOption = await t.post(
      '/api/rooms',
      JSON.stringify({ template: 'retro', options: { colour: 'red' } }),
    )
    expect(await unknownOption.json()).toMatchObject({ error: 'invalid_options' })
  })

  it('lays the method out: phases, regions locked as layout, anonymity, template state', async () => {
    const room = await t.createRoom({
      title: 'Sprint 12',
      template: 'retro',
      options: { format: 'sailboat', anonymous: true, dots: 5 },
    })
    expect(room.template).toBe('retro')
    const { state, records } = await roomDoc(room.id)
    expect(state.plan.phases.map((phase) => phase.id)).toEqual([
      'set-the-stage',
      'write',
      'reveal',
      'group',
      'vote',
      'discuss',
      'actions',
      'close',
    ])
    expect(state.settings.anonymous).toBe(true)
    expect(state.workshop).toMatchObject({
      template: 'retro',
      options: { format: 'sailboat', dots: 5 },
    })
    const frames = records.filter((record) => record.type === 'frame')
    expect(frames.map((frame) => (frame.props as { name: string }).name)).toEqual([
      'Wind',
      'Anchors',
      'Rocks',
      'Island',
    ])
    for (const frame of frames) expect(state.locks.layout).toContain(frame.id)
    expect(records.some((record) => record.typeName === 'page')).toBe(true)
  })

  it('follows up an earlier retro only for its facilitator, opening with its open actions', async () => {
    const first = await t.createRoom({ title: 'Sprint 11', template: 'retro' })
    const ada = await t.join(first.id, first.tokens.facilitator, 'Ada')
    const participant = await t.join(first.id, first.tokens.participant, 'Bo')
    // An action item on the first retro's board, as a client would write it.
    const acquired = await t.registry.acquire(first.id)
    if (!acquired.ok) throw new Error('no room')
    acquired.value.doc.getMap(RECORDS_MAP).set(
      'shape:act',
      actionNote('shape:act', 'Fix CI', {
        ownerId: participant.member.id,
        ownerName: 'Bo',
        due: '2026-12-01',
      }),
    )
    t.registry.release(acquired.value)

    const forged = await t.post(
      '/api/rooms',
      JSON.stringify({
        template: 'retro',
        followUp: { roomId: first.id, token: participant.token },
      }),
    )
    expect(forged.status).toBe(403)

    const next = await t.createRoom({
      template: 'retro',
      followUp: { roomId: first.id, token: ada.token },
    })
    const { state, records } = await roomDoc(next.id)
    expect(state.plan.phases[0]?.id).toBe('review')
    expect(state.workshop?.data.review).toEqual([
      { text: 'Fix CI', ownerName: 'Bo', due: '2026-12-01', status: 'open' },
    ])
    expect(
      records.some((record) => (record.meta as { reviewOf?: string }).reviewOf === first.id),
    ).toBe(true)
  })
})

describe('following up a retro', () => {
  it('carries over its actions as followed up since: done ones stay behind, new owners come along', async () => {
    const first = await t.createRoom({ title: 'Sprint 11', template: 'retro' })
    const ada = await t.join(first.id, first.tokens.facilitator, 'Ada')
    const bo = await t.join(first.id, first.tokens.participant, 'Bo')
    const acquired = await t.registry.acquire(first.id)
    if (!acquired.ok) throw new Error('no room')
    const records = acquired.value.doc.getMap(RECORDS_MAP)
    for (const [id, text] of [
      ['shape:ci', 'Fix CI'],
      ['shape:docs', 'Write docs'],
    ] as const) {
      records.set(id, actionNote(id, text, { ownerId: bo.member.id, ownerName: 'Bo', due: null }))
    }
    t.registry.release(acquired.value)
    expect((await t.command(first.id, ada.token, { type: 'workshop.close' })).status).toBe(200)
    const saved = (await (await t.get(`/api/action-items?room=${first.id}`)).json()) as {
      id: string
      text: string
    }[]
    const idOf = (text: string) => saved.find((item) => item.text === text)?.id ?? ''
    const update = (text: string, body: object) =>
      t.post(`/api/action-items/${idOf(text)}`, JSON.stringify(body), bo.token)
    expect((await update('Fix CI', { status: 'done' })).status).toBe(200)
    expect((await update('Write docs', { ownerName: 'Cy' })).status).toBe(200)

    const next = await t.createRoom({
      template: 'retro',
      followUp: { roomId: first.id, token: ada.token },
    })
    const { state } = await roomDoc(next.id)
    expect(state.workshop?.data.review).toEqual([
      { text: 'Write docs', ownerName: 'Cy', due: null, status: 'open', id: idOf('Write docs') },
    ])
  })
})

describe('template commands', () => {
  it('a disagree-and-commit runs to its close; stances stay hidden until revealed', async () => {
    const room = await t.createRoom({ title: 'Adopt Postgres', template: 'disagree-and-commit' })
    const ada = await t.join(room.id, room.tokens.facilitator, 'Ada')
    const bo = await t.join(room.id, room.tokens.participant, 'Bo')
    const viewer = await t.join(room.id, room.tokens.viewer, 'Vi')
    const send = async (token: string, body: object, status = 200) => {
      const response = await t.command(room.id, token, body)
      const json = (await response.json()) as Record<string, unknown>
      expect(response.status, JSON.stringify(json)).toBe(status)
      return json
    }
    await send(ada.token, {
      type: 'proposal.set',
      title: 'Move to PostgreSQL',
      context: 'SQLite limits us',
      options: [{ title: 'PostgreSQL', pros: 'scale', cons: 'ops' }],
      drivers: ['Writes keep up at month end'],
      informed: ['Finance'],
      tags: ['Storage', ' storage ', 'ledger'],
      deciderId: ada.member.id,
    })
    await send(bo.token, { type: 'proposal.set', title: 'x', deciderId: bo.member.id }, 403)
    await send(ada.token, { type: 'phase.set', index: 2 })
    await send(bo.token, { type: 'stance.give', stance: 1 }, 409) // a low score needs a reason
    const given = await send(bo.token, { type: 'stance.give', stance: 1, reason: 'Ops cost' })
    // Given on the proposal's first wording (round 0, tpl:DC5).
    expect(given.submitted).toEqual({ value: 1, reason: 'Ops cost', round: 0 })
    await send(viewer.token, { type: 'stance.give', stance: 5 }, 403)
    await send(ada.token, { type: 'stance.give', stance: 5 })
    // Hidden: the shared state says who gave a stance, never which.
    const hidden = await roomDoc(room.id)
    expect(JSON.stringify(hidden.state)).not.toContain('Ops cost')
    expect(
      await (await t.get(`/api/rooms/${room.id}/submissions/stance`, bo.token)).json(),
    ).toEqual({
      value: { value: 1, reason: 'Ops cost', round: 0 },
    })

    await send(ada.token, { type: 'phase.set', index: 3 })
    await send(ada.token, { type: 'stances.reveal' })
    await send(ada.token, { type: 'phase.set', index: 4 })
    await send(
      bo.token,
      { type: 'decision.record', outcome: 'accepted', decision: 'x', rationale: 'y' },
      409,
    )
    await send(ada.token, {
      type: 'decision.record',
      outcome: 'accepted',
      option: 'PostgreSQL',
      decision: 'We move to PostgreSQL',
      rationale: 'Growth',
      consequences: 'We run PostgreSQL ourselves.\nMonth end closes on time.',
    })
    await send(ada.token, { type: 'phase.set', index: 5 })
    await send(bo.token, { type: 'commit' })
    await send(bo.token, { type: 'commit' }, 409)
    expect((await t.get(`/api/rooms/${room.id}/result`, bo.token)).status).toBe(404)
    await send(bo.token, { type: 'workshop.close' }, 403)
    const closed = await send(ada.token, { type: 'workshop.close' })
    expect(closed.version).toEqual(expect.any(Number))

    const stored = (await (await t.get(`/api/rooms/${room.id}/result`, bo.token)).json()) as {
      result: Record<string, unknown>
    }
    expect(stored.result).toMatchObject({
      template: 'disagree-and-commit',
      title: 'Move to PostgreSQL',
      proposal: {
        drivers: ['Writes keep up at month end'],
        informed: ['Finance'],
        tags: ['Storage', 'ledger'],
      },
      decision: {
        outcome: 'accepted',
        option: 'PostgreSQL',
        rationale: 'Growth',
        consequences: 'We run PostgreSQL ourselves.\nMonth end closes on time.',
      },
      dissent: [{ name: 'Bo', value: 1, reason: 'Ops cost' }],
      commitments: [{ name: 'Bo' }],
      notCommitted: [{ name: 'Ada' }],
    })
    const { state } = await roomDoc(room.id)
    expect(state.plan.phases[state.plan.currentIndex]?.id).toBe('close')
    expect(state.workshop?.closedAt).toEqual(expect.any(Number))

    // The decision record saved at the close carries them, and the log filters by the tag.
    const tagged = (await (await t.get('/api/decisions?tag=STORAGE')).json()) as {
      title: string
      drivers: string[]
      consequences: string
      informed: string[]
      tags: string[]
    }[]
    expect(tagged).toEqual([
      expect.objectContaining({
        title: 'Move to PostgreSQL',
        drivers: ['Writes keep up at month end'],
        consequences: 'We run PostgreSQL ourselves.\nMonth end closes on time.',
        informed: ['Finance'],
        tags: ['Storage', 'ledger'],
      }),
    ])
    expect(await (await t.get('/api/decisions?tag=database')).json()).toEqual([])
  })

  it('[tpl:RS1] a stored result is read back with its template’s schema, or said to be unreadable', async () => {
    const room = await t.createRoom({})
    const workshops = new SqliteWorkshopRepository(t.database.db)
    const store = (result: Record<string, unknown>) =>
      workshops.addResult({
        roomId: room.id,
        template: 'blank',
        result,
        closedBy: null,
        closedAt: new Date(0),
      })
    const result = async () =>
      (await (await t.get(`/api/rooms/${room.id}/result`, room.tokens.facilitator)).json()) as {
        readable: boolean
        problem?: string
        result: Record<string, unknown>
      }
    const blank = {
      template: 'blank',
      title: 'Ideas',
      notes: ['One'],
      groups: [],
      vote: null,
      actions: [],
      participants: [],
    }
    await store(blank)
    expect(await result()).toMatchObject({ readable: true, result: blank })
    await store({ ...blank, notes: 'not a list' })
    expect(await result()).toEqual(
      expect.objectContaining({
        readable: false,
        problem: expect.stringMatching(/^notes: /),
        result: { ...blank, notes: 'not a list' },
      }),
    )
    await store({ template: 'lean-coffee', title: 'Topics' })
    expect(await result()).toMatchObject({
      readable: false,
      problem: 'unknown template "lean-coffee"',
    })
  })

  it('unknown commands list the template’s own', async () => {
    const room = await t.createRoom({ template: 'pre-mortem' })
    const ada = await t.join(room.id, room.tokens.facilitator, 'Ada')
    const response = await t.command(room.id, ada.token, { type: 'stance.give' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: 'unknown_command',
      message: expect.stringContaining('brief.set'),
    })
  })

  it('editing a template’s phases keeps their timers, focus and round-robin reveal', async () => {
    const room = await t.createRoom({ template: 'pre-mortem' })
    const ada = await t.join(room.id, room.tokens.facilitator, 'Ada')
    const { state } = await roomDoc(room.id)
    const phases = state.plan.phases.map(phaseInput)
    const response = await t.command(room.id, ada.token, { type: 'phases.update', phases })
    expect(response.status).toBe(200)
    const after = (await roomDoc(room.id)).state.plan.phases
    expect(after).toEqual(state.plan.phases)
    expect(after.find((phase) => phase.id === 'share')).toMatchObject({
      rules: { reveal: 'turn' },
      focus: 'reasons',
    })
    expect(after.find((phase) => phase.id === 'failure')?.timerMinutes).toBe(7)
  })
})
