/**
 * Action items with one source of truth, against the real server (fac:AI4): the stored item is
 * what the board shows — its note learns its id at the save, and a change made on /actions or in
 * a later retro's review reaches the note within the moment — and every export of the workshop
 * agrees with /actions.
 */
import { describe, expect, it } from 'vitest'
import {
  boardRecords,
  noteShape,
  putShapes,
  workshopData,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { type ActionItemJson, api, apiJson } from '../support/records-api.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

/** The follow-up a client's board shows on a note (its `meta.action`). */
const onBoard = (client: TestClient, id: string) =>
  boardRecords(client.doc).get(id)?.meta.action as Record<string, unknown> | undefined

describe('action items with one source of truth', () => {
  it('[fac:AI4] a change on /actions or in a later review reaches the board and every export', async () => {
    const first = await workshopRoom(
      shared,
      'Sprint 7 retro',
      { template: 'retro', options: { format: 'start-stop-continue' } },
      ['Ada', 'Bo'],
    )
    const [ada, bo] = first.people as [(typeof first.people)[0], (typeof first.people)[0]]
    const [, adaClient, boClient] = first.clients as [TestClient, TestClient, TestClient]
    putShapes(
      boClient.doc,
      noteShape({
        id: 'shape:flaky',
        text: 'Quarantine the flaky tests',
        parentId: 'page:page',
        x: 0,
        y: 2000,
        index: 'a9',
      }),
    )
    await waitFor(() => boardRecords(adaClient.doc).has('shape:flaky'))
    await first.send(bo.token, {
      type: 'action.set',
      noteId: 'shape:flaky',
      text: 'Quarantine the flaky tests',
      ownerId: ada.memberId,
      due: '2031-01-10',
    })
    // [fac:AI5] Only through the server: the owner is someone taking part, or marked external;
    // nobody writes a note's action item on the board.
    const set = { type: 'action.set', noteId: 'shape:flaky', text: 'Quarantine the flaky tests' }
    await first.send(first.links.viewer, { ...set, ownerId: ada.memberId }, 403)
    await first.send(bo.token, { ...set, ownerId: 'nobody-here' }, 400)
    await first.send(bo.token, { ...set, noteId: 'shape:nowhere', ownerId: ada.memberId }, 404)
    const forged = boardRecords(boClient.doc).get('shape:flaky')!
    putShapes(boClient.doc, {
      ...forged,
      meta: { action: { ...(forged.meta.action as object), ownerName: 'Mallory' } },
    })
    // A change Bo sends after it arrives: by then the forged one was refused.
    putShapes(
      boClient.doc,
      noteShape({
        id: 'shape:after',
        text: 'Later',
        parentId: 'page:page',
        x: 0,
        y: 2400,
        index: 'a8',
      }),
    )
    await waitFor(() => boardRecords(adaClient.doc).has('shape:after'))
    expect(onBoard(adaClient, 'shape:flaky')).toMatchObject({ ownerName: 'Ada' })
    const closed = await first.send(first.faye.token, { type: 'workshop.close' })
    const [item] = (closed.records as { actions: ActionItemJson[] }).actions as [ActionItemJson]

    // The save tells the note which stored item it is.
    await waitFor(() => onBoard(adaClient, 'shape:flaky')?.id === item.id, { what: 'the id' })
    expect(onBoard(adaClient, 'shape:flaky')).toMatchObject({ status: 'open', ownerName: 'Ada' })

    // Changed on /actions: the note shows it within the moment, for everyone.
    const update = (body: object) =>
      api(shared.server, 'POST', `/api/action-items/${item.id}`, { token: first.faye.token, body })
    expect((await update({ ownerName: 'Bo', due: '2031-02-01' })).status).toBe(200)
    await waitFor(() => onBoard(adaClient, 'shape:flaky')?.ownerName === 'Bo', {
      what: 'the new owner on the board',
    })
    expect(onBoard(adaClient, 'shape:flaky')).toEqual({
      ownerId: bo.memberId,
      ownerName: 'Bo',
      due: '2031-02-01',
      status: 'open',
      id: item.id,
      text: 'Quarantine the flaky tests',
    })
    // An owner who is nobody in the room is marked external.
    expect((await update({ ownerName: 'Zed Contractor' })).status).toBe(200)
    // (Ada's board: Bo's holds the forged change the server refused, which Yjs may keep ahead.)
    await waitFor(() => onBoard(adaClient, 'shape:flaky')?.ownerId === 'external')

    // Every export of the workshop says what /actions says.
    const stored = await apiJson<ActionItemJson>(shared.server, `/api/action-items/${item.id}`)
    const exported = (format: string) =>
      api(shared.server, 'GET', `/api/rooms/${first.roomId}/export?format=${format}`, {
        token: first.links.viewer,
      })
    const markdown = (await exported('md')).text
    expect(markdown).toContain('Quarantine the flaky tests')
    expect(markdown).toContain('Zed Contractor')
    expect(markdown).not.toMatch(/\bAda\b.*flaky|flaky.*\bAda\b/)
    const json = (await exported('json')).json<{
      result: { actions: { ownerName: string; due: string | null; status: string }[] }
      records: { actions: ActionItemJson[] }
    }>()
    for (const action of [json.result.actions[0]!, json.records.actions[0]!]) {
      expect(action).toMatchObject({
        ownerName: stored.ownerName,
        due: stored.due,
        status: stored.status,
      })
    }
    const csv = (await exported('csv')).text
    expect(csv).toContain('Zed Contractor')
    expect(csv).toContain('2031-02-01')

    // The next retro's review marks it done: /actions and the first board say so.
    const next = await workshopRoom(
      shared,
      'Sprint 8 retro',
      { template: 'retro', followUp: { roomId: first.roomId, token: first.faye.token } },
      ['Ada'],
    )
    expect(workshopData(next.clients[0]!.doc).review).toEqual([
      {
        text: 'Quarantine the flaky tests',
        ownerName: 'Zed Contractor',
        due: '2031-02-01',
        id: item.id,
        status: 'open',
      },
    ])
    await next.send(next.people[0]!.token, { type: 'review.mark', index: 0, status: 'done' }, 403)
    await next.send(next.faye.token, { type: 'review.mark', index: 0, status: 'done' })
    const reviewed = await apiJson<ActionItemJson>(shared.server, `/api/action-items/${item.id}`)
    expect(reviewed.status).toBe('done')
    expect(reviewed.history.at(-1)).toMatchObject({
      field: 'status',
      from: 'open',
      to: 'done',
      by: 'Faye',
    })
    await waitFor(() => onBoard(adaClient, 'shape:flaky')?.status === 'done', {
      what: 'done on the first board',
    })
    // Marking it again changes nothing and is no error.
    await next.send(next.faye.token, { type: 'review.mark', index: 0, status: 'done' })
  })
})
