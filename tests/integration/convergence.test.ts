import { describe, expect, it } from 'vitest'
import { createRoom } from '../support/server-process.js'
import { useSharedServer } from '../support/fixtures.js'
import { waitFor } from '../support/wait.js'

const shared = useSharedServer()
const client = shared.client

describe('convergence over real WebSockets (stock y-websocket client)', () => {
  it('[P1] three clients editing concurrently converge to the same document', async () => {
    const roomId = await createRoom(shared.server)
    const [a, b, c] = [client(roomId), client(roomId), client(roomId)]
    await Promise.all([a.whenSynced(), b.whenSynced(), c.whenSynced()])
    a.doc.getMap('shapes').set('a', { x: 1 })
    b.doc.getMap('shapes').set('b', { x: 2 })
    c.doc.getMap('shapes').set('c', { x: 3 })
    c.doc.getText('t').insert(0, 'c')
    a.doc.getText('t').insert(0, 'a')
    await waitFor(() =>
      [a, b, c].every((x) => x.doc.getMap('shapes').size === 3 && x.doc.getText('t').length === 2),
    )
    const expected = a.doc.getMap('shapes').toJSON()
    expect(expected).toEqual({ a: { x: 1 }, b: { x: 2 }, c: { x: 3 } })
    expect(b.doc.getMap('shapes').toJSON()).toEqual(expected)
    expect(c.doc.getMap('shapes').toJSON()).toEqual(expected)
    expect(b.doc.getText('t').toString()).toBe(a.doc.getText('t').toString())
    expect(c.doc.getText('t').toString()).toBe(a.doc.getText('t').toString())
  })
})
