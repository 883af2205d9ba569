/**
 * Anonymous means unlinkable (DESIGN §3): a note a participant draws straight on the canvas must
 * not be tied to them by anything another participant's page receives — not by the Yjs client id
 * on the note (presence is published under another id), not by their presence naming the shapes
 * they have selected, not by earlier writes under the same id. A named room keeps everything.
 *
 * Ana watches; Bea draws. Every frame Ana's page receives is kept and read as Yjs sees it.
 */
import type { Page, WebSocket, WebSocketRoute } from 'playwright-core'
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import * as Y from 'yjs'
import { addStickyNote, type Participant, screenshot, waitForBoard } from '../support/browser.js'
import { type AwarenessEntry, decodeServerFrame, SyncType } from '../support/frames.js'
import { sendCommand } from '../support/server-process.js'
import { useWorkshop } from '../support/workshop.js'

const workshop = useWorkshop('Anonymous drill', ['Ana', 'Bea'])
let ana: Participant
let bea: Participant
/** Every binary frame the server has sent to Ana's page since it was reloaded. */
const received: Uint8Array[] = []
/** Bea's live sync sockets, so that the test can cut them as a network drop would. */
const beaSockets: { page: WebSocketRoute; server: WebSocketRoute }[] = []

beforeAll(async () => {
  ana = workshop.people.Ana!
  bea = workshop.people.Bea!
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
})

interface Seen {
  readonly updates: Uint8Array[]
  readonly awareness: AwarenessEntry[]
}

function seenByAna(from = 0): Seen {
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
function writersOf(id: string): Set<number> {
  const writers = new Set<number>()
  for (const update of seenByAna().updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Item && struct.parentSub === id) writers.add(struct.id.client)
    }
  }
  return writers
}

/** Everything Ana has received that client `writer` wrote, as text. */
function writtenBy(writer: number): string {
  return seenByAna()
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
async function beaDrawsANote(text: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await noteIds(bea.page))
  await addStickyNote(bea.page, text, at)
  const id = (await noteIds(bea.page)).find((note) => !before.has(note))
  expect(id).toBeDefined()
  expect(await bea.page.evaluate(() => window.accord?.editor.getSelectedShapeIds())).toEqual([id])
  await expect.poll(() => noteIds(ana.page)).toContain(id)
  const from = received.length
  await bea.page.mouse.move(at.x + 150, at.y + 120, { steps: 5 })
  await expect
    .poll(() => seenByAna(from).awareness.some((entry) => state(entry)?.user?.name === 'Bea'))
    .toBe(true)
  return id!
}

/** The awareness client ids Bea's presence reached Ana under, oldest first. */
const beaPresenceIds = (from = 0) => [
  ...new Set(
    seenByAna(from)
      .awareness.filter((entry) => state(entry)?.user?.name === 'Bea')
      .map((entry) => entry.clientId),
  ),
]

const center = (page: Page) =>
  page.evaluate(() => {
    const b = window.accord?.editor.getViewportPageBounds()
    return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null
  })

let namedNote = ''
/** Bea's member id, which tldraw writes on the notes she edits in a named room. */
let beaMemberId = ''

describe('presence in anonymous rooms (real Chromium, built app)', () => {
  it('in a named room, presence shows names, cursors and selections, and follow works', async () => {
    onTestFailed(() => screenshot(ana.page, 'FAILED-anonymous-presence-named'))
    namedNote = await beaDrawsANote('Named idea', { x: 420, y: 300 })
    // Bea's selection reaches Ana (so the capture would see it in the anonymous room too).
    expect(
      seenByAna().awareness.some((entry) =>
        state(entry)?.presence?.selectedShapeIds?.includes(namedNote),
      ),
    ).toBe(true)
    await expect
      .poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count())
      .toBeGreaterThan(0)
    const beaId = await ana.page.evaluate(
      () => window.accord?.editor.getCollaborators().find((c) => c.userName === 'Bea')?.userId,
    )
    beaMemberId = beaId?.replace(/^user:/, '') ?? ''
    expect(beaMemberId).not.toBe('')
    // Here the note names its author; its Yjs client id is still no presence's id.
    const writers = writersOf(namedNote)
    expect(writers.size).toBeGreaterThan(0)
    expect([...writers].map(writtenBy).join()).toContain(beaMemberId)
    for (const id of beaPresenceIds()) expect(writers).not.toContain(id)

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
  })

  it('[fac:AN1] in an anonymous room, nothing Ana receives ties Bea’s note to Bea', async () => {
    onTestFailed(() => screenshot(ana.page, 'FAILED-anonymous-presence-anonymous'))
    await sendCommand(workshop.server, workshop.roomId, workshop.facilitatorToken, {
      type: 'room.settings',
      anonymous: true,
    })
    for (const page of [ana.page, bea.page]) {
      await page.evaluate(() => {
        window.accord?.editor.setCamera({ x: 0, y: 0, z: 1 })
      })
    }
    const note = await beaDrawsANote('Anonymous idea', { x: 520, y: 420 })

    // The note's Yjs client id is no presence's id…
    const writers = writersOf(note)
    expect(writers.size).toBeGreaterThan(0)
    const presenceIds = new Set(seenByAna().awareness.map((entry) => entry.clientId))
    for (const writer of writers) expect(presenceIds).not.toContain(writer)
    // …nor the id Bea wrote under while the room was named (her id is on those writes)…
    for (const writer of writers) {
      expect(writersOf(namedNote)).not.toContain(writer)
      expect(writtenBy(writer)).not.toContain(beaMemberId)
      expect(writtenBy(writer)).not.toContain('Bea')
    }
    // …and no presence names the note, though Bea still shows up with her name and cursor.
    for (const entry of seenByAna().awareness) expect(entry.stateJson).not.toContain(note)
    const latest = seenByAna()
      .awareness.map(state)
      .filter((seen) => seen?.user?.name === 'Bea')
      .at(-1)
    expect(latest?.presence?.cursor).toBeTruthy()
    expect(latest?.presence?.selectedShapeIds).toEqual([])
    await expect
      .poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count())
      .toBeGreaterThan(0)
    await screenshot(ana.page, 'anonymous-presence-2-anonymous')
  })

  it('after a network drop, Bea reconnects and her presence comes back under the same id', async () => {
    onTestFailed(() => screenshot(ana.page, 'FAILED-anonymous-presence-reconnect'))
    const ids = beaPresenceIds()
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
      .poll(() => seenByAna(from).awareness.some((entry) => state(entry)?.user?.name === 'Bea'))
      .toBe(true)
    expect(beaPresenceIds(from)).toEqual(ids)
    await expect
      .poll(() => ana.page.locator('.tl-nametag', { hasText: 'Bea' }).count())
      .toBeGreaterThan(0)
  })

  it('nobody’s page threw an error', () => {
    for (const person of [workshop.faye, ana, bea]) expect(person.errors).toEqual([])
  })
})
