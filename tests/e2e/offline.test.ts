import type { Browser, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  connectionState,
  joinWithLink,
  launchBrowser,
  newParticipant,
  type Participant,
  screenshot,
  shareLink,
  shapesWithText,
  waitForBoard,
  waitForShapeCount,
} from '../support/browser.js'
import { createRoom, type ServerProcess, startServer } from '../support/server-process.js'

let server: ServerProcess
let browser: Browser
let alice: Participant
let bob: Participant
let roomId: string

/**
 * Alice's sync socket goes through this switch: while `cut`, new sockets are closed at once and
 * the live ones have been dropped, as when a laptop loses its network. Page loads still work,
 * so a reload while offline is possible.
 */
const aliceNetwork = {
  cut: false,
  live: [] as { page: WebSocketRoute; server: WebSocketRoute }[],
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  alice = await newParticipant(browser)
  bob = await newParticipant(browser)
  await alice.context.routeWebSocket(/\/sync\//, (ws) => {
    if (aliceNetwork.cut) return void ws.close({ code: 1006, reason: 'network down' })
    aliceNetwork.live.push({ page: ws, server: ws.connectToServer() })
  })
  roomId = await createRoom(server, 'Offline drill')
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function cutAlicesNetwork() {
  aliceNetwork.cut = true
  for (const route of aliceNetwork.live.splice(0)) {
    await route.server.close()
    await route.page.close({ code: 1006, reason: 'network down' })
  }
}

describe('offline editing (real Chromium, built app)', () => {
  it('both start online on the same board', async () => {
    for (const [person, name] of [
      [alice, 'Alice'],
      [bob, 'Bob'],
    ] as const) {
      await joinWithLink(person.page, shareLink(server, roomId), name)
      await expect.poll(() => connectionState(person.page)).toBe('online')
    }
    await addStickyNote(alice.page, 'Before the outage', { x: 350, y: 300 })
    await waitForShapeCount(bob.page, 1)
  })

  it('losing the connection shows it, and editing goes on', async () => {
    onTestFailed(() => screenshot(alice.page, 'FAILED-offline-alice'))
    await cutAlicesNetwork()
    await expect.poll(() => connectionState(alice.page)).toBe('offline')
    await addStickyNote(alice.page, 'Written offline', { x: 650, y: 300 })
    await waitForShapeCount(alice.page, 2)
    await screenshot(alice.page, 'offline-1-editing-while-offline')
  })

  it('a reload while offline keeps the offline edits (IndexedDB)', async () => {
    onTestFailed(() => screenshot(alice.page, 'FAILED-offline-reload-alice'))
    await alice.page.reload()
    await waitForBoard(alice.page)
    await waitForShapeCount(alice.page, 2)
    await expect.poll(() => shapesWithText(alice.page, 'Written offline')).toBeGreaterThan(0)
    expect(await connectionState(alice.page)).not.toBe('online')
    // Meanwhile Bob, still online, adds his own note.
    await addStickyNote(bob.page, 'While Alice was away', { x: 350, y: 600 })
    await waitForShapeCount(bob.page, 2)
  })

  it('reconnecting merges both sides’ edits', async () => {
    onTestFailed(async () => {
      await screenshot(alice.page, 'FAILED-offline-merge-alice')
      await screenshot(bob.page, 'FAILED-offline-merge-bob')
    })
    aliceNetwork.cut = false
    await expect.poll(() => connectionState(alice.page), { timeout: 15_000 }).toBe('online')
    await waitForShapeCount(alice.page, 3)
    await waitForShapeCount(bob.page, 3)
    await expect.poll(() => shapesWithText(bob.page, 'Written offline')).toBeGreaterThan(0)
    await expect.poll(() => shapesWithText(alice.page, 'While Alice was away')).toBeGreaterThan(0)
    await screenshot(bob.page, 'offline-2-merged')
  })

  it('a server restart is ridden out: the client reconnects and its edits reach others', async () => {
    const { dataDir, port } = server
    expect(await server.stop('SIGTERM')).toBe(0)
    await expect.poll(() => connectionState(alice.page)).toBe('offline')
    await addStickyNote(alice.page, 'During the restart', { x: 650, y: 600 })
    server = await startServer({ dataDir, port })
    await expect.poll(() => connectionState(alice.page), { timeout: 15_000 }).toBe('online')
    await expect
      .poll(() => shapesWithText(bob.page, 'During the restart'), { timeout: 15_000 })
      .toBeGreaterThan(0)
    // A newcomer loading from the server (no local copy) gets all four notes.
    const carol = await newParticipant(browser)
    await joinWithLink(carol.page, shareLink(server, roomId), 'Carol')
    await waitForShapeCount(carol.page, 4)
    expect(carol.errors).toEqual([])
  })

  it('nobody’s page threw an error', () => {
    expect(alice.errors).toEqual([])
    expect(bob.errors).toEqual([])
  })
})
