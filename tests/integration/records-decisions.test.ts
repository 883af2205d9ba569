/**
 * Decision records from a disagree-and-commit against the real server: "Record decision" saves
 * the proposal before anything is decided, the close turns that record into the accepted
 * decision with every MADR field and what only Accord knows (stances, the dissent in the
 * dissenter's words, commitments, the board region it came from), and the decision log finds,
 * filters and exports it.
 */
import { describe, expect, it } from 'vitest'
import {
  noteShape,
  putShapes,
  boardRecords,
  regionFrame,
  storedResult,
  workshopData,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import {
  api,
  apiJson,
  attachmentName,
  type ActionItemJson,
  type DecisionJson,
  idsOf,
  quickDecision,
} from '../support/records-api.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

const byName = <T extends { name: string | null }>(a: T, b: T) =>
  (a.name ?? '').localeCompare(b.name ?? '')

/** The day before a YYYY-MM-DD day. */
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** The front matter of a MADR file: each `key: value` line, values read as JSON (or a date). */
function frontMatter(markdown: string): Record<string, unknown> {
  const lines = markdown.split('\n')
  expect(lines[0]).toBe('---')
  const end = lines.indexOf('---', 1)
  expect(end).toBeGreaterThan(0)
  return Object.fromEntries(
    lines
      .slice(1, end)
      .filter((line) => line !== '')
      .map((line) => {
        const [, key, raw] = /^([a-z-]+): (.*)$/.exec(line) ?? []
        if (!key || raw === undefined) throw new Error(`not a front matter line: ${line}`)
        return [key, /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : (JSON.parse(raw) as unknown)]
      }),
  )
}

describe('decision records', () => {
  it('[rec:RC1][rec:DR1] a disagree-and-commit is saved while proposed, accepted at its close, found, read and exported as MADR', async () => {
    const roomTitle = 'Platform architecture review'
    const { roomId, links, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      roomTitle,
      { template: 'disagree-and-commit', options: { scale: 'fist-of-five' } },
      ['Bo', 'Cy', 'Dee'],
    )
    const [bo, cy, dee] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
    const [fayeClient, , cyClient] = clients as [TestClient, TestClient, TestClient]

    // The proposal, with the options considered; Bo decides.
    const proposal = {
      title: 'Adopt the Zephyr event bus: phase 1/2?',
      context: 'Services poll each other every second.\nThe load grows with every new service.',
      options: [
        {
          title: 'Zephyr bus',
          pros: 'Decouples services\nEvents can be replayed',
          cons: 'New infrastructure',
        },
        { title: 'Keep polling', pros: 'Nothing to build', cons: 'Load grows with every service' },
      ],
      drivers: ['Load must not grow with every new service'],
      informed: ['Platform team'],
      tags: ['event-bus'],
    }
    await send(faye.token, { type: 'proposal.set', ...proposal, deciderId: bo.memberId })
    const proposalRegion = regionFrame(fayeClient.doc, 'proposal').id

    // "Record decision" before anything is decided: a proposed record, by a facilitator only.
    await send(bo.token, { type: 'records.save' }, 403)
    await send(links.viewer, { type: 'records.save' }, 403)
    const early = (await send(faye.token, { type: 'records.save' })).decision as DecisionJson
    expect(early).toMatchObject({
      id: expect.stringMatching(/^DR-\d+$/),
      status: 'proposed',
      title: proposal.title,
      decision: '',
      chosenOption: null,
      decisionMakers: ['Bo'],
      source: { roomId, template: 'disagree-and-commit', shapeIds: [proposalRegion] },
    })
    expect(early.history).toEqual([
      { status: 'proposed', by: 'Faye', at: expect.any(String), note: '' },
    ])
    const id = early.id
    expect(await apiJson<DecisionJson>(shared.server, `/api/decisions/${id}`)).toEqual(early)
    expect(idsOf(await apiJson(shared.server, '/api/decisions?status=proposed'))).toContain(id)

    // An action item with an owner, written on the board by Cy's client during the discussion.
    await phase('discussion')
    putShapes(
      cyClient.doc,
      noteShape({
        id: 'shape:action-load-test',
        text: 'Load-test the Zephyr bus before the cut-over',
        parentId: 'page:page',
        x: 0,
        y: 1600,
        index: 'aZ',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).has('shape:action-load-test'))
    await send(faye.token, {
      type: 'action.set',
      noteId: 'shape:action-load-test',
      text: 'Load-test the Zephyr bus before the cut-over',
      ownerId: dee.memberId,
      due: '2031-03-01',
    })

    // Stances on the fist-of-five scale, named: Cy dissents, with a reason.
    await phase('stances')
    const dissent = 'Nobody here has run a message broker in production'
    await send(faye.token, { type: 'stance.give', stance: 5 })
    await send(bo.token, { type: 'stance.give', stance: 4 })
    await send(cy.token, { type: 'stance.give', stance: 2, reason: dissent })
    await send(dee.token, { type: 'stance.give', stance: 3 })
    await phase('reveal')
    await send(faye.token, { type: 'stances.reveal' })

    // Bo decides; everyone commits, the dissenter included.
    await phase('decide')
    const decision = {
      outcome: 'accepted',
      option: 'Zephyr bus',
      decision: 'We adopt the Zephyr bus for all new services this quarter.',
      rationale: 'Polling load is what limits us; the operating cost is accepted.',
      consequences: 'We run a broker.\nServices stop polling each other.',
    }
    await send(bo.token, { type: 'decision.record', ...decision })
    await phase('commit')
    for (const member of [cy, dee, bo, faye]) await send(member.token, { type: 'commit' })
    await waitFor(
      () => (workshopData(fayeClient.doc).commitments as unknown[] | undefined)?.length === 4,
    )

    // The close settles the same record: accepted, the change logged.
    const closed = await send(faye.token, { type: 'workshop.close' })
    const saved = closed.records as { decision: DecisionJson; actions: ActionItemJson[] }
    expect(saved.decision.id).toBe(id)
    expect(saved.decision.status).toBe('accepted')
    expect(saved.actions).toEqual([
      expect.objectContaining({
        text: 'Load-test the Zephyr bus before the cut-over',
        ownerName: 'Dee',
        due: '2031-03-01',
        status: 'open',
        source: expect.objectContaining({ roomId, shapeIds: ['shape:action-load-test'] }),
      }),
    ])
    const stored = await storedResult<{ decision: { at: number } }>(shared.server, roomId, bo.token)
    const decidedOn = new Date(stored.result.decision.at).toISOString().slice(0, 10)

    // The log finds it by a word of its title, in any case; every word must match.
    for (const q of ['zephyr', 'ZEPHYR', 'zephyr bus', 'architecture review'])
      expect(
        idsOf(await apiJson(shared.server, `/api/decisions?q=${encodeURIComponent(q)}`)),
        q,
      ).toContain(id)
    expect(idsOf(await apiJson(shared.server, '/api/decisions?q=zephyr%20quokka'))).not.toContain(
      id,
    )
    // By the dissent's words too: they are part of the record.
    expect(idsOf(await apiJson(shared.server, '/api/decisions?q=message%20broker'))).toContain(id)

    // Every field.
    const record = await apiJson<DecisionJson>(shared.server, `/api/decisions/${id}`)
    expect(record).toEqual({
      id,
      number: Number(id.slice(3)),
      status: 'accepted',
      date: decidedOn,
      title: proposal.title,
      context: proposal.context,
      drivers: proposal.drivers,
      options: proposal.options,
      chosenOption: 'Zephyr bus',
      decision: decision.decision,
      rationale: decision.rationale,
      consequences: decision.consequences,
      // Nobody blocked: nothing to acknowledge.
      acknowledgment: '',
      decisionMakers: ['Bo'],
      consulted: ['Faye', 'Cy', 'Dee'],
      informed: proposal.informed,
      participants: ['Faye', 'Bo', 'Cy', 'Dee'],
      stances: expect.any(Array),
      dissent: [{ name: 'Cy', stance: '2 — Concerns', reason: dissent }],
      commitments: ['Cy', 'Dee', 'Bo', 'Faye'].map((name) => ({
        name,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      })),
      tags: proposal.tags,
      source: {
        roomId,
        workshopTitle: roomTitle,
        template: 'disagree-and-commit',
        shapeIds: [proposalRegion],
      },
      supersedes: null,
      supersededBy: null,
      history: [
        { status: 'proposed', by: 'Faye', at: early.history[0]!.at, note: '' },
        // Bo decided; Faye closed the workshop, which saved it.
        { status: 'accepted', by: 'Bo', at: expect.any(String), note: 'recorded by Faye' },
      ],
      // How the workshop reached it (rec:LG1); nobody committed after it was accepted.
      ledger: expect.any(Array),
    })
    expect(record.ledger.map((event) => event.kind)).toEqual([
      'proposed',
      ...record.ledger
        .slice(1, -2)
        .map(() => expect.stringMatching(/^(stances-opened|stance-given)$/)),
      'revealed',
      'decided',
    ])
    expect(record.ledger.filter((event) => event.kind === 'stance-given')).toHaveLength(4)
    expect([...record.stances].sort(byName)).toEqual([
      { name: 'Bo', stance: '4 — Support', reason: '' },
      { name: 'Cy', stance: '2 — Concerns', reason: dissent },
      { name: 'Dee', stance: '3 — Can live with it', reason: '' },
      { name: 'Faye', stance: '5 — Full support', reason: '' },
    ])
    // The board links back to it.
    const ofRoom = await apiJson<DecisionJson[]>(
      shared.server,
      `/api/rooms/${roomId}/decisions`,
      links.viewer,
    )
    expect(ofRoom).toEqual([record])

    // MADR Markdown, downloaded under a safe name.
    const madr = await api(shared.server, 'GET', `/api/decisions/${id}/export?format=md`)
    expect(madr.status).toBe(200)
    expect(madr.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    // As ADR tools name it: the number in four digits, then the title as a slug.
    expect(attachmentName(madr)).toBe(
      `${id.slice(3).padStart(4, '0')}-adopt-the-zephyr-event-bus-phase-1-2.md`,
    )
    expect(frontMatter(madr.text)).toMatchObject({
      status: 'accepted',
      date: decidedOn,
      'decision-makers': ['Bo'],
      deciders: ['Bo'],
      consulted: ['Faye', 'Cy', 'Dee'],
      informed: ['Platform team'],
      tags: ['event-bus'],
    })
    const body = madr.text
    const inOrder = [
      `# ${proposal.title}`,
      '* Status: accepted',
      '## Context and Problem Statement',
      'Services poll each other every second.',
      '## Decision Drivers',
      '* Load must not grow with every new service',
      '## Considered Options',
      '* Zephyr bus',
      '* Keep polling',
      '## Decision Outcome',
      `Chosen option: "Zephyr bus", because ${decision.rationale}`,
      decision.decision,
      '### Consequences',
      'We run a broker.',
      '## Pros and Cons of the Options',
      '### Zephyr bus',
      '* Good, because Decouples services',
      '* Good, because Events can be replayed',
      '* Bad, because New infrastructure',
      '### Keep polling',
      '## More Information',
      `* **Decision record:** ${id}`,
      // The board by its full address, so the link works once the file is pasted elsewhere.
      `board [${shared.server.url}/b/${roomId}](${shared.server.url}/b/${roomId})`,
      `* **Board shapes:** ${proposalRegion.replace(/_/g, '\\_')}`,
      '### Dissent',
      `* **Cy** (2 — Concerns): ${dissent}`,
      '### Commitments',
      '### Status history',
    ]
    let at = 0
    for (const part of inOrder) {
      const found = body.indexOf(part, at)
      expect(found, `"${part}" after offset ${at} in:\n${body}`).toBeGreaterThanOrEqual(0)
      at = found + part.length
    }
    const json = await api(shared.server, 'GET', `/api/decisions/${id}/export?format=json`)
    expect(json.status).toBe(200)
    expect(attachmentName(json)).toBe(`${id}-Adopt-the-Zephyr-event-bus-phase-1-2.json`)
    // Versioned, with the record exactly as the API reads it.
    expect(json.json()).toEqual({
      schema: 'accord.decision/1',
      decision: record,
      board: `${shared.server.url}/b/${roomId}`,
      madrFile: attachmentName(madr),
    })
    expect((await api(shared.server, 'GET', `/api/decisions/${id}/export?format=pdf`)).status).toBe(
      400,
    )

    // Another decision that shares a word, only proposed, decided by someone else: the filters
    // tell the two apart.
    const other = await quickDecision(shared, {
      roomTitle: 'Event retention',
      title: 'Zephyr retention period',
      decision: '',
      rationale: '',
      people: ['Gus'],
      proposedOnly: true,
    })
    const search = async (query: string) =>
      idsOf(await apiJson<DecisionJson[]>(shared.server, `/api/decisions?${query}`))
    const both = [id, other.decisionId]
    expect(await search('q=zephyr')).toEqual(expect.arrayContaining(both))
    const filters: [query: string, finds: string[], excludes: string[]][] = [
      ['q=zephyr&status=accepted', [id], [other.decisionId]],
      ['q=zephyr&status=proposed', [other.decisionId], [id]],
      ['q=zephyr&status=superseded', [], both],
      ['owner=bo', [id], [other.decisionId]],
      ['owner=%20GUS%20', [other.decisionId], [id]],
      ['owner=Faye', [], both], // consulted, not a decision-maker
      ['template=disagree-and-commit', both, []],
      ['template=retro', [], both],
      ['tag=EVENT-BUS', [id], [other.decisionId]],
      ['tag=zephyr', [], both],
      [`from=${decidedOn}&to=${decidedOn}&q=zephyr`, both, []],
      [`to=${dayBefore(decidedOn)}`, [], both],
      ['q=zephyr&status=accepted&owner=bo&template=disagree-and-commit', [id], [other.decisionId]],
    ]
    for (const [query, finds, excludes] of filters) {
      const found = await search(query)
      expect(found, query).toEqual(expect.arrayContaining(finds))
      for (const excluded of excludes) expect(found, query).not.toContain(excluded)
    }
    for (const bad of ['status=maybe', 'from=yesterday', `q=${'x'.repeat(201)}`]) {
      const answer = await api(shared.server, 'GET', `/api/decisions?${bad}`)
      expect(answer.status, bad).toBe(400)
      expect(answer.json()).toMatchObject({ error: 'invalid_query' })
    }
    for (const missing of ['DR-999999', 'AI-1', 'nonsense', 'dr-0'])
      expect((await api(shared.server, 'GET', `/api/decisions/${missing}`)).status, missing).toBe(
        404,
      )
  })

  it('[rec:RC2] "Record decision" keeps the record current while the workshop is open, and saves any time', async () => {
    const room = await quickDecision(shared, {
      roomTitle: 'Record early',
      title: 'Switch the CI runner to Quillfeather',
      decision: '',
      rationale: '',
      people: ['Bo'],
      proposedOnly: true,
    })
    const { faye, send, decisionId } = room
    // Saved again after the proposal changed: the same record, edited while proposed.
    await send(faye.token, {
      type: 'proposal.set',
      title: 'Switch the CI runner to Quillfeather v2',
      context: 'The old runner is end-of-life.',
      deciderId: room.people[0]!.memberId,
    })
    const again = (await send(faye.token, { type: 'records.save' })).decision as DecisionJson
    expect(again).toMatchObject({
      id: decisionId,
      status: 'proposed',
      title: 'Switch the CI runner to Quillfeather v2',
      context: 'The old runner is end-of-life.',
    })
    expect(again.history.map((event) => event.status)).toEqual(['proposed'])
    expect(idsOf(await apiJson(shared.server, '/api/decisions?q=quillfeather'))).toEqual([
      decisionId,
    ])

    // A workshop that has reached no decision saves none.
    const blank = await workshopRoom(shared, 'Just a board', {}, ['Bo'])
    const saved = await blank.send(blank.faye.token, { type: 'records.save' })
    expect(saved).toEqual({ decision: null, actions: [] })
    expect(
      await apiJson(shared.server, `/api/rooms/${blank.roomId}/decisions`, blank.faye.token),
    ).toEqual([])
  })
})
