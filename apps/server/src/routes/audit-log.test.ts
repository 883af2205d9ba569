import { auditBounds } from '@accord/workshop'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CreatedRoom, type InProcessApp, inProcessApp } from '../testing/in-process-app.js'

let t: InProcessApp
let room: CreatedRoom

beforeEach(async () => {
  t = inProcessApp(() => 1_000_000)
  room = await t.createRoom('Audit')
})
afterEach(() => t.database.close())

interface AuditJson {
  readonly seq: number
  readonly type: string
  readonly outcome: string
  readonly reason: string | null
  readonly payload: unknown
}

async function auditPage(query = ''): Promise<{ entries: AuditJson[]; next: string | null }> {
  const response = await t.get(`/api/rooms/${room.id}/audit${query}`, room.tokens.facilitator)
  expect(response.status).toBe(200)
  const link = response.headers.get('link')
  return {
    entries: (await response.json()) as AuditJson[],
    next: link === null ? null : (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? 'unparsed'),
  }
}

/** Every entry, page by page, following the server's links. */
async function wholeLog(): Promise<AuditJson[]> {
  const all: AuditJson[] = []
  let path: string | null = `/api/rooms/${room.id}/audit?limit=500`
  while (path !== null) {
    const response = await t.get(path, room.tokens.facilitator)
    all.push(...((await response.json()) as AuditJson[]))
    const link = response.headers.get('link')
    path = link === null ? null : (/^<([^>]+)>/.exec(link)?.[1] ?? null)
  }
  return all
}

/** The room_commands table's size: what the log costs the database. */
function storedBytes(): number {
  const row = t.database.db.$client
    .prepare(
      'SELECT coalesce(sum(length(payload) + length(type) + coalesce(length(reason), 0)), 0) AS n FROM room_commands',
    )
    .get() as { n: number }
  return row.n
}

describe('audit log bounds', () => {
  it('keeps a refused body only while it is small: a 60 KB body is stored as its size', async () => {
    const big = { type: 'phase.set', phaseId: 'x'.repeat(60_000) }
    expect((await t.command(room.id, room.tokens.viewer, big)).status).toBe(403)
    expect((await t.command(room.id, room.tokens.viewer, { type: 'x'.repeat(5000) })).status).toBe(
      400,
    )
    const { entries } = await auditPage()
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({
      type: 'phase.set',
      outcome: 'refused',
      payload: { omitted: true, bytes: JSON.stringify(big).length },
    })
    expect(entries[1]!.type.length).toBeLessThanOrEqual(auditBounds.typeChars)
    expect(entries[1]!.reason!.length).toBeLessThanOrEqual(auditBounds.reasonChars)
    expect(storedBytes()).toBeLessThan(2 * 1024)
  })

  it('keeps the newest refused entries; a flood of refusals never pushes out what was accepted', async () => {
    const accepted = await t.command(room.id, room.tokens.facilitator, {
      type: 'timer.start',
      seconds: 300,
    })
    expect(accepted.status).toBe(200)
    const flood = auditBounds.keepRefused + 50
    for (let i = 0; i < flood; i++) {
      await t.command(room.id, room.tokens.viewer, { type: 'phase.set', phaseId: `p-${i}` })
    }
    const log = await wholeLog()
    expect(log.filter((entry) => entry.outcome === 'accepted').map((e) => e.type)).toEqual([
      'timer.start',
    ])
    const refused = log.filter((entry) => entry.outcome === 'refused')
    expect(refused).toHaveLength(auditBounds.keepRefused)
    expect(refused.at(-1)?.payload).toEqual({ type: 'phase.set', phaseId: `p-${flood - 1}` })
  })

  it('answers a page at a time, oldest first, linking to the next', async () => {
    for (let i = 0; i < 5; i++) {
      await t.command(room.id, room.tokens.viewer, { type: 'phase.set', phaseId: `p-${i}` })
    }
    const first = await auditPage('?limit=2')
    expect(first.entries.map((entry) => entry.payload)).toEqual([
      { type: 'phase.set', phaseId: 'p-0' },
      { type: 'phase.set', phaseId: 'p-1' },
    ])
    const next = new URL(first.next ?? '', 'http://localhost')
    expect(next.pathname).toBe(`/api/rooms/${room.id}/audit`)
    expect(Object.fromEntries(next.searchParams)).toEqual({
      after: String(first.entries[1]!.seq),
      limit: '2',
    })
    expect((await wholeLog()).map((entry) => entry.payload)).toHaveLength(5)
    const tooMany = await t.get(`/api/rooms/${room.id}/audit?limit=100000`, room.tokens.facilitator)
    expect(tooMany.status).toBe(400)
  })
})
