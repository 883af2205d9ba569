/**
 * Accord on PostgreSQL (`DATABASE_URL=postgres://…`): the built server against a real, throwaway
 * PostgreSQL server (Debian's binaries, on loopback, in a temp dir), over real sockets — a retro
 * and a decision from first note to records, everything there after `kill -9`, and the server
 * riding out a crash of the database. The storage rules themselves are the contract suites of
 * `packages/db`, run against SQLite and PostgreSQL alike.
 */
import { type PostgresServer, startPostgres } from '@accord/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  boardRecords,
  currentPhaseId,
  noteShape,
  noteWithText,
  putShapes,
  workshopRoom,
} from '../support/board-records.js'
import { numberedEntries, putEntry } from '../support/board-entries.js'
import { usePerTestServers } from '../support/fixtures.js'
import {
  type ActionItemJson,
  apiJson,
  type DecisionJson,
  quickDecision,
} from '../support/records-api.js'
import { createRoom, type ServerProcess } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

let postgres: PostgresServer
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(() => postgres?.stop())

const { start, client } = usePerTestServers()

/** A fresh database, in a URL with a password (trust authentication ignores it) to keep secret. */
async function databaseUrl(): Promise<string> {
  return (await postgres.createDatabase()).replace('postgres@', 'postgres:pg-s3cret@')
}

const onServer = (server: ServerProcess) => ({
  server,
  client: (roomId: string, options?: { token?: string }) => client(server, roomId, options),
})

describe('Accord on PostgreSQL', () => {
  it('runs a retro and a decision to their records; kill -9 and a restart lose nothing', async () => {
    const DATABASE_URL = await databaseUrl()
    const first = await start({ env: { DATABASE_URL } })
    expect(first.output.join('\n')).toContain('"database":"postgres://postgres:redacted@')

    // A retro: private notes, revealed; a dot vote; an action item on the board; the close.
    const retro = await workshopRoom(
      onServer(first),
      'Sprint 7 retro',
      { template: 'retro', options: { format: 'mad-sad-glad', dots: 2 } },
      ['Ada', 'Bo'],
    )
    const { roomId, faye, people, clients, send, phase } = retro
    const [ada, bo] = people as [(typeof people)[0], (typeof people)[0]]
    await phase('write')
    await send(ada.token, { type: 'notes.add', text: 'Deploys break on Fridays', region: 'mad' })
    await send(bo.token, { type: 'notes.add', text: 'Pairing worked', region: 'glad' })
    await phase('reveal')
    expect(await send(faye.token, { type: 'notes.reveal', scope: 'all' })).toMatchObject({
      revealed: 2,
    })
    const board = clients[0]!.doc
    await waitFor(() => noteWithText(board, 'Pairing worked') !== undefined)
    const items = ['Deploys break on Fridays', 'Pairing worked'].map((text) => ({
      id: noteWithText(board, text)!.id,
      label: text,
    }))
    await phase('vote')
    await send(faye.token, { type: 'vote.open', items, dotsPerPerson: 2, maxPerItem: 2 })
    await send(ada.token, { type: 'vote.cast', itemId: items[0]!.id })
    await send(bo.token, { type: 'vote.cast', itemId: items[0]!.id })
    await send(bo.token, { type: 'vote.cast', itemId: items[1]!.id })
    await send(faye.token, { type: 'vote.close' })
    await phase('actions')
    putShapes(
      clients[2]!.doc,
      noteShape({
        id: 'shape:action-canary',
        text: 'Set up a canary stage',
        parentId: 'page:page',
        x: 0,
        y: 1400,
        index: 'aZ',
      }),
    )
    await waitFor(() => boardRecords(board).has('shape:action-canary'))
    await send(faye.token, {
      type: 'action.set',
      noteId: 'shape:action-canary',
      text: 'Set up a canary stage',
      ownerId: ada.memberId,
      due: '2026-07-01',
    })
    await send(faye.token, { type: 'workshop.close' })
    await waitFor(() => clients.every((c) => currentPhaseId(c.doc) === 'close'))

    // A decision, taken and committed to: a decision record.
    const { decisionId } = await quickDecision(onServer(first), {
      roomTitle: 'Storage',
      title: 'Run Accord on PostgreSQL',
      decision: 'We run Accord on PostgreSQL',
      rationale: 'Several instances share one database',
      people: ['Cy'],
    })

    const read = async (server: ServerProcess) => ({
      result: await apiJson(server, `/api/rooms/${roomId}/result`, faye.token),
      audit: await apiJson<unknown[]>(server, `/api/rooms/${roomId}/audit`, faye.token),
      actions: await apiJson<ActionItemJson[]>(server, `/api/action-items`),
      decision: await apiJson<DecisionJson>(server, `/api/decisions/${decisionId}`),
      board: boardRecords(board).toJSON(),
    })
    const before = await read(first)
    expect(before.actions.map((item) => [item.text, item.ownerName])).toEqual([
      ['Set up a canary stage', 'Ada'],
    ])
    expect(before.decision).toMatchObject({ status: 'accepted', title: 'Run Accord on PostgreSQL' })
    expect((before.result as { result: { themes: unknown[]; vote: unknown } }).result.vote).toEqual(
      { dotsPerPerson: 2, voters: 2 },
    )

    // kill -9, then a new process on the same database: a newcomer gets the whole board.
    await first.stop('SIGKILL')
    const second = await start({ env: { DATABASE_URL }, port: first.port })
    const newcomer = client(second, roomId, { token: faye.token })
    await newcomer.whenSynced()
    expect(boardRecords(newcomer.doc).toJSON()).toEqual(before.board)
    expect(currentPhaseId(newcomer.doc)).toBe('close')
    expect({ ...(await read(second)), board: boardRecords(newcomer.doc).toJSON() }).toEqual(before)
    for (const output of [first.output, second.output]) {
      expect(output.join('\n')).not.toContain('pg-s3cret')
    }
  })

  it('rides out a crash of PostgreSQL: not ready while it is down, nothing lost after', async () => {
    const DATABASE_URL = await databaseUrl()
    const server = await start({ env: { DATABASE_URL } })
    const ready = async () => (await fetch(`${server.url}/readyz`)).status
    const roomId = await createRoom(server, 'Through the outage')
    const writer = client(server, roomId)
    await writer.whenSynced()
    // Each edit a note of its own, numbered in order: the board reads back as their sequence.
    let edits = 0
    const write = (text: string) => putEntry(writer.doc, `edit-${edits++}`, text)
    const written = (doc: typeof writer.doc) => numberedEntries(doc, 'edit-').join('')
    write('before;')
    expect(await ready()).toBe(200)

    await postgres.restart({
      crash: true,
      whileDown: async () => {
        await expect.poll(ready).toBe(503)
        // Written while the database is away: the room cannot store it, so it relays nothing
        // and closes with 1011; the client keeps the edit and sends it again when it resyncs.
        write('during;')
        await waitFor(() => writer.closes.some((close) => close.code === 1011), {
          what: 'the writer to be told storage is unavailable',
        })
      },
    })
    await expect.poll(ready).toBe(200)
    await writer.whenSynced()
    write('after;')
    const everything = 'before;during;after;'
    const reader = client(server, roomId)
    await waitFor(() => written(reader.doc) === everything, {
      what: 'every edit, to a new reader',
    })

    // And from the database itself, not from a room in memory: after kill -9 and a restart.
    await server.stop('SIGKILL')
    const again = await start({ env: { DATABASE_URL } })
    const late = client(again, roomId)
    await waitFor(() => written(late.doc) === everything, {
      what: 'every edit, from storage',
    })
  })
})
