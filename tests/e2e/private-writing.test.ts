import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  type Participant,
  screenshot,
  shapeCount,
  shapesWithText,
  waitForShapeCount,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'
import { sendCommand } from '../support/server-process.js'

const e2e = useE2e()

/**
 * A new board of Faye's, joined by Pat and Quinn, in its phases: private writing, then reveal
 * (set up over the API; the UI is tested elsewhere).
 */
async function drill() {
  const workshop = await e2e.workshop('Private writing drill', ['Pat', 'Quinn'])
  const rules = { boardEditing: true, privateWriting: true, reveal: 'facilitator', voting: false }
  await sendCommand(e2e.server, workshop.roomId, workshop.facilitatorToken, {
    type: 'phases.update',
    phases: [
      { name: 'Write privately', instructions: 'What went wrong?', rules },
      { name: 'Reveal', rules: { ...rules, privateWriting: false } },
    ],
  })
  return { faye: workshop.faye, pat: workshop.people.Pat!, quinn: workshop.people.Quinn! }
}

async function writePrivately(page: Page, text: string) {
  await page.getByTestId('private-note-input').fill(text)
  await page.getByTestId('private-note-add').click()
  await expect.poll(() => page.getByTestId('private-note').count()).toBeGreaterThan(0)
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText)

/** Pat and Quinn each write one private note. */
async function bothWrite({ pat, quinn }: { pat: Participant; quinn: Participant }) {
  await writePrivately(pat.page, 'Pat thinks the release was rushed')
  await writePrivately(quinn.page, 'Quinn missed the on-call handover')
}

describe('private writing and reveal (real Chromium, built app)', () => {
  it('private notes are seen by their author only', async () => {
    const { faye, pat, quinn } = await drill()
    onTestFailed(() => screenshot(quinn.page, 'FAILED-private-quinn'))
    await bothWrite({ pat, quinn })
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
    const { faye, pat, quinn } = await drill()
    await bothWrite({ pat, quinn })
    await expect
      .poll(() => faye.page.getByTestId('reveal-all').textContent())
      .toContain('2 from 2 people')
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
    expect(e2e.pageErrors()).toEqual([])
  })
})
