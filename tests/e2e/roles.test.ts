import { describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  joinWithLink,
  type Participant,
  screenshot,
  shapeCount,
  waitForShapeCount,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

/** Faye's board, with a note of hers on it. */
async function fayesBoard() {
  const { faye, links } = await e2e.workshop('Roles drill')
  await addStickyNote(faye.page, 'Facilitator note', { x: 400, y: 300 })
  return { faye, links }
}

describe('roles by link (real Chromium, built app)', () => {
  it('a viewer enters without a name, sees the board, and cannot change it', async () => {
    const { faye, links } = await fayesBoard()
    const viewer = await e2e.person()
    await joinWithLink(viewer.page, links.viewer, 'unused')
    expect(await viewer.page.getByTestId('role').textContent()).toBe('Viewing only')
    await waitForShapeCount(viewer.page, 1)
    await addStickyNote(viewer.page, 'Viewer note', { x: 700, y: 500 })
    expect(await shapeCount(viewer.page)).toBe(1)
    expect(await shapeCount(faye.page)).toBe(1)
    // No name field and no cursor for others: a viewer only watches.
    expect(await viewer.page.getByTestId('display-name').count()).toBe(0)
    await screenshot(viewer.page, 'roles-viewer')
  })

  it('replacing the participant link signs out those who joined with it', async () => {
    const { faye, links } = await fayesBoard()
    const pat: Participant = await e2e.person()
    onTestFailed(async () => {
      await screenshot(pat.page, 'FAILED-roles-pat')
      await screenshot(faye.page, 'FAILED-roles-faye')
    })
    await joinWithLink(pat.page, links.participant, 'Pat')
    await waitForShapeCount(pat.page, 1)

    faye.page.once('dialog', (dialog) => void dialog.accept())
    await faye.page.getByTestId('share-button').click()
    await faye.page.getByTestId('rotate-participant').click()
    await expect
      .poll(() => faye.page.getByTestId('share-link-participant').inputValue())
      .not.toBe(links.participant)
    const fresh = await faye.page.getByTestId('share-link-participant').inputValue()
    await screenshot(faye.page, 'roles-share-menu')

    const refused = pat.page.getByTestId('refused')
    await refused.waitFor()
    expect(await refused.getAttribute('data-reason')).toBe('link-invalid')
    // The old link is dead; the new one lets Pat back in.
    await pat.page.goto(links.participant)
    await pat.page.getByTestId('refused').waitFor()
    await joinWithLink(pat.page, fresh, 'Pat')
    await waitForShapeCount(pat.page, 1)
    expect(pat.errors).toEqual([])
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
