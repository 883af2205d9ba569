import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { addStickyNote, screenshot, waitForShapeCount } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

/** A new board of Faye's with two notes of hers, joined by Pat and Quinn. */
async function drill() {
  const workshop = await e2e.workshop('Voting drill', ['Pat', 'Quinn'])
  const { faye } = workshop
  const pat = workshop.people.Pat!
  const quinn = workshop.people.Quinn!
  await addStickyNote(faye.page, 'Ship smaller PRs', { x: 300, y: 300 })
  await addStickyNote(faye.page, 'Fewer meetings', { x: 650, y: 300 })
  await waitForShapeCount(pat.page, 2)
  await waitForShapeCount(quinn.page, 2)
  return { faye, pat, quinn }
}

type Drill = Awaited<ReturnType<typeof drill>>

/** The vote control on the note showing `label`, as a participant sees it. */
function dotsOn(page: Page, label: string) {
  return page
    .getByTestId('vote-dots')
    .filter({ has: page.getByRole('button', { name: `Give “${label}” a dot` }) })
}

const give = (page: Page, label: string) =>
  page.getByRole('button', { name: `Give “${label}” a dot` }).click()

/** The facilitator starts a vote over the notes, 3 dots each; the participants see it open. */
async function startVote({ faye, pat, quinn }: Drill) {
  await faye.page.keyboard.press('Escape')
  await faye.page.getByTestId('vote-start').click()
  await faye.page.getByTestId('vote-dots-per-person').fill('3')
  await faye.page.getByTestId('vote-open').click()
  for (const person of [pat, quinn]) {
    await expect
      .poll(() => person.page.getByTestId('vote-status').textContent())
      .toContain('3 of 3 dots left')
  }
}

/** Pat gives “Fewer meetings” two dots and “Ship smaller PRs” one; Quinn “Fewer meetings” one. */
async function placeDots({ pat, quinn }: Drill) {
  await give(pat.page, 'Fewer meetings')
  await give(pat.page, 'Fewer meetings')
  await give(pat.page, 'Ship smaller PRs')
  await expect
    .poll(() => pat.page.getByTestId('vote-status').textContent())
    .toContain('0 of 3 dots left')
  await give(quinn.page, 'Fewer meetings')
  await expect.poll(() => dotsOn(quinn.page, 'Fewer meetings').locator('.vote-dot').count()).toBe(1)
}

describe('dot voting (real Chromium, built app)', () => {
  it('the facilitator starts a vote over the notes', async () => {
    await startVote(await drill())
  })

  it('each places their own dots; nobody sees anyone else’s, and a 4th dot is refused', async () => {
    const { faye, pat, quinn } = await drill()
    onTestFailed(() => screenshot(pat.page, 'FAILED-voting-pat'))
    await startVote({ faye, pat, quinn })
    await give(pat.page, 'Fewer meetings')
    await give(pat.page, 'Fewer meetings')
    await give(pat.page, 'Ship smaller PRs')
    await expect
      .poll(() => pat.page.getByTestId('vote-status').textContent())
      .toContain('0 of 3 dots left')
    await give(pat.page, 'Ship smaller PRs')
    await expect
      .poll(() => pat.page.getByRole('alert').textContent())
      .toContain('you have used all 3 of your dots')
    await give(quinn.page, 'Fewer meetings')

    // Pat sees his own three dots; Quinn and Faye see none of Pat's, and no totals anywhere.
    await expect.poll(() => dotsOn(pat.page, 'Fewer meetings').locator('.vote-dot').count()).toBe(2)
    await expect
      .poll(() => dotsOn(quinn.page, 'Fewer meetings').locator('.vote-dot').count())
      .toBe(1)
    expect(await dotsOn(quinn.page, 'Ship smaller PRs').locator('.vote-dot').count()).toBe(0)
    for (const person of [faye, pat, quinn])
      expect(await person.page.getByTestId('vote-total').count()).toBe(0)
    await screenshot(pat.page, 'voting-1-open')
  })

  it('closing shows everyone the totals and the ranking', async () => {
    const people = await drill()
    const { faye, pat, quinn } = people
    await startVote(people)
    await placeDots(people)
    await faye.page.getByTestId('vote-close').click()
    for (const person of [faye, pat, quinn]) {
      await person.page.getByTestId('vote-results').waitFor()
      const dots = await person.page.getByTestId('result-dots').allTextContents()
      expect(dots).toEqual(['3', '1'])
      expect(await person.page.getByTestId('vote-results').textContent()).toMatch(
        /Fewer meetings.*Ship smaller PRs/,
      )
      expect(await person.page.getByTestId('vote-total').count()).toBe(2)
    }
    await screenshot(quinn.page, 'voting-2-results')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
