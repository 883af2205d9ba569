import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite, type SqliteHandle } from './sqlite-database.js'
import { SqlitePrivateNoteRepository } from './sqlite-private-note-repository.js'
import { SqliteRoomRepository } from './sqlite-room-repository.js'

let handle: SqliteHandle
let notes: SqlitePrivateNoteRepository

beforeEach(async () => {
  handle = openSqlite({ path: ':memory:' })
  notes = new SqlitePrivateNoteRepository(handle.db)
  await new SqliteRoomRepository(handle.db).create(
    { id: 'r', title: 'Retro', createdAt: new Date(), template: 'blank', previousRoomId: null },
    { facilitator: 'f', participant: 'p', viewer: 'v' },
  )
})
afterEach(() => handle.close())

const note = (id: string, memberId: string, at: number) => ({
  id,
  roomId: 'r',
  memberId,
  text: `text of ${id}`,
  createdAt: new Date(at),
  updatedAt: new Date(at),
  revealedAt: null,
  shapeId: null,
  region: null,
})

describe('SqlitePrivateNoteRepository', () => {
  it('gives each author their own notes only, oldest first', async () => {
    await notes.add(note('b', 'ada', 2))
    await notes.add(note('a', 'ada', 1))
    await notes.add(note('c', 'bob', 3))
    expect((await notes.byMember('r', 'ada')).map((n) => n.id)).toEqual(['a', 'b'])
    expect((await notes.byMember('r', 'bob')).map((n) => n.id)).toEqual(['c'])
    expect(await notes.unrevealedCounts('r')).toEqual(
      new Map([
        ['ada', 2],
        ['bob', 1],
      ]),
    )
  })

  it('edits and deletes only the author’s own, unrevealed notes', async () => {
    await notes.add(note('a', 'ada', 1))
    expect(await notes.edit('r', 'bob', 'a', 'hijacked', new Date(5))).toBe(false)
    expect(await notes.remove('r', 'bob', 'a')).toBe(false)
    expect(await notes.edit('r', 'ada', 'a', 'better', new Date(5))).toBe(true)
    expect((await notes.byMember('r', 'ada'))[0]?.text).toBe('better')
    await notes.markRevealed([{ id: 'a', shapeId: 'shape:x' }], new Date(9))
    expect(await notes.edit('r', 'ada', 'a', 'after reveal', new Date(10))).toBe(false)
    expect(await notes.remove('r', 'ada', 'a')).toBe(false)
    expect((await notes.byMember('r', 'ada'))[0]).toMatchObject({
      shapeId: 'shape:x',
      revealedAt: new Date(9),
    })
    expect(await notes.unrevealed('r')).toEqual([])
  })
})
