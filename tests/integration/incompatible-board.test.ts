/**
 * A board saved by Accord on tldraw 5.x, opened by this server (tldraw 3.x line): refused clearly
 * everywhere — the sync endpoint closes with 4409 and a reason, the HTTP routes that read or write
 * the board answer 409 — and nothing of it is synced or changed. Other boards carry on.
 */
import { describe, expect, it } from 'vitest'
import { usePerTestServers } from '../support/fixtures.js'
import { createRoom, tokensOf } from '../support/server-process.js'
import { turnIntoTldraw5Board } from '../support/tldraw5-board.js'
import { waitFor } from '../support/wait.js'

const { start, client } = usePerTestServers()

describe('a board saved by tldraw 5.x', () => {
  it('is refused by the sync endpoint (4409) and by the board routes (409); other boards work', async () => {
    const first = await start()
    const old = await createRoom(first, 'Saved by 5.x')
    const fresh = await createRoom(first, 'Made here')
    const server = await turnIntoTldraw5Board(first, old, start)

    const refused = client(server, old)
    await waitFor(() => refused.closes.length > 0, { what: 'the connection to be refused' })
    expect(refused.closes[0]?.code).toBe(4409)
    expect(refused.closes[0]?.reason).toContain('newer version of the board editor')
    expect(refused.provider.synced).toBe(false)
    expect(refused.doc.getMap('tldraw:records').size).toBe(0)

    const token = tokensOf(old).participant
    for (const path of ['groups', 'action-items', 'result/live']) {
      const response = await fetch(`${server.url}/api/rooms/${old}/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.status, path).toBe(409)
      expect(await response.json()).toMatchObject({ error: 'board_incompatible' })
    }

    const working = client(server, fresh)
    await working.whenSynced()
    expect(working.doc.getMap('tldraw:records').size).toBeGreaterThan(0)
    expect(working.closes).toEqual([])

    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    expect(metrics).toMatch(/accord_refusals_total\{reason="incompatible_board"\} [1-9]/)
    expect(server.output.some((line) => line.includes('board saved by a newer board editor'))).toBe(
      true,
    )
  })
})
