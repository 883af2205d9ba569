import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import {
  type Participant,
  screenshot,
  shapeCount,
  shapesWithText,
  waitForShapeCount,
} from '../support/browser.js'
import { useWorkshop } from '../support/workshop.js'
import { sendCommand } from '../support/server-process.js'

const workshop = useWorkshop('Private writing drill', ['Pat', 'Quinn'])
let faye: Participant
let pat: Participant
let quinn: Participant

beforeAll(async () => {
  ;({ faye } = workshop)
  pat = workshop.people.Pat!
  quinn = workshop.people.Quinn!
  // Phases: private writing, then reveal (set up over the API; the UI is tested elsewhere).
  const rules = { boardEditing: true, privateWriting: true, reveal: 'facilitator', voting: false }
  await sendCommand(workshop.server, workshop.roomId, workshop.facilitatorToken, {
    type: 'phases.update',
    phases: [
      { name: 'Write privately', instructions: 'What went wrong?', rules },
      { name: 'Reveal', rules: { ...rules, privateWriting: false } },
    ],
  })
})

async function writePrivately(page: Page, text: string) {
  await page.getByTestId('private-note-input').fill(text)
  await page.getByTestId('private-note-add').click()
  await expect.poll(() => page.getByTestId('private-note').count()).toBeGreaterThan(0)
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText)

describe('private writing and reveal (real Chromium, built app)', () => {
  it('private notes are seen by their author only', async () => {
    onTestFailed(() => screenshot(quinn.page, 'FAILED-private-quinn'))
    await writePrivately(pat.page, 'Pat thinks the release was rushed')
    await writePrivately(quinn.page, 'Quinn missed the on-call handover')
    expect(await pat.page.getByTestId('private-note').count()).toBe(1)
    expect(await quinn.page.getByTestId('private-note').count()).toBe(1)
    // Nobody else sees them: not on the board, not anywhere on the page.
    expect(await bodyText(quinn.page)).not.toContain('release was rushed')
    expect(await bodyText(faye.page)).not.toContain('release was rushed')
    expect(await bodyText(pat.page)).not.toContain('on-call handover')
    for (const person of [faye, pat, quinn]) expect(await shapeCount(person.page)).toBe(0)
    // The facilitator knows how many are waiting, not whose or what.
    await expect
      .poll(() => faye.page.getByTestId('reveal-all').textContent())
      .toContain('2 from 2 people')
    await screenshot(pat.page, 'private-1-writing')
  })

  it('the facilitator reveals them all onto everyone’s board', async () => {
    await faye.page.getByTestId('phase-next').click()
    await faye.page.getByTestId('reveal-all').click()
    for (const person of [faye, pat, quinn]) {
      await waitForShapeCount(person.page, 2)
      await expect.poll(() => shapesWithText(person.page, 'release was rushed')).toBe(1)
      await expect.poll(() => shapesWithText(person.page, 'on-call handover')).toBe(1)
    }
    await screenshot(quinn.page, 'private-2-revealed')
  })

  it('nobody’s page threw an error', () => {
    for (const person of [faye, pat, quinn]) expect(person.errors).toEqual([])
  })
})
