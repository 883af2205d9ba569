import type { WebSocketRoute } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  connectionState,
  joinWithLink,
  type Participant,
  screenshot,
  shareLink,
  shapesWithText,
  waitForBoard,
  waitForShapeCount,
} from '../support/browser.js'
import { story, useE2e } from '../support/e2e.js'
import { createRoom, type ServerProcess } from '../support/server-process.js'

const e2e = useE2e()

interface Drill {
  readonly server: ServerProcess
  readonly roomId: string
  readonly alice: Participant
  readonly bob: Participant
  /**
   * Alice's sync socket goes through this switch: while `cut`, new sockets are closed at once and
   * the live ones have been dropped, as when a laptop loses its network. Page loads still work,
   * so a reload while offline is possible.
   */
  readonly aliceNetwork: { cut: boolean; live: { page: WebSocketRoute; server: WebSocketRoute }[] }
}

/** Alice and Bob, each in a browser of their own, and a new board on `server`. */
async function drill(server: ServerProcess = e2e.server): Promise<Drill> {
  const alice = await e2e.person()
  const bob = await e2e.person()
  const aliceNetwork: Drill['aliceNetwork'] = { cut: false, live: [] }
  await alice.context.routeWebSocket(/\/sync\//, (ws) => {
    if (aliceNetwork.cut) return void ws.close({ code: 1006, reason: 'network down' })
    aliceNetwork.live.push({ page: ws, server: ws.connectToServer() })
  })
  const roomId = await createRoom(server, 'Offline drill')
  return { server, roomId, alice, bob, aliceNetwork }
}

async function cutAlicesNetwork({ aliceNetwork }: Drill) {
  aliceNetwork.cut = true
  for (const route of aliceNetwork.live.splice(0)) {
    await route.server.close()
    await route.page.close({ code: 1006, reason: 'network down' })
  }
}

// The story, step by step (see `story`): each test runs the steps up to its own, on a board of
// its own.

async function bothStartOnline(drill: Drill) {
  const { server, roomId, alice, bob } = drill
  for (const [person, name] of [
    [alice, 'Alice'],
    [bob, 'Bob'],
  ] as const) {
    await joinWithLink(person.page, shareLink(server, roomId), name)
    await expect.poll(() => connectionState(person.page)).toBe('online')
  }
  await addStickyNote(alice.page, 'Before the outage', { x: 350, y: 300 })
  await waitForShapeCount(bob.page, 1)
}

async function editingGoesOnOffline(drill: Drill) {
  const { alice } = drill
  onTestFailed(() => screenshot(alice.page, 'FAILED-offline-alice'))
  await cutAlicesNetwork(drill)
  await expect.poll(() => connectionState(alice.page)).toBe('offline')
  await addStickyNote(alice.page, 'Written offline', { x: 650, y: 300 })
  await waitForShapeCount(alice.page, 2)
  await screenshot(alice.page, 'offline-1-editing-while-offline')
}

async function reloadWhileOffline({ alice, bob }: Drill) {
  onTestFailed(() => screenshot(alice.page, 'FAILED-offline-reload-alice'))
  await alice.page.reload()
  await waitForBoard(alice.page)
  await waitForShapeCount(alice.page, 2)
  await expect.poll(() => shapesWithText(alice.page, 'Written offline')).toBeGreaterThan(0)
  expect(await connectionState(alice.page)).not.toBe('online')
  // Meanwhile Bob, still online, adds his own note.
  await addStickyNote(bob.page, 'While Alice was away', { x: 350, y: 600 })
  await waitForShapeCount(bob.page, 2)
}

async function reconnectAndMerge({ alice, bob, aliceNetwork }: Drill) {
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
}

const outage = story(drill, [
  bothStartOnline,
  editingGoesOnOffline,
  reloadWhileOffline,
  reconnectAndMerge,
])

describe('offline editing (real Chromium, built app)', () => {
  it('both start online on the same board', async () => {
    await outage(bothStartOnline)
  })

  it('losing the connection shows it, and editing goes on', async () => {
    await outage(editingGoesOnOffline)
  })

  it('a reload while offline keeps the offline edits (IndexedDB)', async () => {
    await outage(reloadWhileOffline)
  })

  it('reconnecting merges both sides’ edits', async () => {
    await outage(reconnectAndMerge)
  })

  it('a server restart is ridden out: the client reconnects and its edits reach others', async () => {
    // A server of this test's own, since it stops it.
    const board = await outage(reconnectAndMerge, await e2e.startServer())
    const { alice, bob, roomId } = board
    const { dataDir, port } = board.server
    expect(await board.server.stop('SIGTERM')).toBe(0)
    await expect.poll(() => connectionState(alice.page)).toBe('offline')
    await addStickyNote(alice.page, 'During the restart', { x: 650, y: 600 })
    const server = await e2e.startServer({ dataDir, port })
    await expect.poll(() => connectionState(alice.page), { timeout: 15_000 }).toBe('online')
    await expect
      .poll(() => shapesWithText(bob.page, 'During the restart'), { timeout: 15_000 })
      .toBeGreaterThan(0)
    // A newcomer loading from the server (no local copy) gets all four notes.
    const carol = await e2e.person()
    await joinWithLink(carol.page, shareLink(server, roomId), 'Carol')
    await waitForShapeCount(carol.page, 4)
    expect(carol.errors).toEqual([])
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
