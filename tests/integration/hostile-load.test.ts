/**
 * Denial of service inside the documented limits (issue 15, finding 4), on the real server: each
 * bound holds against a client doing what the limits allow, and the others carry on.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteShape, putShapes, boardRecords } from '../support/board-records.js'
import { usePerTestServers } from '../support/fixtures.js'
import { SyncType, syncFrame } from '../support/frames.js'
import { refusalCount } from '../support/inspect.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const servers = usePerTestServers()

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('hostile load', () => {
  it('a viewer that stops reading and keeps asking for the board is closed with 4413', async () => {
    const server = await servers.start({ env: { ACCORD_MAX_UNSENT_BYTES: String(256 * 1024) } })
    const roomId = await createRoom(server)
    const writer = servers.client(server, roomId)
    await writer.whenSynced()
    // A board of a few MB: every step 2 the viewer asks for is a copy of all of it.
    for (let i = 0; i < 4; i++) {
      putShapes(
        writer.doc,
        noteShape({
          id: `shape:big-${i}`,
          text: `${i}`.repeat(900_000),
          parentId: 'page:page',
          x: i * 300,
          y: 0,
          index: `a${i + 1}`,
        }),
      )
    }
    const reader = servers.client(server, roomId)
    await reader.whenSynced()
    await waitFor(() => boardRecords(reader.doc).size >= 4, { what: 'the big board' })

    const viewer = await openRawSocket(server.wsUrl, roomId, { token: tokensOf(roomId).viewer })
    await viewer.receivedAtLeast(1)
    viewer.ws.pause()
    const stepOne = syncFrame(SyncType.Step1, Y.encodeStateVector(new Y.Doc()))
    let sent = 0
    // Spaced, so that each is answered on its own rather than ignored while one is on its way.
    while (sent < 300 && (await refusalCount(server, 'slow_consumer')) === 0) {
      viewer.ws.send(stepOne)
      sent++
      await pause(10)
    }
    expect(await refusalCount(server, 'slow_consumer')).toBe(1)
    viewer.ws.resume()
    expect(await viewer.closed).toEqual({
      code: 4413,
      reason: 'too much unsent: the connection is too slow',
    })
    const stepTwos = viewer.received.filter((frame) => frame[0] === 0 && frame[1] === 1)
    expect(stepTwos.length).toBeLessThan(sent)

    // The others carry on.
    putShapes(
      writer.doc,
      noteShape({
        id: 'shape:after',
        text: 'after',
        parentId: 'page:page',
        x: 0,
        y: 900,
        index: 'a9',
      }),
    )
    await waitFor(() => boardRecords(reader.doc).has('shape:after'), { what: 'a later edit' })
    expect(writer.closes).toEqual([])
    expect(reader.closes).toEqual([])
  })
})
