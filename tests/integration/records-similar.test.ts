/**
 * The re-litigation guard against the real server: a proposal being written is compared with
 * the accepted decisions through the database's full-text index, and the log's search uses the
 * same index (stemmed, a word's start enough).
 */
import { describe, expect, it } from 'vitest'
import { useSharedServer } from '../support/fixtures.js'
import { api, apiJson, type DecisionJson, idsOf, quickDecision } from '../support/records-api.js'

const shared = useSharedServer()

interface SimilarJson {
  record: DecisionJson
  shared: string[]
}

const similar = (text: string) =>
  apiJson<SimilarJson[]>(shared.server, `/api/decisions/similar?text=${encodeURIComponent(text)}`)

describe('the re-litigation guard', () => {
  it('[rec:SG1] names the accepted decisions a proposal resembles; the log searches the same way', async () => {
    const accepted = await quickDecision(shared, {
      roomTitle: 'Incident review',
      title: 'Quarantine flaky integration tests',
      context: 'Retries hide flaky tests; the pipeline is red twice a week.',
      decision: 'A test that fails twice in a week is quarantined.',
      rationale: 'A red pipeline nobody trusts is worse than a smaller suite.',
      people: ['Bo'],
    })
    const proposed = await quickDecision(shared, {
      roomTitle: 'Incident review, again',
      title: 'Quarantine flaky browser tests',
      decision: '',
      rationale: '',
      people: ['Cy'],
      proposedOnly: true,
    })

    const found = await similar('Should we quarantine the flaky tests in the pipeline?')
    expect(found.map((f) => f.record.id)).toContain(accepted.decisionId)
    expect(found.map((f) => f.record.id)).not.toContain(proposed.decisionId) // not decided
    const ours = found.find((f) => f.record.id === accepted.decisionId)!
    expect(ours.shared).toEqual(['quarantine', 'flaky', 'tests', 'pipeline'])
    expect(ours.record).toEqual(
      await apiJson<DecisionJson>(shared.server, `/api/decisions/${accepted.decisionId}`),
    )

    expect(await similar('Buy a new coffee machine for the office')).toEqual([])
    expect(await similar('"quarantine" OR flaky* NEAR(tests')).not.toEqual([]) // words, not syntax
    expect((await api(shared.server, 'GET', '/api/decisions/similar')).status).toBe(400)
    const long = await api(
      shared.server,
      'GET',
      `/api/decisions/similar?text=${'flaky '.repeat(800)}`,
    )
    expect(long.status).toBe(400)

    // The log: stemmed ("quarantined" finds "quarantine"), a word's start enough.
    const log = (q: string) =>
      apiJson<DecisionJson[]>(shared.server, `/api/decisions?q=${encodeURIComponent(q)}`).then(
        idsOf,
      )
    expect(await log('quarantined flak')).toEqual(
      expect.arrayContaining([accepted.decisionId, proposed.decisionId]),
    )
    expect(await log('quarantined pipelines')).toContain(accepted.decisionId)
    expect(await log('quarantined pipelines')).not.toContain(proposed.decisionId)
  })
})
