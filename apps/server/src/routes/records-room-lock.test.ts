import { InProcessRoomLock, type RoomLock } from '@accord/db'
import { RECORDS_MAP } from '@accord/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { actionNote } from '../testing/action-note.js'
import { type InProcessApp, inProcessApp } from '../testing/in-process-app.js'

/**
 * A decision's status, its superseding and an action item's update change the records of the room
 * they came from: they take their turn under that room's lock, like its commands (a close or
 * "Record decision" saving the same records, perhaps on another instance).
 */

/** The app's room lock, telling when a task for a room asks for it. */
class WatchedLock implements RoomLock {
  private readonly inner = new InProcessRoomLock()
  private readonly waiting: { roomId: string; asked: () => void }[] = []

  run<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    for (const watch of this.waiting.filter((w) => w.roomId === roomId)) watch.asked()
    return this.inner.run(roomId, task)
  }

  /** Resolves at the next task asking for the room's lock. */
  nextAsk(roomId: string): Promise<'asked'> {
    return new Promise((resolve) => this.waiting.push({ roomId, asked: () => resolve('asked') }))
  }
}

let lock: WatchedLock
let t: InProcessApp
beforeEach(() => {
  lock = new WatchedLock()
  t = inProcessApp(Date.now, { roomLock: lock })
})
afterEach(() => t.database.close())

/**
 * Holds the room's lock (as a command on another instance would) until `release`; `attempt`
 * starts meanwhile. Returns the order of events: the attempt must not answer before the release.
 */
async function whileHeld(
  roomId: string,
  attempt: () => Response | Promise<Response>,
  unchanged: () => Promise<void>,
) {
  const events: string[] = []
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const holder = lock.run(roomId, async () => {
    await released
    events.push('holder done')
  })
  const asked = lock.nextAsk(roomId)
  const answer = Promise.resolve(attempt()).then((response) => {
    events.push(`answered ${response.status}`)
    return response
  })
  // Either the attempt asks for the room's lock, or (without it) it answers on its own.
  await Promise.race([asked, answer])
  await unchanged()
  events.push('still unchanged')
  release()
  await holder
  const response = await answer
  return { events, response }
}

async function decisionRoom() {
  const room = await t.createRoom({ title: 'Adopt Postgres', template: 'disagree-and-commit' })
  const ada = await t.join(room.id, room.tokens.facilitator, 'Ada')
  const send = async (body: object) => {
    const response = await t.command(room.id, ada.token, body)
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as Record<string, unknown>
  }
  await send({ type: 'proposal.set', title: 'Move to PostgreSQL', deciderId: ada.member.id })
  const saved = await send({ type: 'records.save' })
  const decision = saved.decision as { id: string; status: string }
  expect(decision.status).toBe('proposed')
  const statusOf = async () =>
    ((await (await t.get(`/api/decisions/${decision.id}`)).json()) as { status: string }).status
  return { room, ada, id: decision.id, statusOf }
}

describe('changes to a room’s records take their turn under its room lock', () => {
  it('a decision’s status change waits for the room’s lock', async () => {
    const { room, ada, id, statusOf } = await decisionRoom()
    const { events, response } = await whileHeld(
      room.id,
      () =>
        t.post(`/api/decisions/${id}/status`, JSON.stringify({ status: 'rejected' }), ada.token),
      async () => expect(await statusOf()).toBe('proposed'),
    )
    expect(events).toEqual(['still unchanged', 'holder done', 'answered 200'])
    expect(response.status).toBe(200)
    expect(await statusOf()).toBe('rejected')
  })

  it('superseding a decision waits for the room’s lock', async () => {
    const { room, ada, id, statusOf } = await decisionRoom()
    const rejected = await t.post(
      `/api/decisions/${id}/status`,
      JSON.stringify({ status: 'rejected' }),
      ada.token,
    )
    expect(rejected.status).toBe(200)
    const { events, response } = await whileHeld(
      room.id,
      () =>
        t.post(
          `/api/decisions/${id}/supersede`,
          JSON.stringify({ title: 'Move to PostgreSQL 17' }),
          ada.token,
        ),
      async () => expect(await statusOf()).toBe('rejected'),
    )
    expect(events).toEqual(['still unchanged', 'holder done', 'answered 201'])
    expect(response.status).toBe(201)
    expect(await statusOf()).toBe('superseded')
  })

  it('an action item’s update waits for the room’s lock', async () => {
    const room = await t.createRoom({ title: 'Sprint 11', template: 'retro' })
    const ada = await t.join(room.id, room.tokens.facilitator, 'Ada')
    const acquired = await t.registry.acquire(room.id)
    if (!acquired.ok) throw new Error('no room')
    acquired.value.doc
      .getMap(RECORDS_MAP)
      .set(
        'shape:ci',
        actionNote('shape:ci', 'Fix CI', { ownerId: ada.member.id, ownerName: 'Ada', due: null }),
      )
    t.registry.release(acquired.value)
    expect((await t.command(room.id, ada.token, { type: 'records.save' })).status).toBe(200)
    const [item] = (await (await t.get(`/api/action-items?room=${room.id}`)).json()) as {
      id: string
    }[]
    const statusOf = async () =>
      ((await (await t.get(`/api/action-items/${item!.id}`)).json()) as { status: string }).status
    const { events, response } = await whileHeld(
      room.id,
      () => t.post(`/api/action-items/${item!.id}`, JSON.stringify({ status: 'done' }), ada.token),
      async () => expect(await statusOf()).toBe('open'),
    )
    expect(events).toEqual(['still unchanged', 'holder done', 'answered 200'])
    expect(response.status).toBe(200)
    expect(await statusOf()).toBe('done')
  })
})
