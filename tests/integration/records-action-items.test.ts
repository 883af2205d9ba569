/**
 * Action items after the workshop, against the real server: the items owners wrote on two boards
 * are saved at each close, listed across workshops by owner and status (overdue too), updated by
 * anyone who can edit the board they came from — each change logged with who — and a later close
 * of the same workshop keeps what the follow-up changed.
 */
import { describe, expect, it } from 'vitest'
import { boardRecords, noteShape, putShapes, workshopRoom } from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { type ActionItemJson, api, apiJson, idsOf } from '../support/records-api.js'
import { joinRoom } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()

/** A note that becomes an action item (`actionSet`). */
const actionNote = (id: string, text: string, y: number) =>
  noteShape({ id, text, parentId: 'page:page', x: 0, y, index: `a${y}` })

/** Makes the note an action item through the server, as the board's action editor does (fac:AI5). */
const actionSet = (
  noteId: string,
  text: string,
  owner: { memberId: string },
  due: string | null,
) => ({ type: 'action.set', noteId, text, ownerId: owner.memberId, due })

describe('action items', () => {
  it('[rec:AC1][rec:AC2] are listed across workshops, updated with history, and keep their status on a later close', async () => {
    // Two workshops; Hana owns items in both (a different member in each), Ivo one.
    const ops = await workshopRoom(shared, 'Ops retro', {}, ['Hana', 'Ivo'])
    const [hana, ivo] = ops.people as [(typeof ops.people)[0], (typeof ops.people)[0]]
    const team = await workshopRoom(shared, 'Team sync', {}, ['Hana'])
    const teamHana = team.people[0]!
    putShapes(
      ops.clients[1]!.doc,
      actionNote('shape:keys', 'Rotate the on-call keys', 100),
      actionNote('shape:runbook', 'Write the failover runbook', 300),
    )
    putShapes(team.clients[1]!.doc, actionNote('shape:dashboards', 'Archive old dashboards', 100))
    await waitFor(() => boardRecords(ops.clients[0]!.doc).has('shape:runbook'))
    await waitFor(() => boardRecords(team.clients[0]!.doc).has('shape:dashboards'))
    await ops.send(
      hana.token,
      actionSet('shape:keys', 'Rotate the on-call keys', hana, '2020-02-03'),
    )
    await ops.send(ivo.token, actionSet('shape:runbook', 'Write the failover runbook', ivo, null))
    await team.send(
      teamHana.token,
      actionSet('shape:dashboards', 'Archive old dashboards', teamHana, '2999-12-31'),
    )
    const closedOps = await ops.send(ops.faye.token, { type: 'workshop.close' })
    const closedTeam = await team.send(team.faye.token, { type: 'workshop.close' })
    const [keys, runbook] = (closedOps.records as { actions: ActionItemJson[] }).actions as [
      ActionItemJson,
      ActionItemJson,
    ]
    const [dashboards] = (closedTeam.records as { actions: ActionItemJson[] }).actions as [
      ActionItemJson,
    ]
    expect(keys).toEqual({
      id: expect.stringMatching(/^AI-\d+$/),
      source: {
        roomId: ops.roomId,
        workshopTitle: 'Ops retro',
        template: 'blank',
        shapeIds: ['shape:keys'],
      },
      text: 'Rotate the on-call keys',
      ownerName: 'Hana',
      due: '2020-02-03',
      status: 'open',
      history: [],
    })
    expect(runbook).toMatchObject({
      text: 'Write the failover runbook',
      ownerName: 'Ivo',
      due: null,
    })
    expect(dashboards).toMatchObject({
      text: 'Archive old dashboards',
      source: { roomId: team.roomId },
    })
    expect(await apiJson(shared.server, `/api/action-items/${keys.id}`)).toEqual(keys)

    // By owner, across workshops, whatever the case; soonest due first.
    const list = async (query: string) =>
      idsOf(await apiJson<ActionItemJson[]>(shared.server, `/api/action-items?${query}`))
    const mine = [keys.id, dashboards.id]
    expect(await list('owner=hana')).toEqual(mine)
    expect(await list('owner=HANA&status=open')).toEqual(mine)
    expect(await list('owner=ivo')).toEqual([runbook.id])
    expect(await list(`room=${ops.roomId}`)).toEqual([keys.id, runbook.id])
    expect(await list(`owner=hana&room=${team.roomId}`)).toEqual([dashboards.id])
    // Overdue: open and due before today; undated and future items are not.
    const overdue = await list('status=overdue')
    expect(overdue).toContain(keys.id)
    for (const id of [runbook.id, dashboards.id]) expect(overdue).not.toContain(id)
    expect(
      idsOf(
        await apiJson(
          shared.server,
          `/api/rooms/${ops.roomId}/records/action-items`,
          ops.links.viewer,
        ),
      ),
    ).toEqual([keys.id, runbook.id])
    for (const bad of ['status=late', `owner=${'x'.repeat(81)}`])
      expect((await api(shared.server, 'GET', `/api/action-items?${bad}`)).status, bad).toBe(400)
    for (const missing of ['AI-999999', 'DR-1', 'keys'])
      expect((await api(shared.server, 'GET', `/api/action-items/${missing}`)).status).toBe(404)

    // Updates: by anyone who can edit the board the item came from.
    const update = (id: string, token: string | null, body: unknown) =>
      api(shared.server, 'POST', `/api/action-items/${id}`, {
        ...(token === null ? {} : { token }),
        body,
      })
    const viewer = await joinRoom(shared.server, ops.roomId, ops.links.viewer, 'Vic')
    const refusals: [who: string, token: string | null, status: number][] = [
      ['no token', null, 401],
      ['a participant of another workshop', teamHana.token, 401],
      ['a viewer', viewer.token, 403],
      ['the viewer link', ops.links.viewer, 403],
    ]
    for (const [who, token, status] of refusals)
      expect((await update(keys.id, token, { status: 'done' })).status, who).toBe(status)
    expect((await update(keys.id, ivo.token, { status: 'finished' })).status).toBe(400)
    expect((await update(keys.id, ivo.token, { due: '3 March' })).status).toBe(400)
    expect(await apiJson(shared.server, `/api/action-items/${keys.id}`)).toEqual(keys)

    // Ivo, a participant, marks Hana's item done: logged with his name.
    const done = await update(keys.id, ivo.token, { status: 'done' })
    expect(done.status, done.text).toBe(200)
    expect(done.json()).toEqual({
      ...keys,
      status: 'done',
      history: [{ field: 'status', from: 'open', to: 'done', by: 'Ivo', at: expect.any(String) }],
    })
    const again = await update(keys.id, ivo.token, { status: 'done' })
    expect(again.status).toBe(409)
    expect(again.json()).toMatchObject({ error: 'refused', message: 'nothing to change' })
    expect(await list('status=overdue')).not.toContain(keys.id)
    expect(await list('status=done&owner=hana')).toEqual([keys.id])
    expect(await list('owner=hana&status=open')).toEqual([dashboards.id])

    // The facilitator hands the runbook to Hana with a due date (already past: overdue).
    const handed = await update(runbook.id, ops.faye.token, {
      ownerName: ' Hana ',
      due: '2021-06-30',
    })
    expect(handed.status, handed.text).toBe(200)
    expect(handed.json<ActionItemJson>()).toMatchObject({ ownerName: 'Hana', due: '2021-06-30' })
    expect(handed.json<ActionItemJson>().history).toEqual([
      { field: 'owner', from: 'Ivo', to: 'Hana', by: 'Faye', at: expect.any(String) },
      { field: 'due', from: null, to: '2021-06-30', by: 'Faye', at: expect.any(String) },
    ])
    expect(await list('owner=hana')).toEqual([keys.id, runbook.id, dashboards.id]) // by due date
    expect(await list('owner=ivo')).toEqual([])
    expect(await list('status=overdue&owner=hana')).toEqual([runbook.id])

    // Closing the workshop again with its board unchanged keeps the follow-up's changes.
    const reclosed = await ops.send(ops.faye.token, { type: 'workshop.close' })
    const afterReclose = (reclosed.records as { actions: ActionItemJson[] }).actions
    const byId = new Map(afterReclose.map((item) => [item.id, item]))
    expect(byId.get(keys.id)).toMatchObject({ status: 'done', ownerName: 'Hana' })
    expect(byId.get(runbook.id)).toMatchObject({ ownerName: 'Hana', due: '2021-06-30' })
    expect(await apiJson(shared.server, `/api/action-items/${keys.id}`)).toEqual(done.json())

    // The workshop's exports show the follow-up's status, not the board's "open".
    const exported = (format: string) =>
      api(shared.server, 'GET', `/api/rooms/${ops.roomId}/export?format=${format}`, {
        token: ops.links.viewer,
      })
    const csv = await exported('csv')
    expect(csv.text).not.toContain('"') // no field here needs quoting: lines split plainly
    const lines = csv.text.split('\r\n').map((line) => line.split(','))
    const column = (name: string) => lines[0]!.indexOf(name)
    const statusIn = (text: string) =>
      lines.find((cells) => cells[column('text')] === text)?.[column('status')]
    expect(statusIn('Rotate the on-call keys')).toBe('done')
    expect(statusIn('Write the failover runbook')).toBe('open')
    const json = (await exported('json')).json<{ records: { actions: ActionItemJson[] } }>()
    expect(json.records.actions.map(({ text, status }) => [text, status])).toEqual([
      ['Rotate the on-call keys', 'done'],
      ['Write the failover runbook', 'open'],
    ])

    // The action reworded (its own words, not the note's: fac:AI5) is stored at once, logged; the
    // status stays done, and a later close keeps it.
    await ops.send(
      hana.token,
      actionSet('shape:keys', 'Rotate the on-call and deploy keys', hana, '2020-02-03'),
    )
    await ops.send(ops.faye.token, { type: 'workshop.close' })
    const reworded = await apiJson<ActionItemJson>(shared.server, `/api/action-items/${keys.id}`)
    expect(reworded).toMatchObject({ text: 'Rotate the on-call and deploy keys', status: 'done' })
    expect(reworded.history.at(-1)).toEqual({
      field: 'text',
      from: 'Rotate the on-call keys',
      to: 'Rotate the on-call and deploy keys',
      by: 'Hana',
      at: expect.any(String),
    })
    expect(await list(`room=${ops.roomId}`)).toHaveLength(2) // updated, not duplicated
  })
})
