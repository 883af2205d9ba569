/**
 * Revisiting a settled decision against the real server (rec:DR10): a facilitator of its workshop
 * opens a new disagree-and-commit starting from its words; the old record stays current while
 * the new one is proposed, and is superseded — its content as it was, both linked — only when
 * the new workshop accepts a decision of its own, with its own people, stances and commitments.
 */
import { describe, expect, it } from 'vitest'
import { docText, roomStateOf, workshopData } from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { api, apiJson, type DecisionJson, quickDecision } from '../support/records-api.js'
import { joinRoom } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

describe('revisiting a decision', () => {
  it('[rec:DR10] a new workshop starts from its words; it is superseded only once a new decision is accepted', async () => {
    const old = await quickDecision(shared, {
      roomTitle: 'Messaging decision',
      title: 'Use Marlinqueue for background jobs',
      context: 'Jobs run inside web requests today.',
      decision: 'Background jobs move to Marlinqueue.',
      rationale: 'It is the queue the team knows.',
      people: ['Bo'],
    })
    const read = (id: string) => apiJson<DecisionJson>(shared.server, `/api/decisions/${id}`)
    const before = await read(old.decisionId)

    // Only a facilitator of the workshop it came from; only in a disagree-and-commit.
    const create = (body: object) => api(shared.server, 'POST', '/api/rooms', { body })
    const revisit = (token: string) => ({ decisionId: old.decisionId, token })
    expect(
      (await create({ template: 'disagree-and-commit', revisit: revisit(old.people[0]!.token) }))
        .status,
    ).toBe(403)
    expect((await create({ template: 'retro', revisit: revisit(old.faye.token) })).status).toBe(400)
    expect(
      (
        await create({
          template: 'disagree-and-commit',
          revisit: { decisionId: 'DR-999999', token: old.faye.token },
        })
      ).status,
    ).toBe(404)
    const created = await create({
      template: 'disagree-and-commit',
      options: { scale: 'agreement' },
      revisit: revisit(old.faye.token),
    })
    expect(created.status).toBe(201)
    const room = created.json<{ id: string; title: string; tokens: Record<string, string> }>()
    expect(room.title).toBe(`Revisit ${old.decisionId}: Use Marlinqueue for background jobs`)

    // The new workshop, with its own people; the proposal starts from the old words.
    const faye = await joinRoom(shared.server, room.id, room.tokens.facilitator!, 'Faye')
    const cy = await joinRoom(shared.server, room.id, room.tokens.participant!, 'Cy')
    const client = shared.client(room.id, { token: faye.token })
    await client.whenSynced()
    expect(workshopData(client.doc)).toMatchObject({
      revisits: { id: old.decisionId, title: before.title, date: before.date },
      draft: { title: before.title, context: before.context },
    })
    const send = (token: string, body: Record<string, unknown>) =>
      api(shared.server, 'POST', `/api/rooms/${room.id}/commands`, { token, body })
    const phase = async (id: string) => {
      const phases = roomStateOf(client.doc).plan?.phases ?? []
      const index = phases.findIndex((p) => p.id === id)
      expect((await send(faye.token, { type: 'phase.set', index })).status).toBe(200)
      await waitFor(() => roomStateOf(client.doc).plan?.currentIndex === index)
    }
    expect(
      (
        await send(faye.token, {
          type: 'proposal.set',
          title: 'Use Pelicanstream for background jobs',
          context: 'Marlinqueue cannot keep jobs for a week.',
          deciderId: cy.memberId,
        })
      ).status,
    ).toBe(200)

    // Proposed: the old record stays current.
    const proposed = (await send(faye.token, { type: 'records.save' })).json<{
      decision: DecisionJson
    }>().decision
    expect(proposed).toMatchObject({ status: 'proposed', supersedes: null })
    expect(await read(old.decisionId)).toEqual(before)

    // Accepted at the close: the old record is superseded by it, unchanged but for its status.
    await phase('stances')
    await send(cy.token, { type: 'stance.give', stance: 'agree' })
    await phase('reveal')
    await send(faye.token, { type: 'stances.reveal' })
    await phase('decide')
    expect(
      (
        await send(cy.token, {
          type: 'decision.record',
          outcome: 'accepted',
          decision: 'Background jobs move to Pelicanstream.',
          rationale: 'Retention of a week.',
        })
      ).status,
    ).toBe(200)
    await phase('commit')
    await send(cy.token, { type: 'commit' })
    const closed = (await send(faye.token, { type: 'workshop.close' })).json<{
      records: { decision: DecisionJson }
    }>().records.decision
    expect(closed).toMatchObject({
      id: proposed.id,
      status: 'accepted',
      supersedes: old.decisionId,
      decisionMakers: ['Cy'],
      participants: ['Faye', 'Cy'],
      commitments: [{ name: 'Cy', at: expect.any(String) }],
    })
    const after = await read(old.decisionId)
    expect(after).toMatchObject({ status: 'superseded', supersededBy: proposed.id })
    const { status: _s, supersededBy: _b, history, ...content } = after
    const { status: _s0, supersededBy: _b0, history: history0, ...content0 } = before
    expect(content).toEqual(content0)
    expect(history.slice(0, -1)).toEqual(history0)
    expect(history.at(-1)).toMatchObject({ status: 'superseded', by: 'Cy' })

    // [rec:AG1] The old board says so too, in the text the server keeps in its Proposal region.
    const oldBoard = shared.client(old.roomId, { token: old.faye.token })
    await oldBoard.whenSynced()
    await waitFor(() =>
      docText(oldBoard.doc).includes(
        `Decision record: ${old.decisionId}, since superseded by ${proposed.id}.`,
      ),
    )

    // Superseded, it cannot be revisited again.
    const again = await create({
      template: 'disagree-and-commit',
      revisit: revisit(old.faye.token),
    })
    expect(again.status).toBe(409)
  })
  it('[rec:DR10][rec:AG1] a revisit’s proposal accepted on the record page supersedes the old record, and its board says so', async () => {
    const old = await quickDecision(shared, {
      roomTitle: 'Hosting decision',
      title: 'Host the wiki on Quokkapages',
      decision: 'The wiki moves to Quokkapages.',
      rationale: 'It is free.',
      people: ['Bo'],
    })
    const created = await api(shared.server, 'POST', '/api/rooms', {
      body: {
        template: 'disagree-and-commit',
        revisit: { decisionId: old.decisionId, token: old.faye.token },
      },
    })
    const room = created.json<{ id: string; tokens: Record<string, string> }>()
    const faye = await joinRoom(shared.server, room.id, room.tokens.facilitator!, 'Faye')
    const send = (body: Record<string, unknown>) =>
      api(shared.server, 'POST', `/api/rooms/${room.id}/commands`, { token: faye.token, body })
    await send({ type: 'proposal.set', title: 'Host the wiki ourselves', deciderId: faye.memberId })
    const proposed = (await send({ type: 'records.save' })).json<{ decision: DecisionJson }>()
      .decision
    expect(proposed).toMatchObject({ status: 'proposed', supersedes: null })

    const accepted = await api(shared.server, 'POST', `/api/decisions/${proposed.id}/status`, {
      token: faye.token,
      body: { status: 'accepted', note: 'Agreed in the hallway.' },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.json<DecisionJson>()).toMatchObject({
      status: 'accepted',
      supersedes: old.decisionId,
    })
    expect(
      await apiJson<DecisionJson>(shared.server, `/api/decisions/${old.decisionId}`),
    ).toMatchObject({ status: 'superseded', supersededBy: proposed.id })
    // Both boards say where their records stand now.
    const oldBoard = shared.client(old.roomId, { token: old.faye.token })
    const newBoard = shared.client(room.id, { token: faye.token })
    await Promise.all([oldBoard.whenSynced(), newBoard.whenSynced()])
    await waitFor(() =>
      docText(oldBoard.doc).includes(
        `Decision record: ${old.decisionId}, since superseded by ${proposed.id}.`,
      ),
    )
    await waitFor(() =>
      docText(newBoard.doc).includes(`Decision record: ${proposed.id} (accepted).`),
    )
  })
})
