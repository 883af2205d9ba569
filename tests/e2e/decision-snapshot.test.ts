/**
 * The board at the moment of decision (rec:BS1), in real Chromium against the built app: a
 * decision is accepted on a retro's board, the board is edited afterwards, and the record page's
 * "See the board as it was" opens the board as it was — the old note text on the canvas, the new
 * one nowhere — with its image drawn from it. A record only proposed offers none and says why.
 * Screenshots are kept as decision-snapshot-*.png.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  boardRecords,
  frameShape,
  noteShape,
  noteText,
  notesOf,
  putShapes,
} from '../support/board-records.js'
import { joinWithLink, screenshot, shapesWithText, shareLink } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'
import { joinRoom, sendCommand, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

const e2e = useE2e()

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const count = (page: Page, testId: string) => page.getByTestId(testId).count()

const before = 'Friday deploys broke prod'
const after = 'Reworded after the decision'
const frame = { id: 'shape:theme-deploys', parentId: 'page:page', index: 'a9' }
/** The theme's note; its text at tldraw's own size (0), readable in the screenshots. */
function note(words: string) {
  const shape = noteShape({
    id: 'shape:deploys',
    text: words,
    parentId: frame.id,
    x: 40,
    y: 60,
    index: 'a1',
  })
  return { ...shape, props: { ...shape.props, fontSizeAdjustment: 0 } }
}

/**
 * A retro whose facilitator (Faye, over the API with a stock client) puts a theme with a note on
 * the board and records a decision from it; returns the room, Faye and her client.
 */
async function decidedRetro(status: 'accepted' | 'proposed') {
  const { server } = e2e
  const roomId = await e2e.room('Sprint 41 retro', {
    template: 'retro',
    options: { format: 'start-stop-continue' },
  })
  const faye = await joinRoom(server, roomId, tokensOf(roomId).facilitator, 'Faye')
  const client = e2e.client(roomId, { token: faye.token })
  const watcher = e2e.client(roomId)
  await Promise.all([client.whenSynced(), watcher.whenSynced()])
  putShapes(
    client.doc,
    frameShape({ ...frame, name: 'Friday deploys', x: 3200, y: 0, w: 400, h: 320 }),
    note(before),
  )
  // Relayed to another client: the server's copy has it.
  await waitFor(() => boardRecords(watcher.doc).has('shape:deploys'))
  const recorded = await sendCommand(server, roomId, faye.token, {
    type: 'decision.create',
    title: 'No deploys on Fridays',
    decision: 'We deploy Monday to Thursday only.',
    decisionMakerIds: [faye.memberId],
    shapeId: frame.id,
    status,
  })
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(200)
  const { id } = recorded.body as { id: string }
  /** Rewords the note on the board, and waits until the server has relayed it. */
  const reword = async () => {
    putShapes(client.doc, note(after))
    await waitFor(() => notesOf(watcher.doc).some((shape) => noteText(shape) === after), {
      what: 'the reworded note on the server',
    })
  }
  return { roomId, id, reword }
}

describe('the board as it was when a decision was accepted (real Chromium, built app)', () => {
  it('[rec:BS1] the record page opens the board as it was: the old note text, not the new', async () => {
    const { roomId, id, reword } = await decidedRetro('accepted')
    await reword()
    const reader = await e2e.person({ acceptDownloads: true })
    const page = reader.page
    onTestFailed(() => screenshot(page, 'FAILED-decision-snapshot'))

    // Like the live board, the kept one is for the people the workshop let in.
    await page.goto(`${e2e.server.url}/decisions/${id}/board`)
    await expect
      .poll(() => text(page, 'kept-board-locked'))
      .toContain('is for the people of its workshop')
    expect(await shapesWithText(page, before)).toBe(0)
    await joinWithLink(page, shareLink(e2e.server, roomId, 'viewer'), 'Vic')

    await page.goto(`${e2e.server.url}/decisions/${id}`)
    const open = page.getByTestId('decision-open-snapshot')
    await expect.poll(() => open.count()).toBe(1)
    expect(await open.innerText()).toBe('See the board as it was')
    await screenshot(page, 'decision-snapshot-0-record')
    await open.click()

    await expect.poll(() => page.url()).toBe(`${e2e.server.url}/decisions/${id}/board`)
    await expect
      .poll(() => text(page, 'kept-board-title'))
      .toMatch(new RegExp(`^The board as it was when ${id} was accepted on .+2\\d{3}$`))
    await expect.poll(() => shapesWithText(page, before), { timeout: 15_000 }).toBe(1)
    expect(await shapesWithText(page, after)).toBe(0)
    expect(await page.getByTestId('kept-board-live').getAttribute('href')).toBe(
      `/b/${roomId}?focus=${encodeURIComponent(frame.id)}`,
    )
    await page.waitForTimeout(300) // the canvas's first frames
    await screenshot(page, 'decision-snapshot-1-kept-board')

    // Its image is drawn from the kept board too.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('kept-board-download-svg').click(),
    ])
    expect(file.suggestedFilename()).toMatch(/\.svg$/)
    const svg = readFileSync(await file.path(), 'utf8')
    expect(svg).toContain(before)
    expect(svg).not.toContain(after)
    await expect.poll(() => text(page, 'kept-board-message')).toMatch(/^Downloaded .+\.svg$/)
  })

  it('[rec:BS1] a proposed record offers no kept board, and its page says why', async () => {
    const { roomId, id } = await decidedRetro('proposed')
    const reader = await e2e.join(roomId, 'Vic', 'viewer')
    const page = reader.page
    onTestFailed(() => screenshot(page, 'FAILED-decision-snapshot-none'))

    await page.goto(`${e2e.server.url}/decisions/${id}`)
    await expect.poll(() => count(page, 'decision-open-board')).toBe(1)
    expect(await count(page, 'decision-open-snapshot')).toBe(0)

    await page.goto(`${e2e.server.url}/decisions/${id}/board`)
    await expect
      .poll(() => text(page, 'kept-board-none'))
      .toContain(`A record keeps its board when it is accepted, and ${id} is proposed.`)
    await screenshot(page, 'decision-snapshot-2-none')
  })
})
