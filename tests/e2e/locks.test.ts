import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  focusCanvas,
  type Participant,
  screenshot,
  shapeCount,
  waitForShapeCount,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

/** A new board of Faye's, joined by Pat. */
async function drill() {
  const workshop = await e2e.workshop('Locks drill', ['Pat'])
  return { faye: workshop.faye, pat: workshop.people.Pat! }
}

const noteX = (page: Page) =>
  page.evaluate(
    () => window.accord?.editor.getCurrentPageShapes().find((s) => s.type === 'note')?.x,
  )

/** Faye draws a frame, Pat puts a note in it, and Faye locks the frame; Pat is told. */
async function lockedFrameWithNote(faye: Participant, pat: Participant) {
  await focusCanvas(faye.page)
  await faye.page.keyboard.press('f')
  await faye.page.mouse.move(250, 200)
  await faye.page.mouse.down()
  await faye.page.mouse.move(750, 550, { steps: 8 })
  await faye.page.mouse.up()
  await faye.page.keyboard.press('Escape') // leaves the frame's title; the frame stays selected
  await waitForShapeCount(pat.page, 1)
  await addStickyNote(pat.page, 'Inside', { x: 450, y: 380 })
  await waitForShapeCount(faye.page, 2)

  // Faye selects the frame by its label and locks it.
  await faye.page.keyboard.press('v')
  await faye.page.getByText('Frame', { exact: true }).click()
  await faye.page.getByTestId('lock-frames').click()
  await pat.page.getByTestId('locked-frame-badge').waitFor()
  expect(await pat.page.getByTestId('lock-status').textContent()).toContain('1 locked frame')
}

describe('locks (real Chromium, built app)', () => {
  it('a frame the facilitator locks cannot be changed by a participant', async () => {
    const { faye, pat } = await drill()
    onTestFailed(async () => {
      await screenshot(faye.page, 'FAILED-locks-faye')
      await screenshot(pat.page, 'FAILED-locks-pat')
    })
    // Faye draws a frame; Pat puts a note in it; Faye locks the frame.
    await lockedFrameWithNote(faye, pat)

    // Pat tries to drag the note out by its middle (its edges hold tldraw's "new note" handles):
    // it does not move, for Pat or for Faye, and cannot be deleted.
    const before = await noteX(faye.page)
    await focusCanvas(pat.page)
    await pat.page.mouse.move(450, 450)
    await pat.page.mouse.down()
    await pat.page.mouse.move(1000, 650, { steps: 8 })
    await pat.page.mouse.up()
    await pat.page.keyboard.press('Delete')
    expect(await noteX(pat.page)).toBe(before)
    expect(await noteX(faye.page)).toBe(before)
    expect(await shapeCount(faye.page)).toBe(2)
    await screenshot(pat.page, 'locks-1-locked-frame')
  })

  it('an edit the server refuses is undone on the writer’s board too: it starts over from the server’s copy', async () => {
    const { faye, pat } = await drill()
    await lockedFrameWithNote(faye, pat)
    // A modified client gets past the lock mirror: Pat's browser writes the move into the
    // board's document itself.
    const before = await noteX(faye.page)
    await pat.page.evaluate(() => {
      const accord = window.accord
      const note = accord?.editor.getCurrentPageShapes().find((shape) => shape.type === 'note')
      if (accord && note)
        accord.doc.getMap('tldraw:records').set(note.id, { ...note, x: note.x + 300 })
    })
    await pat.page.getByText('Your last change was not saved').first().waitFor()
    // Pat's board drops the refused move (it never reached anyone), and the message stays up.
    await expect.poll(() => noteX(pat.page)).toBe(before)
    expect(await noteX(faye.page)).toBe(before)
    await pat.page.getByText('this part of the board is locked').first().waitFor()
    // Pat goes on working, and everyone sees it.
    await addStickyNote(pat.page, 'After the refusal', { x: 1000, y: 650 })
    await waitForShapeCount(faye.page, 3)
    await pat.page.evaluate(() => {
      const editor = window.accord?.editor
      const added = editor
        ?.getCurrentPageShapes()
        .find((shape) => editor.getShapeUtil(shape).getText(shape) === 'After the refusal')
      if (editor && added) editor.deleteShapes([added.id])
    })
    await waitForShapeCount(faye.page, 2)
  })

  it('a locked board is read-only for participants, until it is unlocked', async () => {
    const { faye, pat } = await drill()
    await lockedFrameWithNote(faye, pat)
    await faye.page.getByTestId('lock-board').click()
    await expect
      .poll(() => pat.page.getByTestId('lock-status').textContent())
      .toContain('Board locked')
    await addStickyNote(pat.page, 'Not allowed', { x: 1000, y: 650 })
    expect(await shapeCount(pat.page)).toBe(2)
    await faye.page.getByTestId('lock-board').click()
    await expect
      .poll(() => pat.page.getByTestId('lock-status').textContent())
      .not.toContain('Board locked')
    await addStickyNote(pat.page, 'Allowed again', { x: 1000, y: 650 })
    await waitForShapeCount(faye.page, 3)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
