/**
 * Disagree-and-commit against the real server, in an anonymous room on the agreement scale:
 * stances stay on the server until the reveal, the dissent is revealed without names, only the
 * decider decides, everyone commits, and the decision is stored at the close.
 */
import { describe, expect, it } from 'vitest'
import {
  boardRecords,
  docText,
  getJson,
  noteShape,
  putShapes,
  regionFrame,
  roomStateOf,
  storedResult,
  workshopData,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

interface Stance {
  value: string
  reason: string
  memberId: string | null
  name: string | null
}

const byReason = (a: { reason: string }, b: { reason: string }) => a.reason.localeCompare(b.reason)

describe('disagree and commit', () => {
  it('[tpl:DC1][tpl:DC2][tpl:DC3] anonymous: hidden stances, nameless dissent, the decider’s decision, commitments', async () => {
    const { roomId, links, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      'Database decision',
      { template: 'disagree-and-commit', options: { anonymous: true, scale: 'agreement' } },
      ['Bo', 'Cy', 'Dee'],
    )
    const [bo, cy, dee] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
    const [fayeClient, , cyClient] = clients as [TestClient, TestClient, TestClient]
    const viewer = shared.client(roomId, { token: links.viewer })
    await viewer.whenSynced()
    const everyone = [...clients, viewer]
    expect(roomStateOf(viewer.doc).plan?.phases.map((p) => p.id)).toEqual([
      'proposal',
      'discussion',
      'stances',
      'reveal',
      'decide',
      'commit',
      'close',
    ])
    expect(roomStateOf(viewer.doc).settings).toEqual({ anonymous: true })

    // The proposal, the options considered, and who decides: Bo.
    const proposal = {
      title: 'Move to PostgreSQL',
      context: 'SQLite limits us to one writer.',
      options: [
        { title: 'PostgreSQL', pros: 'Concurrent writes', cons: 'More to operate' },
        { title: 'Stay on SQLite', pros: 'Simple', cons: 'Write contention' },
      ],
    }
    await send(cy.token, { type: 'proposal.set', ...proposal, deciderId: cy.memberId }, 403)
    await send(faye.token, { type: 'proposal.set', ...proposal, deciderId: bo.memberId })

    // Discussion: a concern on the board, in its region.
    await phase('discussion')
    const concerns = regionFrame(cyClient.doc, 'concerns')
    putShapes(
      cyClient.doc,
      noteShape({
        id: 'shape:concern',
        text: 'Who runs backups?',
        parentId: concerns.id,
        x: 24,
        y: 100,
        index: 'a5',
      }),
    )
    await waitFor(() => boardRecords(fayeClient.doc).get('shape:concern')?.parentId === concerns.id)

    // Hidden stances: a block needs a reason; the stances stay on the server.
    await phase('stances')
    const reasons = {
      block: 'On-call cannot absorb a second database',
      dissent: 'The migration window is too tight',
    }
    await send(bo.token, { type: 'stance.give', stance: 'agree' })
    expect(await send(cy.token, { type: 'stance.give', stance: 'block' }, 409)).toEqual({
      error: 'refused',
      message: 'a block needs a reason',
    })
    await send(cy.token, { type: 'stance.give', stance: 3 }, 409) // not on this scale
    await send(cy.token, { type: 'stance.give', stance: 'block', reason: reasons.block })
    await send(dee.token, {
      type: 'stance.give',
      stance: 'disagree-commit',
      reason: reasons.dissent,
    })
    await send(faye.token, { type: 'stance.give', stance: 'agree' })
    await send(links.viewer, { type: 'stance.give', stance: 'agree' }, 403)
    await waitFor(
      () =>
        everyone.every(
          (client) => (workshopData(client.doc).given as unknown[] | undefined)?.length === 4,
        ),
      { what: 'who has given a stance, on every client' },
    )
    for (const client of everyone) {
      expect(workshopData(client.doc).stances).toBeNull()
      const text = docText(client.doc)
      for (const secret of [
        reasons.block,
        reasons.dissent,
        '"agree"',
        '"block"',
        'disagree-commit',
      ])
        expect(text, secret).not.toContain(secret)
    }
    expect(
      (await getJson(shared.server, `/api/rooms/${roomId}/submissions/stance`, cy.token)).body,
    ).toEqual({ value: { value: 'block', reason: reasons.block, round: 0 } })
    // Nor can the facilitator read them early (or tie them to people) in the audit log: it keeps
    // that a stance was given, by whom, but not which.
    const audit = await getJson(shared.server, `/api/rooms/${roomId}/audit`, faye.token)
    expect(audit.status).toBe(200)
    const given = (audit.body as { type: string; memberId: string; payload: unknown }[]).filter(
      (entry) => entry.type === 'stance.give',
    )
    expect(given.map((entry) => entry.memberId)).toContain(cy.memberId)
    for (const secret of [reasons.block, reasons.dissent, 'agree', 'block'])
      expect(JSON.stringify(given), secret).not.toContain(secret)
    await send(
      bo.token,
      { type: 'decision.record', outcome: 'accepted', decision: 'x', rationale: 'y' },
      409, // not before the reveal
    )

    // The reveal: every stance, with no name and no member id.
    await phase('reveal')
    await send(cy.token, { type: 'stances.reveal' }, 403)
    await send(faye.token, { type: 'stances.reveal' })
    await waitFor(() => everyone.every((client) => Array.isArray(workshopData(client.doc).stances)))
    const revealed = workshopData(viewer.doc).stances as Stance[]
    expect([...revealed].sort(byReason)).toEqual(
      [
        { value: 'agree', reason: '' },
        { value: 'agree', reason: '' },
        { value: 'block', reason: reasons.block },
        { value: 'disagree-commit', reason: reasons.dissent },
      ]
        .map((stance) => ({ ...stance, memberId: null, name: null }))
        .sort(byReason),
    )
    const revealedText = JSON.stringify(revealed)
    for (const who of [bo, cy, dee, faye]) expect(revealedText).not.toContain(who.memberId)
    await send(dee.token, { type: 'stance.give', stance: 'agree' }, 409) // too late

    // Only the decider decides, having heard the dissent.
    await phase('decide')
    const decision = {
      outcome: 'accepted',
      option: 'PostgreSQL',
      decision: 'We move to PostgreSQL this quarter.',
      rationale: 'Write contention is the bottleneck; the ops cost is accepted.',
    }
    expect(await send(faye.token, { type: 'decision.record', ...decision }, 409)).toEqual({
      error: 'refused',
      message: 'only Bo, who decides, records the decision',
    })
    // Cy blocked: accepting over it needs an acknowledgment of how the block was heard.
    expect(await send(bo.token, { type: 'decision.record', ...decision }, 409)).toEqual({
      error: 'refused',
      message: 'accepting over a block needs an acknowledgment: say how the block was heard',
    })
    const acknowledgment = 'We heard the block: the migration waits for the new backups.'
    await send(bo.token, { type: 'decision.record', ...decision, acknowledgment })

    // Everyone commits explicitly, dissenters included; the room shows who has.
    await phase('commit')
    for (const member of [cy, dee, bo]) await send(member.token, { type: 'commit' })
    await send(cy.token, { type: 'commit' }, 409) // once
    await waitFor(
      () => (workshopData(viewer.doc).commitments as unknown[] | undefined)?.length === 3,
    )
    expect((workshopData(viewer.doc).commitments as { name: string }[]).map((c) => c.name)).toEqual(
      ['Cy', 'Dee', 'Bo'],
    )

    await send(faye.token, { type: 'workshop.close' })
    const stored = await storedResult(shared.server, roomId, links.viewer)
    expect(stored.template).toBe('disagree-and-commit')
    const result = stored.result
    expect(result.template).toBe('disagree-and-commit')
    expect(result.title).toBe('Move to PostgreSQL')
    expect(result.scale).toBe('agreement')
    expect(result.anonymous).toBe(true)
    // Sent without drivers, people to inform or tags: they default to none.
    expect(result.proposal).toEqual({
      ...proposal,
      drivers: [],
      informed: [],
      tags: [],
      deciderId: bo.memberId,
      deciderName: 'Bo',
    })
    expect(result.stances).toEqual(revealed)
    expect(result.summary).toEqual({
      count: 4,
      distribution: { agree: 2, 'disagree-commit': 1, block: 1 },
      average: null,
      blocks: 1,
      dissenting: 2,
    })
    expect([...(result.dissent as Stance[])].sort(byReason)).toEqual([
      { value: 'block', reason: reasons.block, memberId: null, name: null },
      { value: 'disagree-commit', reason: reasons.dissent, memberId: null, name: null },
    ])
    expect(result.decision).toEqual({
      outcome: 'accepted',
      option: 'PostgreSQL',
      text: decision.decision,
      rationale: decision.rationale,
      consequences: '',
      acknowledgment,
      deciderId: bo.memberId,
      deciderName: 'Bo',
      at: expect.any(Number),
    })
    expect(result.commitments).toEqual([
      { memberId: cy.memberId, name: 'Cy', at: expect.any(Number) },
      { memberId: dee.memberId, name: 'Dee', at: expect.any(Number) },
      { memberId: bo.memberId, name: 'Bo', at: expect.any(Number) },
    ])
    expect(result.notCommitted).toEqual([{ id: faye.memberId, name: 'Faye' }])
    expect(result.actions).toEqual([])
    expect(result.participants).toEqual([
      { id: faye.memberId, name: 'Faye', role: 'facilitator' },
      { id: bo.memberId, name: 'Bo', role: 'participant' },
      { id: cy.memberId, name: 'Cy', role: 'participant' },
      { id: dee.memberId, name: 'Dee', role: 'participant' },
    ])
  })

  it('[tpl:DC5] a proposal reworded after stances sets them aside: everyone sees it and gives again', async () => {
    const { roomId, links, faye, people, send, phase } = await workshopRoom(
      shared,
      'Reworded decision',
      { template: 'disagree-and-commit', options: { scale: 'agreement' } },
      ['Bo', 'Cy'],
    )
    const [bo, cy] = people as [(typeof people)[0], (typeof people)[0]]
    const viewer = shared.client(roomId, { token: links.viewer })
    await viewer.whenSynced()
    const wording = (title: string) => ({ type: 'proposal.set', title, deciderId: bo.memberId })
    await send(faye.token, wording('Move to PostgreSQL'))
    await phase('stances')
    await send(cy.token, { type: 'stance.give', stance: 'block', reason: 'Not before launch' })
    await send(bo.token, { type: 'stance.give', stance: 'agree' })

    // Reworded: the two stances are set aside; everyone's copy says so.
    await send(faye.token, wording('Move to PostgreSQL after the launch'))
    await waitFor(() => workshopData(viewer.doc).round === 1)
    expect(workshopData(viewer.doc)).toMatchObject({
      given: [],
      proposalChanged: { byName: 'Faye', setAside: 2 },
    })
    expect(JSON.stringify(workshopData(viewer.doc))).not.toContain('Not before launch')

    // Only what is given on the new wording is revealed.
    await send(cy.token, { type: 'stance.give', stance: 'agree' })
    await phase('reveal')
    await send(faye.token, { type: 'stances.reveal' })
    await waitFor(() => Array.isArray(workshopData(viewer.doc).stances))
    expect(workshopData(viewer.doc).stances).toEqual([
      { value: 'agree', reason: '', memberId: cy.memberId, name: 'Cy' },
    ])
  })
})
