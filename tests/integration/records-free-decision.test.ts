/**
 * "Record decision" on any board against the real server: a facilitator writes down a free-form
 * decision on a retro (or any board without decision steps of its own) — decided by members of the
 * workshop, from a frame of its board — and it is kept like every decision record; a hostile or
 * mistaken request is refused with what was wrong, and a disagree-and-commit keeps to its steps.
 */
import { describe, expect, it } from 'vitest'
import {
  boardRecords,
  frameShape,
  putShapes,
  regionFrame,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { api, apiJson, type DecisionJson } from '../support/records-api.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

describe('a free-form decision on any board', () => {
  it('[rec:DR9] is recorded from a frame of a retro, decided by members, and kept like any record', async () => {
    const { roomId, links, faye, people, clients, send } = await workshopRoom(
      shared,
      'Sprint 30 retro',
      { template: 'retro', options: { format: 'start-stop-continue' } },
      ['Bo', 'Cy'],
    )
    const [bo, cy] = people as [(typeof people)[0], (typeof people)[0]]
    const [fayeClient] = clients
    putShapes(
      fayeClient!.doc,
      frameShape({
        id: 'shape:theme-deploys',
        name: 'Friday deploys',
        parentId: 'page:page',
        x: 2000,
        y: 0,
        w: 400,
        h: 300,
        index: 'a9',
      }),
    )
    // Relayed to Bo's client, so the server has it.
    await waitFor(() => boardRecords(clients[1]!.doc).has('shape:theme-deploys'))
    const decision = {
      type: 'decision.create',
      title: 'No deploys on Fridays',
      context: 'Two Friday deploys broke weekends this quarter.',
      decision: 'We deploy Monday to Thursday only.',
      rationale: 'Someone is around to fix what breaks.',
      consequences: 'Fixes found on Friday wait until Monday.',
      decisionMakerIds: [bo.memberId, cy.memberId],
      shapeId: 'shape:theme-deploys',
      tags: ['release'],
    }

    // Only a facilitator; decision-makers are members of this workshop; the shape is on its board.
    await send(bo.token, decision, 403)
    await send(links.viewer, decision, 403)
    const refused = async (body: Record<string, unknown>, message: RegExp) => {
      const answer = await api(shared.server, 'POST', `/api/rooms/${roomId}/commands`, {
        token: faye.token,
        body: { ...decision, ...body },
      })
      expect(answer.status).toBe(400)
      expect((answer.json() as { message: string }).message).toMatch(message)
    }
    await refused({ decisionMakerIds: ['someone-else'] }, /members of this workshop/)
    await refused({ decisionMakerIds: [] }, /decision-maker/)
    await refused({ shapeId: 'shape:nowhere' }, /no such shape/)
    await refused({ decision: '   ' }, /^decision: must not be empty/)
    await refused({ status: 'superseded' }, /^status: /)

    const recorded = (await send(faye.token, decision)) as unknown as DecisionJson
    expect(recorded).toMatchObject({
      id: expect.stringMatching(/^DR-\d+$/),
      status: 'accepted',
      title: decision.title,
      context: decision.context,
      decision: decision.decision,
      rationale: decision.rationale,
      consequences: decision.consequences,
      decisionMakers: ['Bo', 'Cy'],
      participants: [],
      stances: [],
      commitments: [],
      tags: ['release'],
      source: {
        roomId,
        workshopTitle: 'Sprint 30 retro',
        template: 'retro',
        shapeIds: ['shape:theme-deploys'],
      },
      history: [{ status: 'accepted', by: 'Bo', at: expect.any(String), note: 'recorded by Faye' }],
      ledger: [],
    })
    expect(await apiJson(shared.server, `/api/decisions/${recorded.id}`)).toEqual(recorded)

    // A second one, proposed and from no shape: its own record; the board lists both.
    const proposed = (await send(faye.token, {
      ...decision,
      title: 'Pair on every hotfix',
      decision: 'Hotfixes are written in pairs.',
      status: 'proposed',
      shapeId: null,
      decisionMakerIds: [faye.memberId],
    })) as unknown as DecisionJson
    expect(proposed).toMatchObject({ status: 'proposed', source: { shapeIds: [] } })
    expect(proposed.history).toEqual([
      { status: 'proposed', by: 'Faye', at: expect.any(String), note: '' },
    ])
    const ofRoom = () =>
      apiJson<DecisionJson[]>(shared.server, `/api/rooms/${roomId}/decisions`, links.viewer)
    expect((await ofRoom()).map((d) => d.id)).toEqual([recorded.id, proposed.id])

    // Closing the retro keeps both as they were; its MADR file is like any other.
    await send(faye.token, { type: 'workshop.close' })
    expect(await ofRoom()).toEqual([recorded, proposed])
    const madr = await api(shared.server, 'GET', `/api/decisions/${recorded.id}/export?format=md`)
    expect(madr.status).toBe(200)
    expect(madr.text).toContain('# No deploys on Fridays')
    expect(madr.text).toContain('We deploy Monday to Thursday only.')
    expect(regionFrame(fayeClient!.doc, 'start').id).toBeTruthy()
  })

  it('[rec:DR9] a disagree-and-commit records its decision through its steps only', async () => {
    const { faye, people, send } = await workshopRoom(
      shared,
      'Database choice',
      { template: 'disagree-and-commit', options: { scale: 'agreement' } },
      ['Bo'],
    )
    const answer = await send(
      faye.token,
      {
        type: 'decision.create',
        title: 'Use PostgreSQL',
        decision: 'We use PostgreSQL.',
        decisionMakerIds: [people[0]!.memberId],
      },
      409,
    )
    expect(String(answer.message)).toMatch(/through its steps/)
  })
})
