/**
 * Immutable decision history against the real server: a settled decision changes only by a new
 * record that supersedes it — both link to each other, the original's content stays exactly as it
 * was — and status changes are logged with who and when; only a facilitator of the workshop a
 * record came from may make either.
 */
import { describe, expect, it } from 'vitest'
import { docText } from '../support/board-records.js'
import { createRoom, joinRoom, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'
import { useSharedServer } from '../support/fixtures.js'
import {
  api,
  apiJson,
  attachmentName,
  type DecisionJson,
  idsOf,
  quickDecision,
} from '../support/records-api.js'

const shared = useSharedServer()

/** A record without what superseding may change on the original. */
const contentOf = ({ status: _s, supersededBy: _b, history: _h, ...content }: DecisionJson) =>
  content

describe('superseding decisions', () => {
  it('[rec:DR3] a facilitator supersedes an accepted decision: linked both ways, the original unchanged', async () => {
    const { roomId, links, faye, people, send, decisionId } = await quickDecision(shared, {
      roomTitle: 'Messaging decision',
      title: 'Use Marlinqueue for background jobs',
      context: 'Jobs run inside web requests today.',
      decision: 'Background jobs move to Marlinqueue.',
      rationale: 'It is the queue the team knows.',
      people: ['Bo', 'Cy'],
    })
    const bo = people[0]!
    const before = await apiJson<DecisionJson>(shared.server, `/api/decisions/${decisionId}`)
    expect(before).toMatchObject({ status: 'accepted', supersedes: null, supersededBy: null })

    const change = {
      decision: 'Background jobs move to Pelicanstream.',
      rationale: 'Marlinqueue cannot keep jobs for a week.',
      tags: ['messaging', 'jobs'],
      note: 'The retention requirement changed',
    }
    const supersede = (token: string | undefined, body: unknown = change, id = decisionId) =>
      api(shared.server, 'POST', `/api/decisions/${id}/supersede`, {
        ...(token === undefined ? {} : { token }),
        body,
      })

    // Only a facilitator of this record's workshop.
    const elsewhere = await createRoom(shared.server, 'Another workshop')
    const stranger = await joinRoom(
      shared.server,
      elsewhere,
      tokensOf(elsewhere).facilitator,
      'Sam',
    )
    const refusals: [who: string, token: string | undefined, status: number][] = [
      ['no token', undefined, 401],
      ['a facilitator of another room', stranger.token, 401],
      ['another room’s link', tokensOf(elsewhere).facilitator, 401],
      ['a participant', bo.token, 403],
      ['the participant link', links.participant, 403],
      ['the viewer link', links.viewer, 403],
    ]
    for (const [who, token, status] of refusals) {
      const answer = await supersede(token)
      expect(answer.status, `${who}: ${answer.text}`).toBe(status)
    }
    const invalid = [
      { decision: 42 },
      { title: '' },
      { title: '   ' },
      { decision: ' \n ' },
      { options: [{ title: '', pros: '', cons: '' }] },
      { note: 'x'.repeat(501) },
    ]
    for (const body of invalid) {
      const answer = await supersede(faye.token, body)
      expect(answer.status, `${JSON.stringify(body)}: ${answer.text}`).toBe(400)
    }
    // A new record that says the same would only hide the original.
    for (const body of [{}, { note: 'again' }, { decision: before.decision, tags: [] }]) {
      const answer = await supersede(faye.token, body)
      expect(answer.status, `${JSON.stringify(body)}: ${answer.text}`).toBe(409)
    }
    expect(await apiJson<DecisionJson>(shared.server, `/api/decisions/${decisionId}`)).toEqual(
      before,
    )

    const answer = await supersede(faye.token)
    expect(answer.status, answer.text).toBe(201)
    const { original, successor } = answer.json<{
      original: DecisionJson
      successor: DecisionJson
    }>()
    expect(successor.id).not.toBe(decisionId)
    expect(successor).toEqual({
      ...before,
      id: successor.id,
      number: Number(successor.id.slice(3)),
      status: 'accepted',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      decision: change.decision,
      rationale: change.rationale,
      tags: change.tags,
      // Faye wrote it alone, now: its people, stances and commitments are its own, never the
      // original's (nobody stanced on, dissented from or committed to this one).
      decisionMakers: ['Faye'],
      participants: ['Faye'],
      consulted: [],
      stances: [],
      dissent: [],
      commitments: [],
      acknowledgment: '',
      // Its workshop, but not the board region: that still shows what the original said.
      source: { ...before.source, shapeIds: [] },
      supersedes: decisionId,
      supersededBy: null,
      history: [{ status: 'accepted', by: 'Faye', at: expect.any(String), note: change.note }],
      // Nor how the workshop reached the original (rec:LG1).
      ledger: [],
    })
    expect(before.ledger.length).toBeGreaterThan(0)
    expect(before.stances.length).toBeGreaterThan(0)
    expect(before.commitments.length).toBeGreaterThan(0)

    // The original: superseded, linked, the change logged with who and when; its content as it was.
    const after = await apiJson<DecisionJson>(shared.server, `/api/decisions/${decisionId}`)
    expect(after).toEqual(original)
    expect(after.status).toBe('superseded')
    expect(after.supersededBy).toBe(successor.id)
    expect(after.history).toEqual([
      ...before.history,
      { status: 'superseded', by: 'Faye', at: successor.history[0]!.at, note: change.note },
    ])
    expect(Number.isNaN(Date.parse(after.history.at(-1)!.at))).toBe(false)
    expect(contentOf(after)).toEqual(contentOf(before))
    expect(await apiJson(shared.server, `/api/decisions/${successor.id}`)).toEqual(successor)
    // [rec:AG1] The board, which still shows what the original said, says it was superseded.
    const board = shared.client(roomId, { token: faye.token })
    await board.whenSynced()
    await waitFor(() =>
      docText(board.doc).includes(
        `Decision record: ${decisionId}, since superseded by ${successor.id}.`,
      ),
    )

    // Both show in the log and in the room, each with its status; tags filter.
    const search = async (query: string) =>
      idsOf(await apiJson(shared.server, `/api/decisions?${query}`))
    expect(await search('q=pelicanstream')).toEqual([successor.id])
    expect(await search('q=marlinqueue')).toEqual(
      expect.arrayContaining([decisionId, successor.id]),
    )
    expect(await search('q=marlinqueue&status=superseded')).toEqual([decisionId])
    expect(await search('q=marlinqueue&status=accepted')).toEqual([successor.id])
    expect(await search('tag=MESSAGING')).toEqual([successor.id])
    expect(await search('tag=jobs&q=marlinqueue')).toEqual([successor.id])
    expect(
      idsOf(await apiJson(shared.server, `/api/rooms/${roomId}/decisions`, links.viewer)),
    ).toEqual([decisionId, successor.id])

    // The workshop's own summary says its decision no longer stands, and which one does.
    const summary = await api(shared.server, 'GET', `/api/rooms/${roomId}/export?format=md`, {
      token: links.viewer,
    })
    expect(summary.text).toContain(
      `- **Decision record:** ${decisionId} (superseded by ${successor.id})`,
    )
    expect(summary.text).toContain(`Since superseded by **${successor.id}**.`)

    // MADR says so both ways.
    const oldMadr = await api(shared.server, 'GET', `/api/decisions/${decisionId}/export?format=md`)
    // Linked by file name, as ADR tools follow a supersede.
    const fileOf = (id: string, slug: string) => `${id.slice(3).padStart(4, '0')}-${slug}.md`
    const successorFile = fileOf(successor.id, 'use-marlinqueue-for-background-jobs')
    expect(oldMadr.text).toContain(
      `status: "superseded by \\x5B${successor.id}\\x5D(${successorFile})"`,
    )
    expect(oldMadr.text).toContain(`* Status: superseded by [${successor.id}](${successorFile})`)
    expect(oldMadr.text).toContain(`* **Superseded by:** [${successor.id}](${successorFile})`)
    expect(oldMadr.text).toContain('Background jobs move to Marlinqueue.')
    expect(oldMadr.text).not.toContain('Pelicanstream')
    const newMadr = await api(shared.server, 'GET', `/api/decisions/${successor.id}/export`)
    expect(attachmentName(newMadr)).toBe(successorFile)
    expect(newMadr.text).toContain(
      `* **Supersedes:** [${decisionId}](${fileOf(decisionId, 'use-marlinqueue-for-background-jobs')})`,
    )
    expect(newMadr.text).toContain('tags: ["messaging", "jobs"]')

    // A superseded record is settled for good: neither superseded again nor changed.
    const twice = await supersede(faye.token)
    expect(twice.status).toBe(409)
    expect(twice.json()).toMatchObject({ error: 'refused' })
    const status = await api(shared.server, 'POST', `/api/decisions/${decisionId}/status`, {
      token: faye.token,
      body: { status: 'accepted' },
    })
    expect(status.status).toBe(409)
    expect(await apiJson(shared.server, `/api/decisions/${decisionId}`)).toEqual(after)

    // The successor can be superseded in turn, through the same rules.
    const third = await supersede(
      faye.token,
      { title: 'Use Pelicanstream for all queues' },
      successor.id,
    )
    expect(third.status, third.text).toBe(201)
    const chain = third.json<{ original: DecisionJson; successor: DecisionJson }>()
    expect(chain.original).toMatchObject({ id: successor.id, status: 'superseded' })
    expect(chain.successor).toMatchObject({
      supersedes: successor.id,
      title: 'Use Pelicanstream for all queues',
      decision: change.decision,
      tags: change.tags,
    })
    await send(faye.token, { type: 'workshop.close' }) // the room's records as they are
    expect(
      (
        await apiJson<DecisionJson[]>(shared.server, `/api/rooms/${roomId}/decisions`, bo.token)
      ).map((record) => [record.id, record.status]),
    ).toEqual([
      [decisionId, 'superseded'],
      [successor.id, 'superseded'],
      [chain.successor.id, 'accepted'],
    ])
  })

  it('[rec:DR1] a proposed record is accepted by a facilitator, the change logged', async () => {
    const { links, faye, people, decisionId } = await quickDecision(shared, {
      roomTitle: 'Hosting decision',
      title: 'Host the wiki on Tarnbridge',
      decision: '',
      rationale: '',
      people: ['Bo'],
      proposedOnly: true,
    })
    const setStatus = (token: string | undefined, body: unknown) =>
      api(shared.server, 'POST', `/api/decisions/${decisionId}/status`, {
        ...(token === undefined ? {} : { token }),
        body,
      })
    const elsewhere = await createRoom(shared.server, 'Elsewhere')
    expect((await setStatus(undefined, { status: 'accepted' })).status).toBe(401)
    expect((await setStatus(tokensOf(elsewhere).facilitator, { status: 'accepted' })).status).toBe(
      401,
    )
    expect((await setStatus(people[0]!.token, { status: 'accepted' })).status).toBe(403)
    expect((await setStatus(links.viewer, { status: 'accepted' })).status).toBe(403)
    expect((await setStatus(faye.token, { status: 'settled' })).status).toBe(400)
    // Superseding happens only through a new record; a proposed one is not superseded at all.
    expect((await setStatus(faye.token, { status: 'superseded' })).status).toBe(409)
    const proposedOnly = await api(
      shared.server,
      'POST',
      `/api/decisions/${decisionId}/supersede`,
      {
        token: faye.token,
        body: { decision: 'x' },
      },
    )
    expect(proposedOnly.status).toBe(409)

    const accepted = await setStatus(faye.token, { status: 'accepted', note: 'Agreed by email' })
    expect(accepted.status, accepted.text).toBe(200)
    const record = accepted.json<DecisionJson>()
    expect(record).toMatchObject({ id: decisionId, status: 'accepted' })
    expect(record.history).toEqual([
      { status: 'proposed', by: 'Faye', at: expect.any(String), note: '' },
      { status: 'accepted', by: 'Faye', at: expect.any(String), note: 'Agreed by email' },
    ])
    expect(await apiJson(shared.server, `/api/decisions/${decisionId}`)).toEqual(record)
    expect(
      idsOf(await apiJson(shared.server, '/api/decisions?q=tarnbridge&status=accepted')),
    ).toEqual([decisionId])
    // Accepted is settled: no going back, only superseding.
    for (const to of ['accepted', 'rejected', 'proposed'])
      expect((await setStatus(faye.token, { status: to })).status, to).toBe(409)
    expect(
      (await apiJson<DecisionJson>(shared.server, `/api/decisions/${decisionId}`)).history,
    ).toHaveLength(2)
  })
})
