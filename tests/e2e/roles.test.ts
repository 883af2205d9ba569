import { beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  type BoardLinks,
  joinWithLink,
  newParticipant,
  type Participant,
  screenshot,
  shapeCount,
  waitForShapeCount,
} from '../support/browser.js'
import { useWorkshop } from '../support/workshop.js'

const workshop = useWorkshop('Roles drill')
let faye: Participant
let links: BoardLinks

beforeAll(async () => {
  ;({ faye, links } = workshop)
  await addStickyNote(faye.page, 'Facilitator note', { x: 400, y: 300 })
})

describe('roles by link (real Chromium, built app)', () => {
  it('a viewer enters without a name, sees the board, and cannot change it', async () => {
    const viewer = await newParticipant(workshop.browser)
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
    const pat: Participant = await newParticipant(workshop.browser)
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
    expect(faye.errors).toEqual([])
  })
})
