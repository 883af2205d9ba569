/**
 * Commands under scale-out: two built Accord processes on one PostgreSQL database, joined by one
 * real Redis. A room's commands take turns across both (a PostgreSQL advisory lock per room), each
 * computed from what storage holds; and a ballot is refused for a closed vote inside its own
 * transaction. Together: a vote closed on one instance while dots are cast on the other publishes
 * a tally equal to the ballots stored — none stored after the count.
 */
import { openPostgres, PgBallotRepository } from '@accord/db/postgres'
import { describe, expect, it } from 'vitest'
import { useScaleOut } from '../support/scale-out.js'
import { createRoom, joinRoom, sendCommand, tokensOf } from '../support/server-process.js'

const { twoInstances } = useScaleOut()

interface VoteState {
  readonly id: string
  readonly status: string
  readonly results: readonly { readonly itemId: string; readonly dots: number }[] | null
}
const voteOf = (body: unknown): VoteState => (body as { state: { vote: VoteState } }).state.vote

const items = [
  { id: 'shape:a', label: 'First' },
  { id: 'shape:b', label: 'Second' },
]

describe('Commands under scale-out', () => {
  it('[sync:X9] a vote closed on one instance while dots are cast on the other: the tally is every stored ballot', async () => {
    const { a, b, url } = await twoInstances()
    const roomId = await createRoom(a, 'Racing votes')
    const facilitator = tokensOf(roomId).facilitator
    const voters = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        joinRoom(b, roomId, tokensOf(roomId).participant, `Voter ${i}`),
      ),
    )
    const opened = await sendCommand(a, roomId, facilitator, {
      type: 'vote.open',
      items,
      dotsPerPerson: 5,
      maxPerItem: 5,
    })
    expect(opened.status).toBe(200)
    const voteId = voteOf(opened.body).id

    // 150 casts in flight on B; once a third of them are answered, A closes the vote.
    let answered = 0
    let startClose = () => {}
    const closeStarted = new Promise<void>((resolve) => (startClose = resolve))
    const casts = voters.flatMap((voter, i) =>
      Array.from({ length: 5 }, (_, k) =>
        sendCommand(b, roomId, voter.token, {
          type: 'vote.cast',
          itemId: items[(i + k) % 2]!.id,
        }).then((result) => {
          if (++answered === 50) startClose()
          return result
        }),
      ),
    )
    await closeStarted
    const closed = await sendCommand(a, roomId, facilitator, { type: 'vote.close' })
    const results = await Promise.all(casts)
    expect(closed.status).toBe(200)
    const vote = voteOf(closed.body)
    expect(vote.status).toBe('closed')

    const handle = await openPostgres({ url })
    try {
      const stored = await new PgBallotRepository(handle.db).all(voteId)
      const storedDots = stored.reduce(
        (sum, ballot) => sum + Object.values(ballot).reduce((n, dots) => n + dots, 0),
        0,
      )
      const tallied = (vote.results ?? []).reduce((sum, result) => sum + result.dots, 0)
      expect(tallied).toBe(storedDots)
      // Every cast answered 200 is in the tally; every other one was refused as too late.
      expect(results.filter((result) => result.status === 200)).toHaveLength(tallied)
      const late = results.filter((result) => result.status !== 200)
      expect(late.length).toBeGreaterThan(0)
      for (const refused of late) expect(refused.status).toBe(409)
    } finally {
      await handle.close()
    }
  })

  it('[sync:X9] two facilitators opening a vote at once on two instances: one vote opens', async () => {
    const { a, b } = await twoInstances()
    const roomId = await createRoom(a, 'Racing opens')
    const facilitator = tokensOf(roomId).facilitator
    const open = { type: 'vote.open', items, dotsPerPerson: 3, maxPerItem: 3 }
    for (let round = 0; round < 5; round++) {
      const both = await Promise.all([
        sendCommand(a, roomId, facilitator, open),
        sendCommand(b, roomId, facilitator, open),
      ])
      expect(both.map((result) => result.status).sort()).toEqual([200, 409])
      const closed = await sendCommand(b, roomId, facilitator, { type: 'vote.close' })
      expect(closed.status).toBe(200)
    }
  })
})
