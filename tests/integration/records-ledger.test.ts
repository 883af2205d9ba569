/**
 * A decision's ledger against the real server: a commitment made after the workshop closed is
 * appended to its accepted record at once — no one saves the workshop again — and the record's
 * content stays as it was fixed; the record page's API, the log, the board and the exports agree.
 */
import { describe, expect, it } from 'vitest'
import { workshopData, workshopRoom } from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { api, apiJson, type DecisionJson, quickDecision } from '../support/records-api.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

/** A record without its commitments and ledger: what a late commitment leaves exactly as it was. */
const fixedPart = ({ commitments: _c, ledger: _l, ...rest }: DecisionJson) => rest

describe("a decision's ledger", () => {
  it('[rec:DR4] a commitment after the close joins the accepted record at once, which is not edited', async () => {
    const { roomId, people, clients, send, faye, decisionId } = await quickDecision(shared, {
      roomTitle: 'Release cadence',
      title: 'Release every two weeks',
      decision: 'We release every second Tuesday.',
      rationale: 'Smaller releases are easier to roll back.',
      people: ['Bo', 'Cy'],
      holdOut: ['Cy'],
    })
    const cy = people[1]!
    const read = () => apiJson<DecisionJson>(shared.server, `/api/decisions/${decisionId}`)
    const closed = await read()
    expect(closed.status).toBe('accepted')
    expect(closed.commitments.map((c) => c.name)).toEqual(['Faye', 'Bo'])
    const acceptedAt = closed.history.find((event) => event.status === 'accepted')!.at

    // Cy commits on the board after the close.
    await send(cy.token, { type: 'commit' })
    const now = await read()
    expect(now.commitments.map((c) => c.name)).toEqual(['Faye', 'Bo', 'Cy'])
    expect(Date.parse(now.commitments[2]!.at)).toBeGreaterThanOrEqual(Date.parse(acceptedAt))
    expect(fixedPart(now)).toEqual(fixedPart(closed)) // same content, same history, same status
    // After the workshop's own events (rec:LG1), the late commitment.
    const after = (record: DecisionJson) => record.ledger.filter((e) => e.kind === 'committed')
    expect(after(closed)).toEqual([])
    expect(now.ledger.slice(0, -1)).toEqual(closed.ledger)
    expect(after(now)).toEqual([
      { kind: 'committed', by: 'Cy', at: now.commitments[2]!.at, note: '' },
    ])

    // Every view says the same: the log, the board's data, the MADR file and the JSON export.
    const [logged] = await apiJson<DecisionJson[]>(shared.server, `/api/decisions?q=second+tuesday`)
    expect(logged).toEqual(now)
    await waitFor(
      () =>
        (workshopData(clients[0]!.doc).commitments as { name: string }[] | undefined)?.length === 3,
    )
    expect(
      (workshopData(clients[0]!.doc).commitments as { name: string }[]).map((c) => c.name),
    ).toEqual(['Faye', 'Bo', 'Cy'])
    const madr = await api(shared.server, 'GET', `/api/decisions/${decisionId}/export?format=md`)
    expect(madr.text).toMatch(/^\* Cy — committed \d{4}-\d{2}-\d{2} \d{2}:\d{2}/m)
    expect(madr.text).not.toContain('Not committed')
    const json = await api(shared.server, 'GET', `/api/decisions/${decisionId}/export?format=json`)
    expect((json.json() as { decision: DecisionJson }).decision).toEqual(now)

    // Committing twice is refused; closing again neither duplicates it nor makes a new record.
    await send(cy.token, { type: 'commit' }, 409)
    await send(faye.token, { type: 'workshop.close' })
    expect(await read()).toEqual(now)
    const ofRoom = await apiJson<DecisionJson[]>(shared.server, `/api/decisions?q=release`)
    expect(ofRoom.filter((d) => d.source.roomId === roomId)).toHaveLength(1)
  })
  it('[rec:LG1] how the workshop reached the decision is in its ledger, with who and when — never a hidden stance', async () => {
    const { roomId, faye, people, send, phase } = await workshopRoom(
      shared,
      'Ledger decision',
      { template: 'disagree-and-commit' },
      ['Bo', 'Cy'],
    )
    const [bo, cy] = [people[0]!, people[1]!]
    const proposal = {
      type: 'proposal.set',
      title: 'Adopt trunk-based development',
      deciderId: bo.memberId,
    }
    await send(faye.token, proposal)
    await phase('stances')
    await send(cy.token, { type: 'stance.give', stance: 0, reason: 'Not before CI is faster' })
    // Reworded after a stance: Cy's is set aside; Cy gives one again, then changes it.
    await send(faye.token, { ...proposal, title: 'Adopt trunk-based development in Q3' })
    await send(cy.token, {
      type: 'stance.give',
      stance: 0,
      reason: 'Still not before CI is faster',
    })
    await send(cy.token, { type: 'stance.give', stance: 0, reason: 'CI first' })
    await send(bo.token, { type: 'stance.give', stance: 4 })
    await phase('reveal')
    await send(faye.token, { type: 'stances.reveal' })
    await phase('decide')
    await send(bo.token, {
      type: 'decision.record',
      outcome: 'accepted',
      decision: 'Trunk-based from July.',
      rationale: 'Merges hurt.',
      acknowledgment: 'CI gets faster first.',
    })
    const saved = await send(faye.token, { type: 'records.save' })
    const id = (saved.decision as DecisionJson).id
    const record = await apiJson<DecisionJson>(shared.server, `/api/decisions/${id}`)
    expect(record.ledger.map(({ kind, by, note }) => [kind, by, note])).toEqual([
      ['proposed', 'Faye', 'Adopt trunk-based development'],
      ['stances-opened', 'Faye', ''],
      ['stance-given', 'Cy', ''],
      ['proposal-changed', 'Faye', 'Adopt trunk-based development in Q3 (1 stance set aside)'],
      ['stance-given', 'Cy', ''],
      ['stance-changed', 'Cy', ''],
      ['stance-given', 'Bo', ''],
      ['revealed', 'Faye', '2 stances'],
      ['decided', 'Bo', 'accepted'],
      ['block-acknowledged', 'Bo', 'CI gets faster first.'],
    ])
    expect(record.ledger.every((event) => !Number.isNaN(Date.parse(event.at)))).toBe(true)
    // Nothing of a stance's value or reason is in an event.
    expect(JSON.stringify(record.ledger)).not.toContain('CI first')
    // The record's MADR file has the same ledger.
    const madr = await api(shared.server, 'GET', `/api/decisions/${id}/export`)
    expect(madr.text).toContain('### Ledger')
    expect(madr.text).toContain('— Cy changed their stance')
    expect(madr.text).toContain('— Bo acknowledged the block: CI gets faster first.')
    expect(roomId).toBe(record.source.roomId)
  })
})
