/**
 * The board at the moment of decision (rec:BS1) against the real server and stock y-websocket
 * clients: when a decision is accepted — at a workshop's close, by "Record decision", on the record
 * page — the server keeps its own copy of the room's document, served by
 * `GET /api/decisions/:id/board-state`. The board changing afterwards (notes edited, deleted,
 * added) never reaches it, later saves never replace it, a proposed record has none, and reading
 * it needs what reading the record needs.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  boardRecords,
  frameShape,
  noteShape,
  noteText,
  notesOf,
  putShapes,
  ROOM_STATE_MAP,
  shapesOf,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer, usePerTestServers } from '../support/fixtures.js'
import { api, type DecisionJson, quickDecision } from '../support/records-api.js'
import { joinRoom, sendCommand } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()
const perTest = usePerTestServers()

const boardState = (server: { url: string }, id: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/decisions/${id}/board-state`, { headers })

/** The stored board, decoded as a client would: a fresh Y.Doc with the update applied. */
async function keptBoard(
  id: string,
  token: string,
): Promise<{ doc: Y.Doc; bytes: Uint8Array; at: Date }> {
  const answer = await boardState(shared.server, id, { authorization: `Bearer ${token}` })
  expect(answer.status, `board of ${id}`).toBe(200)
  expect(answer.headers.get('content-type')).toBe('application/octet-stream')
  const bytes = new Uint8Array(await answer.arrayBuffer())
  const doc = new Y.Doc()
  Y.applyUpdate(doc, bytes)
  return { doc, bytes, at: new Date(answer.headers.get('last-modified') ?? '') }
}

/** Each note's text by its id. */
const noteTexts = (doc: Y.Doc) => new Map(notesOf(doc).map((note) => [note.id, noteText(note)]))

async function expectNoSnapshot(id: string, token: string) {
  const answer = await boardState(shared.server, id, { authorization: `Bearer ${token}` })
  expect(answer.status).toBe(404)
  expect(await answer.json()).toMatchObject({ error: 'snapshot_not_found' })
}

/** When a record was accepted, to the second (as `Last-Modified` has it). */
const acceptedAt = (record: DecisionJson) => {
  const at = record.history.find((event) => event.status === 'accepted')?.at ?? ''
  return new Date(Math.floor(Date.parse(at) / 1000) * 1000)
}

describe('the board kept with an accepted decision', () => {
  it('[rec:BS1] keeps the notes as they were when "Record decision" accepted it: edits, deletes and later saves do not reach it', async () => {
    const { roomId, faye, people, clients, send } = await workshopRoom(
      shared,
      'Sprint 40 retro',
      { template: 'retro', options: { format: 'start-stop-continue' } },
      ['Bo'],
    )
    const bo = people[0]!
    const [fayeClient, boClient] = clients
    const frame = { id: 'shape:theme-deploys', parentId: 'page:page', index: 'a9' }
    putShapes(
      fayeClient!.doc,
      frameShape({ ...frame, name: 'Friday deploys', x: 2000, y: 0, w: 600, h: 300 }),
      noteShape({
        id: 'shape:broke',
        text: 'Friday deploys broke prod',
        parentId: frame.id,
        x: 20,
        y: 60,
        index: 'a1',
      }),
      noteShape({
        id: 'shape:pager',
        text: 'Pager woke three people',
        parentId: frame.id,
        x: 260,
        y: 60,
        index: 'a2',
      }),
    )
    await waitFor(() => boardRecords(boClient!.doc).has('shape:pager'), {
      what: 'the notes on the server',
    })
    const decision = {
      type: 'decision.create',
      title: 'No deploys on Fridays',
      decision: 'We deploy Monday to Thursday only.',
      decisionMakerIds: [bo.memberId],
      shapeId: frame.id,
    }
    const recorded = (await send(faye.token, decision)) as unknown as DecisionJson
    expect(recorded.status).toBe('accepted')
    const first = await keptBoard(recorded.id, faye.token)
    expect(noteTexts(first.doc)).toEqual(
      new Map([
        ['shape:broke', 'Friday deploys broke prod'],
        ['shape:pager', 'Pager woke three people'],
      ]),
    )
    expect(first.at).toEqual(acceptedAt(recorded))
    // The whole document, the server's own state in it too.
    expect(first.doc.getMap(ROOM_STATE_MAP).size).toBeGreaterThan(0)
    expect(shapesOf(first.doc).find((shape) => shape.id === frame.id)?.props.name).toBe(
      'Friday deploys',
    )

    // The board changes: one note reworded, the other deleted, a new one added.
    putShapes(
      fayeClient!.doc,
      noteShape({
        id: 'shape:broke',
        text: 'Reworded after the decision',
        parentId: frame.id,
        x: 20,
        y: 60,
        index: 'a1',
      }),
      noteShape({
        id: 'shape:later',
        text: 'Added after the decision',
        parentId: frame.id,
        x: 500,
        y: 60,
        index: 'a3',
      }),
    )
    boardRecords(fayeClient!.doc).delete('shape:pager')
    await waitFor(
      () =>
        !boardRecords(boClient!.doc).has('shape:pager') &&
        noteTexts(boClient!.doc).get('shape:broke') === 'Reworded after the decision',
      { what: 'the edits on the server' },
    )
    expect((await keptBoard(recorded.id, faye.token)).bytes).toEqual(first.bytes)

    // Saved again, and closed: the record stays as it was, and so does its board.
    await send(faye.token, { type: 'records.save' })
    await send(faye.token, { type: 'workshop.close' })
    expect((await keptBoard(recorded.id, faye.token)).bytes).toEqual(first.bytes)

    // A proposed one has none until it is accepted on the record page; then the board of that
    // moment, edits included.
    const proposed = (await send(faye.token, {
      ...decision,
      title: 'Pair on every hotfix',
      status: 'proposed',
    })) as unknown as DecisionJson
    await expectNoSnapshot(proposed.id, faye.token)
    const accepted = await api(shared.server, 'POST', `/api/decisions/${proposed.id}/status`, {
      token: faye.token,
      body: { status: 'accepted' },
    })
    expect(accepted.status, accepted.text).toBe(200)
    const atAcceptance = await keptBoard(proposed.id, faye.token)
    expect(noteTexts(atAcceptance.doc)).toEqual(
      new Map([
        ['shape:broke', 'Reworded after the decision'],
        ['shape:later', 'Added after the decision'],
      ]),
    )
    expect(atAcceptance.at).toEqual(acceptedAt(accepted.json<DecisionJson>()))
    expect(noteTexts((await keptBoard(recorded.id, faye.token)).doc).get('shape:broke')).toBe(
      'Friday deploys broke prod',
    )
    expect(roomId).toBe(recorded.source.roomId)
  })

  it('[rec:BS1] a disagree-and-commit closed with its decision accepted keeps the board of its close; a proposed one has none', async () => {
    const { decisionId, clients, faye, send } = await quickDecision(shared, {
      roomTitle: 'Queue decision',
      title: 'Adopt Marlinqueue for background jobs',
      decision: 'Jobs move to Marlinqueue.',
      rationale: 'Retries for free.',
      people: ['Bo'],
    })
    const kept = await keptBoard(decisionId, faye.token)
    const proposal = shapesOf(kept.doc).find((shape) => shape.meta.regionContent === 'proposal')
    expect(proposal && noteText(proposal)).toContain('Adopt Marlinqueue for background jobs')

    // A note added after the close is on the board, not in what was kept.
    putShapes(
      clients[0]!.doc,
      noteShape({
        id: 'shape:afterthought',
        text: 'Second thoughts',
        parentId: 'page:page',
        x: 3000,
        y: 0,
        index: 'a8',
      }),
    )
    await waitFor(() => boardRecords(clients[1]!.doc).has('shape:afterthought'))
    // Saved again with the board changed: the record and its board stay as they were.
    const saved = await send(faye.token, { type: 'records.save' })
    expect((saved.decision as DecisionJson).id).toBe(decisionId)
    const again = await keptBoard(decisionId, faye.token)
    expect(again.bytes).toEqual(kept.bytes)
    expect(noteTexts(again.doc).has('shape:afterthought')).toBe(false)

    const proposedOnly = await quickDecision(shared, {
      roomTitle: 'Cache decision',
      title: 'Cache the log',
      decision: '',
      rationale: '',
      people: ['Bo'],
      proposedOnly: true,
    })
    await expectNoSnapshot(proposedOnly.decisionId, proposedOnly.faye.token)
  })

  it('[rec:BS1] is for the people the workshop let in, like the live board; unknown records are 404', async () => {
    for (const id of ['DR-999999', 'DR-x', 'nothing']) {
      const answer = await boardState(shared.server, id)
      expect(answer.status, id).toBe(404)
      expect(await answer.json()).toMatchObject({ error: 'decision_not_found' })
    }
    const { decisionId, faye, links } = await quickDecision(shared, {
      roomTitle: 'Door decision',
      title: 'Lock the side door',
      decision: 'The side door stays locked.',
      rationale: 'Draughts.',
      people: ['Bo'],
    })
    // The record is open to read; the board it keeps is not, without a credential of its room.
    expect((await api(shared.server, 'GET', `/api/decisions/${decisionId}`)).status).toBe(200)
    const without = await boardState(shared.server, decisionId)
    expect(without.status).toBe(401)
    const other = await quickDecision(shared, {
      roomTitle: 'Other decision',
      title: 'Paint the door',
      decision: 'Blue.',
      rationale: 'Calm.',
      people: ['Cy'],
    })
    const elsewhere = await boardState(shared.server, decisionId, {
      authorization: `Bearer ${other.faye.token}`,
    })
    expect(elsewhere.status).toBe(401)
    // Any role of the room will do, a viewer's link too.
    const viewer = await boardState(shared.server, decisionId, {
      authorization: `Bearer ${links.viewer}`,
    })
    expect(viewer.status).toBe(200)
    expect((await keptBoard(decisionId, faye.token)).bytes.length).toBeGreaterThan(0)
  })

  it('[rec:BS1] needs the access key where the record does, and a credential of its room', async () => {
    const accessKey = 'board-snapshot-access-key-7d1e'
    const server = await perTest.start({ env: { ACCORD_ACCESS_KEY: accessKey } })
    const created = await api(server, 'POST', '/api/rooms', {
      token: accessKey,
      body: { title: 'Keyed board' },
    })
    expect(created.status, created.text).toBe(201)
    const room = created.json<{ id: string; tokens: { facilitator: string } }>()
    const faye = await joinRoom(server, room.id, room.tokens.facilitator, 'Faye')
    const recorded = await sendCommand(server, room.id, faye.token, {
      type: 'decision.create',
      title: 'Keep the key',
      decision: 'The log stays behind the key.',
      decisionMakerIds: [faye.memberId],
    })
    expect(recorded.status).toBe(200)
    const { id } = recorded.body as DecisionJson

    for (const path of [`/api/decisions/${id}`, `/api/decisions/${id}/board-state`]) {
      for (const token of [undefined, faye.token]) {
        const answer = await api(server, 'GET', path, token === undefined ? {} : { token })
        expect(answer.status, `${path} with ${token ? 'a room credential' : 'nothing'}`).toBe(401)
        expect(answer.json()).toMatchObject({ error: 'access_key_required' })
      }
    }
    // The key lets one into the instance; the room's credential into its board.
    const keyOnly = await boardState(server, id, { 'x-accord-access-key': accessKey })
    expect(keyOnly.status).toBe(401)
    const allowed = await boardState(server, id, {
      'x-accord-access-key': accessKey,
      authorization: `Bearer ${faye.token}`,
    })
    expect(allowed.status).toBe(200)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await allowed.arrayBuffer()))
    expect(doc.getMap(ROOM_STATE_MAP).size).toBeGreaterThan(0)
  })
})
