/**
 * A pre-mortem against the real server, ranked by likelihood × impact: the brief and its owner,
 * silent writing, the round-robin share (plan owner first), risks clustered by a client on the
 * board, secret scoring, mitigations with owners, and the stored risk register.
 */
import { describe, expect, it } from 'vitest'
import {
  docText,
  frameShape,
  getJson,
  noteWithText,
  notesOf,
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

describe('pre-mortem', () => {
  it('[fac:RR1][fac:RR2][fac:RR3][tpl:PM1][tpl:PM2] runs to a risk register ranked by likelihood × impact', async () => {
    const prompt = 'It is March. The billing migration failed. Why?'
    const { roomId, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      'Billing migration pre-mortem',
      { template: 'pre-mortem', options: { ranking: 'scores', prompt } },
      ['Bo', 'Cy', 'Dee'],
    )
    const [bo, cy, dee] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
    const [fayeClient, boClient, cyClient] = clients as [TestClient, TestClient, TestClient]
    expect(roomStateOf(boClient.doc).plan?.phases.map((p) => p.id)).toEqual([
      'brief',
      'failure',
      'share',
      'cluster',
      'rank',
      'mitigate',
      'close',
    ])

    // The brief: the plan and its owner, Bo.
    const statement = 'Move every customer to the new billing system by February.'
    await send(bo.token, { type: 'brief.set', statement, ownerId: bo.memberId }, 403)
    await send(faye.token, { type: 'brief.set', statement, ownerId: bo.memberId })
    await waitFor(() => workshopData(cyClient.doc).plan !== null)
    expect(workshopData(cyClient.doc).plan).toEqual({
      statement,
      ownerId: bo.memberId,
      ownerName: 'Bo',
    })

    // "It failed": silent writing for the reasons region. Cy starts writing first, Bo last.
    await phase('failure')
    expect(roomStateOf(cyClient.doc).plan?.phases[1]?.name).toBe('It failed')
    const reasons: [(typeof people)[0], string][] = [
      [cy, 'The vendor API rate-limits us'],
      [dee, 'Finance never signed off the cut-over'],
      [bo, 'Nobody owned the data mapping'],
      [cy, 'Support was not trained'],
      [bo, 'Old invoices did not convert'],
      [bo, 'We ran out of QA time'],
    ]
    const ids = new Map<string, string>()
    for (const [member, text] of reasons) {
      const answer = await send(member.token, { type: 'notes.add', text, region: 'reasons' })
      ids.set(text, (answer.note as { id: string }).id)
    }

    // Round-robin: the plan owner first, then in the order people began writing; one reason per
    // turn, passing over whoever has nothing left.
    await phase('share')
    await send(faye.token, { type: 'turns.start', firstMemberId: bo.memberId })
    await waitFor(() => roomStateOf(cyClient.doc).turns?.current === 0)
    expect(roomStateOf(cyClient.doc).turns).toEqual({
      order: [
        { memberId: bo.memberId, name: 'Bo' },
        { memberId: cy.memberId, name: 'Cy' },
        { memberId: dee.memberId, name: 'Dee' },
      ],
      current: 0,
      shared: 0,
    })
    const outOfTurn = await send(
      cy.token,
      { type: 'notes.reveal', scope: 'turn', noteId: ids.get('The vendor API rate-limits us') },
      409,
    )
    expect(outOfTurn).toEqual({ error: 'refused', message: "it is Bo's turn" })
    await send(
      faye.token,
      { type: 'notes.reveal', scope: 'turn', noteId: ids.get('Nobody owned the data mapping') },
      409,
    )
    const turns: [(typeof people)[0], string, number | null][] = [
      [bo, 'Nobody owned the data mapping', 1],
      [cy, 'The vendor API rate-limits us', 2],
      [dee, 'Finance never signed off the cut-over', 0],
      [bo, 'Old invoices did not convert', 1],
      [cy, 'Support was not trained', 0], // Dee has nothing left: passed over
      [bo, 'We ran out of QA time', null],
    ]
    for (const [member, text, next] of turns) {
      const answer = await send(member.token, {
        type: 'notes.reveal',
        scope: 'turn',
        noteId: ids.get(text),
      })
      expect(answer).toMatchObject({ revealed: 1, state: { turns: { current: next } } })
    }
    await waitFor(() => roomStateOf(fayeClient.doc).turns?.current === null)
    expect(roomStateOf(fayeClient.doc).turns?.shared).toBe(6)
    await waitFor(() => notesOf(boClient.doc).length === 6, { what: 'every reason shared' })
    const reasonsFrame = regionFrame(boClient.doc, 'reasons')
    for (const note of notesOf(boClient.doc)) expect(note.parentId).toBe(reasonsFrame.id)
    await send(faye.token, { type: 'turns.skip' }, 409) // nothing left to share

    // Cy clusters the reasons into risks, in frames inside the reasons region.
    await phase('cluster')
    const risks = {
      vendor: 'shape:risk-vendor',
      data: 'shape:risk-data',
      people: 'shape:risk-people',
    }
    const risk = (id: string, name: string, y: number, index: string) =>
      frameShape({ id, name, parentId: reasonsFrame.id, x: 16, y, w: 1000, h: 260, index })
    const into = (text: string, parentId: string, x: number) => {
      const note = noteWithText(cyClient.doc, text)
      if (!note) throw new Error(`${text} is not on Cy's board`)
      return { ...note, parentId, x, y: 48 }
    }
    putShapes(
      cyClient.doc,
      risk(risks.vendor, 'Vendor limits', 800, 'a7'),
      into('The vendor API rate-limits us', risks.vendor, 16),
    )
    putShapes(
      cyClient.doc,
      risk(risks.data, 'Data conversion', 1100, 'a8'),
      into('Nobody owned the data mapping', risks.data, 16),
      into('Old invoices did not convert', risks.data, 256),
    )
    putShapes(
      cyClient.doc,
      risk(risks.people, 'People not ready', 1400, 'a9'),
      into('Support was not trained', risks.people, 16),
      into('Finance never signed off the cut-over', risks.people, 256),
    )
    await waitFor(
      () =>
        noteWithText(fayeClient.doc, 'Finance never signed off the cut-over')?.parentId ===
        risks.people,
      { what: 'the risks on the facilitator’s board' },
    )

    // Everyone scores on their own; nobody's scores reach any client until the scoring closes.
    await phase('rank')
    const sheets = {
      bo: [
        { riskId: risks.vendor, likelihood: 2, impact: 3 },
        { riskId: risks.data, likelihood: 4, impact: 5 },
        { riskId: risks.people, likelihood: 3, impact: 2 },
      ],
      cy: [
        { riskId: risks.data, likelihood: 3, impact: 4 },
        { riskId: risks.people, likelihood: 4, impact: 4 },
      ],
    }
    await send(
      bo.token,
      { type: 'risk.score', scores: [{ ...sheets.bo[0]!, riskId: 'shape:nope' }] },
      409,
    )
    expect(await send(bo.token, { type: 'risk.score', scores: sheets.bo })).toMatchObject({
      submitted: Object.fromEntries(sheets.bo.map(({ riskId, ...score }) => [riskId, score])),
    })
    await send(cy.token, { type: 'risk.score', scores: sheets.cy })
    await waitFor(
      () =>
        clients.every(
          (client) => (workshopData(client.doc).scorers as string[] | undefined)?.length === 2,
        ),
      { what: 'both scorers listed on every client' },
    )
    expect(workshopData(boClient.doc).scorers).toEqual([bo.memberId, cy.memberId])
    for (const client of clients) {
      expect(workshopData(client.doc).scores).toBeNull()
      expect(docText(client.doc)).not.toContain('"likelihood":')
      expect(docText(client.doc)).not.toContain('"impact":')
    }
    expect(
      (await getJson(shared.server, `/api/rooms/${roomId}/submissions/risk-scores`, cy.token)).body,
    ).toEqual({ value: Object.fromEntries(sheets.cy.map(({ riskId, ...s }) => [riskId, s])) })
    await send(bo.token, { type: 'scores.close' }, 403)
    await send(faye.token, { type: 'scores.close' })
    await waitFor(() => workshopData(cyClient.doc).scores !== null)
    expect(docText(cyClient.doc)).toContain('"likelihood":') // what the check above looks for
    // Means per risk over those who scored it; the score is their product, to one decimal.
    expect(workshopData(cyClient.doc).scores).toEqual({
      [risks.vendor]: { likelihood: 2, impact: 3, score: 6, raters: 1 },
      [risks.data]: { likelihood: 3.5, impact: 4.5, score: 15.8, raters: 2 },
      [risks.people]: { likelihood: 3.5, impact: 3, score: 10.5, raters: 2 },
    })
    await send(cy.token, { type: 'risk.score', scores: sheets.cy }, 409) // closed

    // Mitigations, one owner each, for the top risks.
    await phase('mitigate')
    await send(faye.token, {
      type: 'risk.mitigate',
      riskId: risks.data,
      mitigation: 'Dry-run the conversion on last year’s invoices',
      ownerId: cy.memberId,
    })
    await send(faye.token, {
      type: 'risk.mitigate',
      riskId: risks.people,
      mitigation: 'Train support two weeks ahead',
      ownerId: dee.memberId,
    })
    await send(
      faye.token,
      { type: 'risk.mitigate', riskId: reasonsFrame.id, mitigation: 'x', ownerId: cy.memberId },
      409, // a region is not a risk
    )

    await send(faye.token, { type: 'workshop.close' })
    const stored = await storedResult(shared.server, roomId, bo.token)
    expect(stored.template).toBe('pre-mortem')
    const result = stored.result
    expect(result.template).toBe('pre-mortem')
    expect(result.title).toBe('Billing migration pre-mortem')
    expect(result.prompt).toBe(prompt)
    expect(result.plan).toEqual({ statement, ownerId: bo.memberId, ownerName: 'Bo' })
    expect(result.ranking).toBe('scores')
    expect(result.risks).toEqual([
      {
        id: risks.data,
        name: 'Data conversion',
        reasons: ['Nobody owned the data mapping', 'Old invoices did not convert'],
        dots: null,
        likelihood: 3.5,
        impact: 4.5,
        score: 15.8,
        rank: 1,
        mitigation: {
          text: 'Dry-run the conversion on last year’s invoices',
          ownerId: cy.memberId,
          ownerName: 'Cy',
        },
      },
      {
        id: risks.people,
        name: 'People not ready',
        reasons: ['Finance never signed off the cut-over', 'Support was not trained'],
        dots: null,
        likelihood: 3.5,
        impact: 3,
        score: 10.5,
        rank: 2,
        mitigation: {
          text: 'Train support two weeks ahead',
          ownerId: dee.memberId,
          ownerName: 'Dee',
        },
      },
      {
        id: risks.vendor,
        name: 'Vendor limits',
        reasons: ['The vendor API rate-limits us'],
        dots: null,
        likelihood: 2,
        impact: 3,
        score: 6,
        rank: 3,
        mitigation: null,
      },
    ])
    expect(result.unclustered).toEqual(['We ran out of QA time'])
    expect(result.actions).toEqual([])
    expect(result.participants).toEqual([
      { id: faye.memberId, name: 'Faye', role: 'facilitator' },
      { id: bo.memberId, name: 'Bo', role: 'participant' },
      { id: cy.memberId, name: 'Cy', role: 'participant' },
      { id: dee.memberId, name: 'Dee', role: 'participant' },
    ])
  })
})
