/**
 * Anonymous means unlinkable (DESIGN §3): a note a participant draws straight on the canvas must
 * not be tied to them by anything another participant's page receives — not by the Yjs client id
 * on the note (presence is published under another id), not by their presence naming the shapes
 * they have selected, not by earlier writes under the same id. A named room keeps everything.
 *
 * Ana watches; Bea draws. Every frame Ana's page receives is kept and read as Yjs sees it.
 */
import type { Page, WebSocket, WebSocketRoute } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import * as Y from 'yjs'
import { addStickyNote, type Participant, screenshot, waitForBoard } from '../support/browser.js'
import { useE2e, type Workshop } from '../support/e2e.js'
import { type AwarenessEntry, decodeServerFrame, SyncType } from '../support/frames.js'
import { sendCommand } from '../support/server-process.js'

const e2e = useE2e()

interface Drill {
  readonly workshop: Workshop
  readonly ana: Participant
  readonly bea: Participant
  /** Every binary frame the server has sent to Ana's page since it was reloaded. */
  readonly received: Uint8Array[]
  /** Bea's live sync sockets, so that the test can cut them as a network drop would. */
  readonly beaSockets: { page: WebSocketRoute; server: WebSocketRoute }[]
}

/** A new board of Faye's, joined by Ana and Bea, with Ana's frames and Bea's sockets watched. */
async function drill(): Promise<Drill> {
  const workshop = await e2e.workshop('Anonymous drill', ['Ana', 'Bea'])
  const ana = workshop.people.Ana!
  const bea = workshop.people.Bea!
  const received: Uint8Array[] = []
  const beaSockets: Drill['beaSockets'] = []
  await bea.context.routeWebSocket(/\/sync\//, (ws) => {
    beaSockets.push({ page: ws, server: ws.connectToServer() })
  })
  await bea.page.reload()
  await waitForBoard(bea.page)
  // Reload so that the capture starts with the page's first frame (the whole document).
  ana.page.on('websocket', (socket: WebSocket) =>
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') received.push(new Uint8Array(payload))
    }),
  )
  await ana.page.reload()
  await waitForBoard(ana.page)
  return { workshop, ana, bea, received, beaSockets }
}

interface Seen {
  readonly updates: Uint8Array[]
  readonly awareness: AwarenessEntry[]
}

function seenByAna({ received }: Drill, from = 0): Seen {
  const updates: Uint8Array[] = []
  const awareness: AwarenessEntry[] = []
  for (const frame of received.slice(from)) {
    let message: ReturnType<typeof decodeServerFrame>
    try {
      message = decodeServerFrame(frame)
    } catch {
      continue // e.g. the auth message; it carries nothing about anyone
    }
    if (message.type === 'awareness') awareness.push(...message.entries)
    else if (message.syncType !== SyncType.Step1) updates.push(message.data)
  }
  return { updates, awareness }
}

/** The client ids of every item Ana has received that writes the record `id`. */
function writersOf(drill: Drill, id: string): Set<number> {
  const writers = new Set<number>()
  for (const update of seenByAna(drill).updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Item && struct.parentSub === id) writers.add(struct.id.client)
    }
  }
  return writers
}

/** Everything Ana has received that client `writer` wrote, as text. */
function writtenBy(drill: Drill, writer: number): string {
  return seenByAna(drill)
    .updates.flatMap((update) => Y.decodeUpdate(update).structs)
    .filter((struct) => struct instanceof Y.Item && struct.id.client === writer)
    .map((struct) => JSON.stringify((struct as Y.Item).content))
    .join('\n')
}

const state = (entry: AwarenessEntry) =>
  JSON.parse(entry.stateJson) as {
    user?: { name?: string }
    presence?: { selectedShapeIds?: string[]; cursor?: unknown } | null
  } | null

const noteIds = (page: Page) =>
  page.evaluate(() =>
    (window.accord?.editor.getCurrentPageShapes() ?? [])
      .filter((shape) => shape.type === 'note')
      .map((shape) => shape.id),
  )

/**
 * Bea draws a note with the note tool (tldraw leaves it selected), then moves her pointer so that
 * her presence after it reaches Ana. Resolves with the note's id.
 */
async function beaDrawsANote(
  drill: Drill,
  text: string,
  at: { x: number; y: number },
): Promise<string> {
  const { ana, bea, received } = drill
  const before = new Set(await noteIds(bea.page))
  await addStickyNote(bea.page, text, at)
  const id = (await noteIds(bea.page)).find((note) => !before.has(note))
  expect(id).toBeDefined()
  expect(await bea.page.evaluate(() => window.accord?.editor.getSelectedShapeIds())).toEqual([id])
  await expect.poll(() => noteIds(ana.page)).toContain(id)
  const from = received.length
  await bea.page.mouse.move(at.x + 150, at.y + 120, { steps: 5 })
  await expect
    .poll(() =>
      seenByAna(drill, from).awareness.some((entry) => state(entry)?.user?.name === 'Bea'),
    )
    .toBe(true)
  return id!
}

/** The awareness client ids Bea's presence reached Ana under, oldest first. */
const beaPresenceIds = (drill: Drill, from = 0) => [
  ...new Set(
    seenByAna(drill, from)
      .awareness.filter((entry) => state(entry)?.user?.name === 'Bea')
      .map((entry) => entry.clientId),
  ),
]

const center = (page: Page) =>
  page.evaluate(() => {
    const b = window.accord?.editor.getViewportPageBounds()
    return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null
  })

/** What the named room's step leaves for the next: Bea's note there, and her member id. */
interface Named {
  readonly namedNote: string
  /** Bea's member id, which tldraw writes on the notes she edits in a named room. */
  readonly beaMemberId: string
}

// The story, step by step: each test runs the steps before its own on a drill of its own.

async function inANamedRoom(drill: Drill): Promise<Named> {
  const { ana, bea } = drill
  onTestFailed(() => screenshot(ana.page, 'FAILED-anonymous-presence-named'))
  const namedNote = await beaDrawsANote(drill, 'Named idea', { x: 420, y: 300 })
  // Bea's selection reaches Ana (so the capture would see it in the anonymous room too).
  expect(
    seenByAna(drill).awareness.some((entry) =>
      state(entry)?.presence?.selectedShapeIds?.includes(namedNote),
    ),
  ).toBe(true)
  await expect
    .poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count())
    .toBeGreaterThan(0)
  const beaId = await ana.page.evaluate(
    () => window.accord?.editor.getCollaborators().find((c) => c.userName === 'Bea')?.userId,
  )
  const beaMemberId = beaId?.replace(/^user:/, '') ?? ''
  expect(beaMemberId).not.toBe('')
  // Here the note names its author; its Yjs client id is still no presence's id.
  const writers = writersOf(drill, namedNote)
  expect(writers.size).toBeGreaterThan(0)
  expect([...writers].map((writer) => writtenBy(drill, writer)).join()).toContain(beaMemberId)
  for (const id of beaPresenceIds(drill)) expect(writers).not.toContain(id)

  // Braces: startFollowingUser returns the editor, which Playwright would try to serialize.
  await ana.page.evaluate((id) => {
    window.accord?.editor.startFollowingUser(id ?? '')
  }, beaId)
  await bea.page.evaluate(() => {
    window.accord?.editor.setCamera({ x: 1800, y: 1200, z: 1 })
  })
  const target = await center(bea.page)
  await expect
    .poll(async () => {
      const here = await center(ana.page)
      return here && target ? Math.hypot(here.x - target.x, here.y - target.y) : Infinity
    })
    .toBeLessThan(50)
  await ana.page.getByRole('button', { name: 'Stop following' }).click()
  await screenshot(ana.page, 'anonymous-presence-1-named')
  return { namedNote, beaMemberId }
}

async function inAnAnonymousRoom(drill: Drill, { namedNote, beaMemberId }: Named) {
  const { workshop, ana, bea } = drill
  onTestFailed(() => screenshot(ana.page, 'FAILED-anonymous-presence-anonymous'))
  await sendCommand(e2e.server, workshop.roomId, workshop.facilitatorToken, {
    type: 'room.settings',
    anonymous: true,
  })
  for (const page of [ana.page, bea.page]) {
    await page.evaluate(() => {
      window.accord?.editor.setCamera({ x: 0, y: 0, z: 1 })
    })
  }
  const note = await beaDrawsANote(drill, 'Anonymous idea', { x: 520, y: 420 })

  // The note's Yjs client id is no presence's id…
  const writers = writersOf(drill, note)
  expect(writers.size).toBeGreaterThan(0)
  const presenceIds = new Set(seenByAna(drill).awareness.map((entry) => entry.clientId))
  for (const writer of writers) expect(presenceIds).not.toContain(writer)
  // …nor the id Bea wrote under while the room was named (her id is on those writes)…
  for (const writer of writers) {
    expect(writersOf(drill, namedNote)).not.toContain(writer)
    expect(writtenBy(drill, writer)).not.toContain(beaMemberId)
    expect(writtenBy(drill, writer)).not.toContain('Bea')
  }
  // …and no presence names the note, though Bea still shows up with her name and cursor.
  for (const entry of seenByAna(drill).awareness) expect(entry.stateJson).not.toContain(note)
  const latest = seenByAna(drill)
    .awareness.map(state)
    .filter((seen) => seen?.user?.name === 'Bea')
    .at(-1)
  expect(latest?.presence?.cursor).toBeTruthy()
  expect(latest?.presence?.selectedShapeIds).toEqual([])
  await expect
    .poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count())
    .toBeGreaterThan(0)
  await screenshot(ana.page, 'anonymous-presence-2-anonymous')
}

describe('presence in anonymous rooms (real Chromium, built app)', () => {
  it('in a named room, presence shows names, cursors and selections, and follow works', async () => {
    await inANamedRoom(await drill())
  })

  it('[fac:AN1] in an anonymous room, nothing Ana receives ties Bea’s note to Bea', async () => {
    const board = await drill()
    await inAnAnonymousRoom(board, await inANamedRoom(board))
  })

  it('after a network drop, Bea reconnects and her presence comes back under the same id', async () => {
    const board = await drill()
    await inAnAnonymousRoom(board, await inANamedRoom(board))
    const { ana, bea, received, beaSockets } = board
    onTestFailed(() => screenshot(ana.page, 'FAILED-anonymous-presence-reconnect'))
    const ids = beaPresenceIds(board)
    expect(ids).toHaveLength(1)
    for (const route of beaSockets.splice(0)) {
      await route.server.close()
      await route.page.close({ code: 1006, reason: 'network down' })
    }
    await expect.poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count()).toBe(0)
    await expect.poll(() => beaSockets.length).toBe(1)
    const from = received.length
    await bea.page.mouse.move(300, 300, { steps: 5 })
    await expect
      .poll(() =>
        seenByAna(board, from).awareness.some((entry) => state(entry)?.user?.name === 'Bea'),
      )
      .toBe(true)
    expect(beaPresenceIds(board, from)).toEqual(ids)
    await expect
      .poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count())
      .toBeGreaterThan(0)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
