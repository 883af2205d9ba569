/**
 * Retrospectives against the real server: a full Mad/Sad/Glad session driven by commands and by
 * stock y-websocket clients editing the board, its stored result, the follow-up retro that opens
 * with the open actions, and the template layout that participants cannot change.
 */
import { describe, expect, it } from 'vitest'
import {
  boardRecords,
  currentPhaseId,
  docText,
  frameShape,
  getJson,
  noteShape,
  noteWithText,
  putShapes,
  regionFrame,
  roomStateOf,
  shapesOf,
  storedResult,
  workshopData,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

const noteCount = (client: TestClient) =>
  shapesOf(client.doc).filter((shape) => shape.type === 'note').length

describe('retrospective', () => {
  it('[tpl:RE1][tpl:RE2] Mad/Sad/Glad runs to its close: themes ranked by dots, discussion, actions', async () => {
    const { roomId, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      'Sprint 42 retro',
      { template: 'retro', options: { format: 'mad-sad-glad', dots: 3, team: 'Platform' } },
      ['Ada', 'Bo'],
    )
    const [ada, bo] = people as [(typeof people)[0], (typeof people)[0]]
    const [fayeClient, adaClient, boClient] = clients as [TestClient, TestClient, TestClient]
    expect(roomStateOf(adaClient.doc).plan?.phases.map((p) => p.id)).toEqual([
      'set-the-stage',
      'write',
      'reveal',
      'group',
      'vote',
      'discuss',
      'actions',
      'close',
    ])
    const columns = ['mad', 'sad', 'glad'].map((key) => regionFrame(adaClient.doc, key))
    expect(columns.map((frame) => frame.props.name)).toEqual(['Mad', 'Sad', 'Glad'])
    const [mad, sad, glad] = columns.map((frame) => frame.id) as [string, string, string]

    // Private writing, each note for a column: nobody else's client receives any of it.
    await phase('write')
    const written = {
      [ada.memberId]: [
        ['mad', 'Deploys break on Fridays'],
        ['sad', 'The demo slipped a week'],
        ['glad', 'Pairing on the parser'],
      ],
      [bo.memberId]: [
        ['mad', 'Flaky end-to-end tests'],
        ['glad', 'The new CI is fast'],
      ],
    }
    for (const member of [ada, bo]) {
      for (const [region, text] of written[member.memberId]!)
        await send(member.token, { type: 'notes.add', text, region })
    }
    for (const client of clients) expect(docText(client.doc)).not.toContain('Fridays')

    // The facilitator reveals everyone's notes: each lands inside its column's frame.
    await phase('reveal')
    expect(await send(faye.token, { type: 'notes.reveal', scope: 'all' })).toMatchObject({
      revealed: 5,
    })
    await waitFor(() => clients.every((client) => noteCount(client) === 5), {
      what: 'the revealed notes on every client',
    })
    expect(docText(boClient.doc)).toContain('Fridays')
    for (const [region, text] of [...written[ada.memberId]!, ...written[bo.memberId]!]) {
      expect(noteWithText(boClient.doc, text!)?.parentId, text).toBe(
        regionFrame(boClient.doc, region!).id,
      )
    }

    // Ada groups notes into named themes, as tldraw would: a frame in the column, notes moved in.
    await phase('group')
    const themes = {
      demo: 'shape:theme-demo',
      joy: 'shape:theme-joy',
      release: 'shape:theme-release',
    }
    const theme = (id: string, name: string, parentId: string, index: string) =>
      frameShape({ id, name, parentId, x: 16, y: 320, w: 488, h: 300, index })
    const moved = (text: string, parentId: string, x: number) => {
      const note = noteWithText(adaClient.doc, text)
      if (!note) throw new Error(`${text} is not on Ada's board`)
      return { ...note, parentId, x, y: 60 }
    }
    // Board order: the demo, then what went well, then the release pain.
    putShapes(
      adaClient.doc,
      theme(themes.demo, 'The demo', sad, 'a7'),
      moved('The demo slipped a week', themes.demo, 16),
    )
    putShapes(
      adaClient.doc,
      theme(themes.joy, 'What went well', glad, 'a8'),
      moved('Pairing on the parser', themes.joy, 16),
      moved('The new CI is fast', themes.joy, 256),
    )
    putShapes(
      adaClient.doc,
      theme(themes.release, 'Release pain', mad, 'a9'),
      moved('Deploys break on Fridays', themes.release, 16),
      moved('Flaky end-to-end tests', themes.release, 256),
    )
    await waitFor(
      () =>
        [fayeClient, boClient].every(
          (client) =>
            noteWithText(client.doc, 'Flaky end-to-end tests')?.parentId === themes.release,
        ),
      { what: 'the themes on the others’ boards' },
    )
    expect(noteWithText(boClient.doc, 'The new CI is fast')?.parentId).toBe(themes.joy)

    // A dot vote over the themes; the tally is published when it closes.
    await phase('vote')
    await send(faye.token, {
      type: 'vote.open',
      items: [
        { id: themes.demo, label: 'The demo' },
        { id: themes.joy, label: 'What went well' },
        { id: themes.release, label: 'Release pain' },
      ],
      dotsPerPerson: 3,
      maxPerItem: 3,
    })
    const dots: [string, string][] = [
      [ada.token, themes.release],
      [ada.token, themes.release],
      [ada.token, themes.demo],
      [bo.token, themes.release],
      [bo.token, themes.joy],
      [bo.token, themes.joy],
    ]
    for (const [token, itemId] of dots) await send(token, { type: 'vote.cast', itemId })
    await send(faye.token, { type: 'vote.close' })
    // The audit log says who wrote notes and voted, never what: the facilitator reads it.
    const audit = await getJson(shared.server, `/api/rooms/${roomId}/audit`, faye.token)
    const hiddenInputs = (audit.body as { type: string; payload: unknown }[]).filter((entry) =>
      ['notes.add', 'vote.cast'].includes(entry.type),
    )
    expect(hiddenInputs).toHaveLength(5 + dots.length)
    for (const entry of hiddenInputs) expect(entry.payload).toEqual({ type: entry.type })

    // Discussion in vote order: the theme under discussion is highlighted for everyone.
    await phase('discuss')
    await send(ada.token, { type: 'theme.discuss', themeId: themes.release }, 403)
    await send(faye.token, { type: 'theme.discuss', themeId: themes.release })
    await waitFor(() => clients.every((c) => roomStateOf(c.doc).spotlight === themes.release), {
      what: 'the spotlight on the release theme',
    })
    expect(workshopData(boClient.doc)).toMatchObject({
      discussing: themes.release,
      discussed: [themes.release],
    })
    const discussionNote = 'Ship on Fridays only behind a canary stage.'
    await send(faye.token, { type: 'theme.note', themeId: themes.release, note: discussionNote })
    // The live result already ranks the themes and knows which was discussed.
    const live = await getJson(shared.server, `/api/rooms/${roomId}/result/live`, bo.token)
    const liveThemes = (live.body as { result: { themes: { id: string; discussed: boolean }[] } })
      .result.themes
    expect(liveThemes.map(({ id, discussed }) => [id, discussed])).toEqual([
      [themes.release, true],
      [themes.joy, false],
      [themes.demo, false],
    ])
    await send(faye.token, { type: 'theme.discuss', themeId: themes.joy })
    await waitFor(() => roomStateOf(adaClient.doc).spotlight === themes.joy)

    // An action item with an owner, written by Bo's client on the board.
    await phase('actions')
    putShapes(
      boClient.doc,
      noteShape({
        id: 'shape:action-canary',
        text: 'Set up a canary stage',
        parentId: 'page:page',
        x: 0,
        y: 1400,
        index: 'aZ',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).has('shape:action-canary'))
    await send(faye.token, {
      type: 'action.set',
      noteId: 'shape:action-canary',
      text: 'Set up a canary stage',
      ownerId: ada.memberId,
      due: '2026-07-01',
    })

    await send(ada.token, { type: 'workshop.close' }, 403)
    expect((await getJson(shared.server, `/api/rooms/${roomId}/result`, ada.token)).status).toBe(
      404,
    )
    const closed = await send(faye.token, { type: 'workshop.close' })
    expect(closed.version).toEqual(expect.any(Number))
    await waitFor(() => clients.every((client) => currentPhaseId(client.doc) === 'close'))
    expect(roomStateOf(adaClient.doc).workshop?.closedAt).toEqual(expect.any(Number))

    const stored = await storedResult(shared.server, roomId, tokensOf(roomId).participant)
    expect(stored.template).toBe('retro')
    expect(stored.version).toBe(closed.version)
    expect(new Date(stored.closedAt).toISOString()).toBe(stored.closedAt)
    const result = stored.result
    expect(result.template).toBe('retro')
    expect(result.title).toBe('Sprint 42 retro')
    expect(result.format).toEqual({ id: 'mad-sad-glad', name: 'Mad / Sad / Glad' })
    expect(result.team).toBe('Platform')
    expect(result.columns).toEqual([
      { key: 'mad', title: 'Mad', notes: ['Deploys break on Fridays', 'Flaky end-to-end tests'] },
      { key: 'sad', title: 'Sad', notes: ['The demo slipped a week'] },
      { key: 'glad', title: 'Glad', notes: ['Pairing on the parser', 'The new CI is fast'] },
    ])
    // Ranked by dots, not by board order; discussed in that order, with what was said.
    expect(result.themes).toEqual([
      {
        id: themes.release,
        name: 'Release pain',
        notes: ['Deploys break on Fridays', 'Flaky end-to-end tests'],
        dots: 3,
        rank: 1,
        discussed: true,
        discussionNote,
      },
      {
        id: themes.joy,
        name: 'What went well',
        notes: ['Pairing on the parser', 'The new CI is fast'],
        dots: 2,
        rank: 2,
        discussed: true,
        discussionNote: '',
      },
      {
        id: themes.demo,
        name: 'The demo',
        notes: ['The demo slipped a week'],
        dots: 1,
        rank: 3,
        discussed: false,
        discussionNote: '',
      },
    ])
    expect(result.vote).toEqual({ dotsPerPerson: 3, voters: 2 })
    expect(result.actions).toEqual([
      {
        shapeId: 'shape:action-canary',
        text: 'Set up a canary stage',
        ownerId: ada.memberId,
        ownerName: 'Ada',
        due: '2026-07-01',
        // The stored item it became at the close (fac:AI4).
        status: 'open',
        id: expect.stringMatching(/^AI-\d+$/),
      },
    ])
    expect(result.review).toEqual([])
    expect(result.previous).toBeNull()
    expect(result.participants).toEqual([
      { id: faye.memberId, name: 'Faye', role: 'facilitator' },
      { id: ada.memberId, name: 'Ada', role: 'participant' },
      { id: bo.memberId, name: 'Bo', role: 'participant' },
    ])
    expect(Object.keys(result).sort()).toEqual(
      [
        'template',
        'title',
        'format',
        'team',
        'columns',
        'themes',
        'vote',
        'actions',
        'review',
        'previous',
        'participants',
      ].sort(),
    )
  })

  it('a follow-up retro opens with a review of the open actions, for a facilitator only', async () => {
    const first = await workshopRoom(shared, 'Sprint 41 retro', { template: 'retro' }, ['Ada'])
    const [ada] = first.people as [(typeof first.people)[0]]
    const [fayeClient, adaClient] = first.clients as [TestClient, TestClient]
    await first.phase('actions')
    putShapes(
      adaClient.doc,
      noteShape({
        id: 'shape:action-runbook',
        text: 'Write the on-call runbook',
        parentId: 'page:page',
        x: 0,
        y: 1400,
        index: 'aZ',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).has('shape:action-runbook'))
    await first.send(first.faye.token, {
      type: 'action.set',
      noteId: 'shape:action-runbook',
      text: 'Write the on-call runbook',
      ownerId: ada.memberId,
      due: '2026-08-15',
    })
    await first.send(first.faye.token, { type: 'workshop.close' })

    // Only someone who facilitates the earlier retro can follow it up.
    for (const token of [ada.token, first.links.participant]) {
      const forged = await fetch(`${shared.server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ template: 'retro', followUp: { roomId: first.roomId, token } }),
      })
      expect(forged.status).toBe(403)
      expect(await forged.json()).toMatchObject({ error: 'forbidden' })
    }

    const next = await workshopRoom(
      shared,
      'Sprint 42 retro',
      { template: 'retro', followUp: { roomId: first.roomId, token: first.faye.token } },
      ['Ada'],
    )
    const [nextFaye, nextAda] = next.clients as [TestClient, TestClient]
    const plan = roomStateOf(nextAda.doc).plan
    expect(plan?.currentIndex).toBe(0)
    expect(plan?.phases[0]).toMatchObject({ id: 'review', name: 'Review last actions' })
    const carried = {
      text: 'Write the on-call runbook',
      ownerName: 'Ada',
      due: '2026-08-15',
      status: 'open',
    }
    expect(workshopData(nextAda.doc)).toMatchObject({
      review: [carried],
      previous: { roomId: first.roomId, title: 'Sprint 41 retro' },
    })
    // The open action is on the new board too, in a review region before the columns.
    const review = regionFrame(nextAda.doc, 'review')
    const seeded = noteWithText(nextAda.doc, 'Write the on-call runbook')
    expect(seeded?.parentId).toBe(review.id)
    expect(seeded?.meta).toMatchObject({ reviewOf: first.roomId, ownerName: 'Ada' })

    await next.send(next.people[0]!.token, { type: 'review.mark', index: 0, status: 'done' }, 403)
    await next.send(next.faye.token, { type: 'review.mark', index: 0, status: 'done' })
    await waitFor(
      () =>
        (workshopData(nextFaye.doc).review as { status: string }[] | undefined)?.[0]?.status ===
        'done',
    )
    await next.send(next.faye.token, { type: 'workshop.close' })
    const stored = await storedResult(shared.server, next.roomId, next.faye.token)
    expect(stored.result).toMatchObject({
      template: 'retro',
      title: 'Sprint 42 retro',
      review: [{ ...carried, status: 'done' }],
      previous: { roomId: first.roomId, title: 'Sprint 41 retro' },
      themes: [],
      actions: [],
    })
  })

  it('[fac:L4] the template layout is fixed for participants; notes inside it stay editable', async () => {
    const { roomId, clients } = await workshopRoom(shared, 'Layout', { template: 'retro' }, ['Ada'])
    const [fayeClient, adaClient] = clients as [TestClient, TestClient]
    const observer = shared.client(roomId)
    await observer.whenSynced()
    expect(currentPhaseId(observer.doc)).toBe('set-the-stage') // the board is editable
    const start = regionFrame(observer.doc, 'start')
    const stop = regionFrame(observer.doc, 'stop')
    const prompt = shapesOf(observer.doc).find((shape) => shape.meta.regionPrompt === 'start')
    expect(roomStateOf(observer.doc).locks?.layout).toEqual(
      expect.arrayContaining([start.id, stop.id, prompt?.id]),
    )

    // Ada moves a column, deletes another and edits a prompt: all refused.
    const ada = adaClient.doc
    putShapes(ada, { ...start, x: start.x + 500 })
    boardRecords(ada).delete(stop.id)
    putShapes(ada, { ...prompt!, props: { ...prompt!.props, w: 10 } })
    // A note put in the column, and then moved inside it, is hers to change.
    putShapes(
      ada,
      noteShape({
        id: 'shape:ada',
        text: 'Mob on Mondays',
        parentId: start.id,
        x: 24,
        y: 100,
        index: 'a5',
      }),
    )
    await waitFor(() => boardRecords(observer.doc).has('shape:ada'), { what: 'Ada’s note' })
    putShapes(ada, { ...boardRecords(ada).get('shape:ada')!, x: 264, y: 340 })
    await waitFor(() => boardRecords(observer.doc).get('shape:ada')?.x === 264, {
      what: 'Ada’s note moved',
    })
    expect(boardRecords(observer.doc).get('shape:ada')?.parentId).toBe(start.id)
    for (const client of [observer, fayeClient]) {
      expect(boardRecords(client.doc).get(start.id)).toEqual(start)
      expect(boardRecords(client.doc).get(stop.id)).toEqual(stop)
      expect(boardRecords(client.doc).get(prompt!.id)).toEqual(prompt)
    }
    expect(adaClient.closes).toEqual([]) // refused, not thrown out

    // The facilitator can rearrange the layout.
    putShapes(fayeClient.doc, { ...start, x: start.x - 300 })
    await waitFor(() => boardRecords(observer.doc).get(start.id)?.x === start.x - 300, {
      what: 'the facilitator’s move',
    })
    const late = shared.client(roomId)
    await late.whenSynced()
    expect(boardRecords(late.doc).get(start.id)?.x).toBe(start.x - 300)
    expect(boardRecords(late.doc).get(stop.id)).toEqual(stop)
    expect(boardRecords(late.doc).get('shape:ada')).toMatchObject({ x: 264, parentId: start.id })
  })
})
