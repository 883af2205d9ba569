import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrationsFolder, openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqliteAccessRepository } from './sqlite-access-repository.js'
import { SqliteRoomRepository } from './sqlite-room-repository.js'

let handle: SqliteHandle
let access: SqliteAccessRepository

beforeEach(async () => {
  handle = openSqlite({ path: ':memory:' })
  access = new SqliteAccessRepository(handle.db)
  await new SqliteRoomRepository(handle.db).create(
    { id: 'r', title: 'Retro', createdAt: new Date(1000), template: 'blank', previousRoomId: null },
    { facilitator: 'tok-f', participant: 'tok-p', viewer: 'tok-v' },
  )
})
afterEach(() => handle.close())

const member = (id: string, role: 'facilitator' | 'participant' | 'viewer' = 'participant') => ({
  id,
  roomId: 'r',
  role,
  name: `Name of ${id}`,
  secretHash: `hash-${id}`,
  linkGeneration: 1,
  joinedAt: new Date(2000),
})

describe('SqliteAccessRepository', () => {
  it('creates a room with one link per role, at generation 1', async () => {
    expect(await access.links('r')).toEqual({
      facilitator: { token: 'tok-f', generation: 1 },
      participant: { token: 'tok-p', generation: 1 },
      viewer: { token: 'tok-v', generation: 1 },
    })
    expect(await access.links('unknown')).toBeNull()
  })

  it('rotating a link replaces its token and bumps its generation', async () => {
    expect(await access.rotateLink('r', 'participant', 'tok-p2')).toBe(2)
    expect(await access.rotateLink('r', 'participant', 'tok-p3')).toBe(3)
    const links = await access.links('r')
    expect(links?.participant).toEqual({ token: 'tok-p3', generation: 3 })
    expect(links?.viewer).toEqual({ token: 'tok-v', generation: 1 })
  })

  it('stores, finds, renames and confirms members', async () => {
    await access.addMember(member('m1'))
    expect(await access.findMember('r', 'm1')).toEqual(member('m1'))
    expect(await access.findMember('other-room', 'm1')).toBeNull()
    await access.renameMember('r', 'm1', 'Ada')
    await access.confirmMember('r', 'm1', 4)
    expect(await access.findMember('r', 'm1')).toMatchObject({ name: 'Ada', linkGeneration: 4 })
    await access.addMember({ ...member('m2', 'viewer'), joinedAt: new Date(3000) })
    expect((await access.members('r')).map((m) => m.id)).toEqual(['m1', 'm2'])
  })

  it('keeps the command audit log in order, accepted and refused alike', async () => {
    const base = { roomId: 'r', memberId: 'm1', role: 'participant' as const, at: new Date(3000) }
    await access.recordCommand({
      ...base,
      type: 'a',
      payload: { x: 1 },
      outcome: 'accepted',
      reason: null,
    })
    await access.recordCommand({
      ...base,
      type: 'b',
      payload: {},
      outcome: 'refused',
      reason: 'no',
    })
    const log = await access.commands('r')
    expect(log.map((c) => [c.type, c.outcome, c.reason])).toEqual([
      ['a', 'accepted', null],
      ['b', 'refused', 'no'],
    ])
    expect(log[0]?.payload).toEqual({ x: 1 })
  })
})

describe('the room-access migration', () => {
  it('gives rooms created before it three fresh, distinct links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-migration-'))
    try {
      // A database at the first migration only, with a room in it.
      const firstOnly = join(dir, 'first-only')
      cpSync(migrationsFolder, firstOnly, { recursive: true })
      const journalPath = join(firstOnly, 'meta', '_journal.json')
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] }
      writeFileSync(
        journalPath,
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
      )
      const path = join(dir, 'old.db')
      const old = new Database(path)
      migrate(drizzle({ client: old }), { migrationsFolder: firstOnly })
      old.prepare('INSERT INTO rooms (id, title, created_at) VALUES (?, ?, ?)').run('old', 'Old', 1)
      old.close()

      const upgraded = openSqlite({ path })
      try {
        const links = upgraded.sqlite
          .prepare('SELECT role, token, generation FROM room_links WHERE room_id = ? ORDER BY role')
          .all('old') as { role: string; token: string; generation: number }[]
        expect(links.map((l) => l.role)).toEqual(['facilitator', 'participant', 'viewer'])
        expect(new Set(links.map((l) => l.token)).size).toBe(3)
        expect(links.every((l) => l.token.length >= 32 && l.generation === 1)).toBe(true)
      } finally {
        upgraded.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
