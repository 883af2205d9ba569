/**
 * Templates against the real server: the catalogue, an empathy map walked region by region by
 * stock y-websocket clients, and a blank board — each closed, with its stored result checked.
 * (Retro, pre-mortem and disagree-and-commit have files of their own: templates-*.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import {
  boardRecords,
  frameShape,
  getJson,
  noteShape,
  putShapes,
  regionFrame,
  roomStateOf,
  storedResult,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

describe('the template catalogue', () => {
  it('GET /api/templates lists every method with its phases', async () => {
    const response = await fetch(`${shared.server.url}/api/templates`)
    expect(response.status).toBe(200)
    const list = (await response.json()) as { id: string; phases: { id: string }[] }[]
    expect(list.map((template) => template.id)).toEqual([
      'retro',
      'pre-mortem',
      'empathy-map',
      'disagree-and-commit',
      'blank',
    ])
    for (const template of list) expect(template.phases.length).toBeGreaterThan(0)
  })
})

describe('empathy map', () => {
  it('[tpl:EM1] walks the canvas region by region, then synthesis; stores each region’s notes', async () => {
    const persona = 'a first-time buyer on mobile'
    const { roomId, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      'Checkout empathy map',
      { template: 'empathy-map', options: { persona, minutesPerRegion: 3 } },
      ['Gus', 'Hana'],
    )
    const [fayeClient, gusClient, hanaClient] = clients as [TestClient, TestClient, TestClient]
    const plan = roomStateOf(gusClient.doc).plan
    expect(plan?.phases.map((p) => [p.id, p.focus])).toEqual([
      ['who', 'who'],
      ['goal', 'goal'],
      ['see', 'see'],
      ['say', 'say'],
      ['do', 'do'],
      ['hear', 'hear'],
      ['think-feel', 'think-feel'],
      ['synthesis', 'insights'],
      ['close', undefined],
    ])

    // What each phase's notes say, by region; Gus and Hana take turns writing them.
    const walk: [string, [string, string, number][]][] = [
      ['who', [['who', 'Buys from us once a year', 24]]],
      [
        'goal',
        [
          // Written right to left: the result reads left to right.
          ['goal', 'Checks out in under two minutes', 264],
          ['goal', 'Knows the delivery date', 24],
        ],
      ],
      ['see', [['see', 'Competitors offer one-click pay', 24]]],
      ['say', [['say', 'Why do you need my phone number?', 24]]],
      ['do', [['do', 'Abandons the cart at shipping costs', 24]]],
      ['hear', [['hear', 'Friends say the app is slow', 24]]],
      [
        'think-feel',
        [
          ['think-feel', 'Worries about hidden fees', 24],
          ['pains', 'Surprise shipping costs', 24],
          ['gains', 'Free returns', 24],
        ],
      ],
      [
        'synthesis',
        [
          ['insights', 'Cost surprises break trust', 24],
          ['needs', 'See the full price up front', 24],
        ],
      ],
    ]
    let n = 0
    for (const [phaseId, notes] of walk) {
      if (phaseId !== 'who') await phase(phaseId)
      for (const [region, text, x] of notes) {
        const writer = n % 2 === 0 ? gusClient : hanaClient
        const id = `shape:empathy-${n++}`
        putShapes(
          writer.doc,
          noteShape({
            id,
            text,
            parentId: regionFrame(writer.doc, region).id,
            x,
            y: 100,
            index: `a${n + 4}`,
          }),
        )
        await waitFor(() => boardRecords(fayeClient.doc).has(id), { what: `${text} for all` })
      }
    }
    // A note left on the page, outside every region, belongs to none.
    putShapes(
      hanaClient.doc,
      noteShape({
        id: 'shape:stray',
        text: 'Parking lot',
        parentId: 'page:page',
        x: -900,
        y: 0,
        index: 'a1',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).has('shape:stray'))

    await send(faye.token, { type: 'workshop.close' })
    const stored = await storedResult(shared.server, roomId, faye.token)
    expect(stored.template).toBe('empathy-map')
    const [gus, hana] = people as [(typeof people)[0], (typeof people)[0]]
    expect(stored.result).toEqual({
      template: 'empathy-map',
      title: 'Checkout empathy map',
      persona,
      regions: [
        { key: 'who', title: 'Who', notes: ['Buys from us once a year'] },
        {
          key: 'goal',
          title: 'Goal',
          notes: ['Knows the delivery date', 'Checks out in under two minutes'],
        },
        { key: 'see', title: 'See', notes: ['Competitors offer one-click pay'] },
        { key: 'say', title: 'Say', notes: ['Why do you need my phone number?'] },
        { key: 'do', title: 'Do', notes: ['Abandons the cart at shipping costs'] },
        { key: 'hear', title: 'Hear', notes: ['Friends say the app is slow'] },
        { key: 'think-feel', title: 'Think & feel', notes: ['Worries about hidden fees'] },
        { key: 'pains', title: 'Pains', notes: ['Surprise shipping costs'] },
        { key: 'gains', title: 'Gains', notes: ['Free returns'] },
      ],
      insights: ['Cost surprises break trust'],
      needs: ['See the full price up front'],
      actions: [],
      participants: [
        { id: faye.memberId, name: 'Faye', role: 'facilitator' },
        { id: gus.memberId, name: 'Gus', role: 'participant' },
        { id: hana.memberId, name: 'Hana', role: 'participant' },
      ],
    })
  })
})

describe('blank board', () => {
  it('a blank board’s close stores its notes, groups, vote and actions too', async () => {
    const { roomId, faye, people, clients, send } = await workshopRoom(
      shared,
      'Planning board',
      {},
      ['Ivy'],
    )
    const [ivy] = people as [(typeof people)[0]]
    const [fayeClient, ivyClient] = clients as [TestClient, TestClient]
    expect(roomStateOf(ivyClient.doc).workshop).toMatchObject({ template: 'blank', closedAt: null })
    expect(roomStateOf(ivyClient.doc).locks?.layout).toEqual([])
    expect((await getJson(shared.server, `/api/rooms/${roomId}/result`, ivy.token)).status).toBe(
      404,
    )

    putShapes(
      ivyClient.doc,
      frameShape({
        id: 'shape:hiring',
        name: 'Hiring',
        parentId: 'page:page',
        x: 0,
        y: 0,
        w: 480,
        h: 300,
        index: 'a1',
      }),
      noteShape({
        id: 'shape:designer',
        text: 'Hire a designer',
        parentId: 'shape:hiring',
        x: 24,
        y: 60,
        index: 'a1',
      }),
      noteShape({
        id: 'shape:onboarding',
        text: 'Fix onboarding',
        parentId: 'page:page',
        x: 600,
        y: 0,
        index: 'a2',
      }),
      noteShape({
        id: 'shape:ad',
        text: 'Post the job ad',
        parentId: 'page:page',
        x: 600,
        y: 300,
        index: 'a3',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).has('shape:ad'))
    await send(faye.token, {
      type: 'action.set',
      noteId: 'shape:ad',
      text: 'Post the job ad',
      ownerId: ivy.memberId,
      due: '2026-09-01',
    })
    await send(faye.token, {
      type: 'vote.open',
      items: [
        { id: 'shape:hiring', label: 'Hiring' },
        { id: 'shape:onboarding', label: 'Fix onboarding' },
      ],
      dotsPerPerson: 2,
      maxPerItem: 2,
    })
    await send(ivy.token, { type: 'vote.cast', itemId: 'shape:hiring' })
    await send(ivy.token, { type: 'vote.cast', itemId: 'shape:hiring' })
    await send(faye.token, { type: 'vote.close' })

    const first = await send(faye.token, { type: 'workshop.close' })
    await waitFor(() => typeof roomStateOf(ivyClient.doc).workshop?.closedAt === 'number')
    const stored = await storedResult(shared.server, roomId, ivy.token)
    expect(stored.template).toBe('blank')
    expect(stored.version).toBe(first.version)
    const { notes, ...rest } = stored.result as { notes: string[] }
    expect([...notes].sort()).toEqual(['Fix onboarding', 'Hire a designer', 'Post the job ad'])
    expect(rest).toEqual({
      template: 'blank',
      title: 'Planning board',
      groups: [{ id: 'shape:hiring', name: 'Hiring', notes: ['Hire a designer'] }],
      vote: { dotsPerPerson: 2, voters: 1 },
      actions: [
        {
          shapeId: 'shape:ad',
          text: 'Post the job ad',
          ownerId: ivy.memberId,
          ownerName: 'Ivy',
          due: '2026-09-01',
          status: 'open',
          id: expect.stringMatching(/^AI-\d+$/),
        },
      ],
      participants: [
        { id: faye.memberId, name: 'Faye', role: 'facilitator' },
        { id: ivy.memberId, name: 'Ivy', role: 'participant' },
      ],
    })

    // Closing again stores a new version, and that is the one served.
    putShapes(
      ivyClient.doc,
      noteShape({
        id: 'shape:late',
        text: 'One more thing',
        parentId: 'page:page',
        x: 0,
        y: 600,
        index: 'a4',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).has('shape:late'))
    const second = await send(faye.token, { type: 'workshop.close' })
    expect(second.version).not.toBe(first.version)
    const latest = await storedResult<{ notes: string[] }>(shared.server, roomId, ivy.token)
    expect(latest.version).toBe(second.version)
    expect(latest.result.notes).toContain('One more thing')
  })
})
