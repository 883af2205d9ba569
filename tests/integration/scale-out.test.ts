/**
 * Several instances (`REDIS_URL`): two built Accord processes on one PostgreSQL database, joined
 * by one real Redis (Debian's `redis-server`, on loopback in a temp dir), with stock y-websocket
 * clients on each — they converge, see each other's presence, and `kill -9` of one instance while
 * its client edits loses nothing: the client moves to the other instance. The presence of a
 * killed instance's clients leaves the others within a few relay heartbeats, and `/readyz`
 * follows Redis going away and coming back.
 */
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { entriesOf, entryOf, numberedEntries, putEntry } from '../support/board-entries.js'
import { useScaleOut } from '../support/scale-out.js'
import { createRoom } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'
import { connectClient, type TestClient } from '../support/yjs-client.js'

const scaleOut = useScaleOut()
const { start, client, twoInstances } = scaleOut

/**
 * The board's edits as text: each edit a note of its own, `edit-<n>` holding a piece of text,
 * read back in the order of their numbers.
 */
const text = (c: TestClient): string => numberedEntries(c.doc, 'edit-').join('')
const write = (c: TestClient, n: number, piece: string) => putEntry(c.doc, `edit-${n}`, piece)

describe('Running more than one instance', () => {
  it('[sync:X1][sync:X2][sync:X4] clients on two instances converge and see each other’s presence', async () => {
    const { a, b } = await twoInstances()
    expect(a.output.join('\n')).toContain(`"redis":"${scaleOut.redis.url}`)
    const roomId = await createRoom(a, 'Two instances')
    const onA = client(a, roomId)
    const onB = client(b, roomId)
    await Promise.all([onA.whenSynced(), onB.whenSynced()])

    write(onA, 0, 'from A;')
    await waitFor(() => text(onB) === 'from A;', { what: 'A’s edit on B' })
    write(onB, 1, 'from B;')
    await waitFor(() => text(onA) === 'from A;from B;', { what: 'B’s edit on A' })

    onA.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID) !== undefined, {
      what: 'A’s presence on B',
    })
    expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
      cursor: { x: 1, y: 2 },
    })
    onA.destroy() // a departure crosses instances too
    await waitFor(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), {
      what: 'A’s presence to leave B',
    })
  })

  it('[sync:X1][sync:X3] kill -9 of an instance while its client edits loses nothing', async () => {
    const { a, b, url } = await twoInstances()
    const roomId = await createRoom(a, 'Through a crash')
    const writer = client(a, roomId)
    const watcher = client(b, roomId)
    await Promise.all([writer.whenSynced(), watcher.whenSynced()])

    let n = 0
    const typing = setInterval(() => {
      write(writer, n, `${n};`)
      n++
    }, 5)
    await waitFor(() => text(watcher).length > 40, { what: 'edits to reach B' })
    await a.stop('SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 50)) // edits made while A is gone
    clearInterval(typing)
    const seenOnB = text(watcher)

    // The client moves to B with the same document: its unsent edits go with it.
    writer.destroy()
    const moved = connectClient(b.wsUrl, roomId, { doc: writer.doc })
    try {
      await moved.whenSynced()
      const everything = text(writer)
      expect(everything.startsWith(seenOnB)).toBe(true)
      await waitFor(() => text(watcher) === everything, { what: 'B to have every edit' })

      // And it is in storage: a new instance, with nothing in memory, loads all of it.
      await b.stop('SIGKILL')
      const c = await start({ env: { DATABASE_URL: url, REDIS_URL: scaleOut.redis.url } })
      const reader = client(c, roomId)
      await waitFor(() => text(reader) === everything, { what: 'every edit, from storage' })
    } finally {
      moved.destroy()
    }
  })

  it('[sync:X3] a restart of Redis loses nothing: instances re-read rooms from storage', async () => {
    const { a, b } = await twoInstances()
    const roomId = await createRoom(a, 'Through a Redis restart')
    const onA = client(a, roomId)
    const onB = client(b, roomId)
    await Promise.all([onA.whenSynced(), onB.whenSynced()])
    putEntry(onA.doc, 'before', 'before;')
    await waitFor(() => entryOf(onB.doc, 'before') === 'before;', { what: 'the first edit on B' })

    await scaleOut.redis.restart(async () => {
      // Stored by each instance, but no relay to carry them while Redis is down.
      putEntry(onA.doc, 'a-down', 'A while down;')
      putEntry(onB.doc, 'b-down', 'B while down;')
      await new Promise((resolve) => setTimeout(resolve, 300))
    })
    const all = { before: 'before;', 'a-down': 'A while down;', 'b-down': 'B while down;' }
    await waitFor(() => [onA, onB].every((c) => isDeepStrictEqual(entriesOf(c.doc), all)), {
      what: 'both instances to converge after Redis is back',
      timeoutMs: 20_000,
    })
    putEntry(onB.doc, 'after', 'after;')
    await waitFor(() => entryOf(onA.doc, 'after') === 'after;', {
      what: 'the relay to work again',
    })
  })

  it('[sync:X6] the presence of a killed instance’s clients leaves the others within a few heartbeats', async () => {
    const { a, b } = await twoInstances({ ACCORD_RELAY_HEARTBEAT_MS: '200' })
    const roomId = await createRoom(a, 'Presence through a crash')
    const onA = client(a, roomId)
    const onB = client(b, roomId)
    await Promise.all([onA.whenSynced(), onB.whenSynced()])
    onA.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    onB.provider.awareness.setLocalStateField('cursor', { x: 3, y: 4 })
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID) !== undefined, {
      what: 'A’s presence on B',
    })

    await a.stop('SIGKILL')
    // Well within y-protocols' 30 s outdated timeout, which would otherwise remove it.
    await waitFor(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), {
      what: 'the killed instance’s client to leave B’s presence',
      timeoutMs: 10_000,
    })
    expect(onB.provider.awareness.getStates().get(onB.doc.clientID)).toMatchObject({
      cursor: { x: 3, y: 4 },
    })
  })

  it('[sync:X8] /readyz answers 503 while Redis is unreachable, and 200 once it is back', async () => {
    const { a } = await twoInstances()
    const readyz = () => fetch(`${a.url}/readyz`)
    expect((await readyz()).status).toBe(200)
    await scaleOut.redis.restart(async () => {
      await waitFor(async () => (await readyz()).status === 503, { what: '/readyz to answer 503' })
      expect(await (await readyz()).json()).toMatchObject({ ok: false, error: 'relay_unavailable' })
    })
    await waitFor(async () => (await readyz()).status === 200, {
      what: '/readyz to answer 200 again',
      timeoutMs: 20_000,
    })
  })
})
