import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqliteRoomRepository } from './sqlite-room-repository.js'
import { SqliteWorkshopRepository } from './sqlite-workshop-repository.js'

const tokens = { facilitator: 'f', participant: 'p', viewer: 'v' }
let handle: SqliteHandle
let dir: string

async function open() {
  dir = mkdtempSync(join(tmpdir(), 'accord-workshops-'))
  handle = openSqlite({ path: join(dir, 'db.sqlite') })
  await new SqliteRoomRepository(handle.db).create(
    {
      id: 'r',
      title: 'Decide',
      createdAt: new Date(1),
      template: 'disagree-and-commit',
      previousRoomId: null,
    },
    tokens,
  )
  return new SqliteWorkshopRepository(handle.db)
}

afterEach(() => {
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('SqliteWorkshopRepository', () => {
  it('keeps one submission per person and kind, replaced on resubmission', async () => {
    const workshops = await open()
    await workshops.putSubmission('r', 'stance', 'ada', { value: 4, reason: '' }, new Date(10))
    await workshops.putSubmission('r', 'stance', 'bo', { value: 0, reason: 'No' }, new Date(11))
    await workshops.putSubmission('r', 'stance', 'ada', { value: 2, reason: 'Hmm' }, new Date(12))
    await workshops.putSubmission('r', 'risk-scores', 'ada', { 'shape:a': 1 }, new Date(13))
    const stances = await workshops.submissions('r', 'stance')
    expect(stances.map((s) => [s.memberId, s.value])).toEqual([
      ['bo', { value: 0, reason: 'No' }],
      ['ada', { value: 2, reason: 'Hmm' }],
    ])
    expect((await workshops.submission('r', 'stance', 'ada'))?.value).toEqual({
      value: 2,
      reason: 'Hmm',
    })
    expect(await workshops.submission('r', 'stance', 'cy')).toBeNull()
  })

  it('stores every close of a workshop; the latest is current', async () => {
    const workshops = await open()
    expect(await workshops.latestResult('r')).toBeNull()
    const first = await workshops.addResult({
      roomId: 'r',
      template: 'disagree-and-commit',
      result: { template: 'disagree-and-commit', title: 'A' },
      closedBy: 'ada',
      closedAt: new Date(20),
    })
    await workshops.addResult({
      ...first,
      result: { template: 'disagree-and-commit', title: 'B' },
      closedAt: new Date(30),
    })
    const latest = await workshops.latestResult('r')
    expect(latest?.result).toEqual({ template: 'disagree-and-commit', title: 'B' })
    expect(latest?.seq).toBeGreaterThan(first.seq)
    expect(latest?.closedAt).toEqual(new Date(30))
  })
})
