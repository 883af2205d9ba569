/**
 * The safeguards of a disagree-and-commit, through the UI in real Chromium: a proposal reworded
 * after a stance sets it aside (the facilitator is warned first, everyone is told after), and the
 * decider cannot accept over a block without saying how it was heard — which everyone then sees.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { type Participant, screenshot } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const count = (page: Page, testId: string) => page.getByTestId(testId).count()

async function nextPhase(faye: Page, everyone: readonly Participant[], name: string) {
  await faye.getByTestId('phase-next').click()
  for (const person of everyone) await expect.poll(() => text(person.page, 'phase-name')).toBe(name)
}

async function writeProposal(faye: Page, title: string) {
  const form = faye.getByTestId('proposal-form')
  await form.getByTestId('proposal-title-input').fill(title)
  const decider = faye.getByTestId('proposal-decider')
  await expect.poll(() => decider.locator('option', { hasText: 'Pat' }).count()).toBe(1)
  await decider.selectOption({ label: 'Pat' })
  await form.getByTestId('proposal-save').click()
}

async function block(pat: Page) {
  await pat.getByTestId('stance-option-0').check()
  await pat.getByTestId('stance-reason').fill('Not during the launch')
  await pat.getByTestId('stance-give').click()
  await expect.poll(() => count(pat, 'stance-mine')).toBe(1)
}

describe('disagree and commit: safeguards (real Chromium, built app)', () => {
  it('a reworded proposal sets stances aside; accepting over a block needs an acknowledgment', async () => {
    const roomId = await e2e.room('Launch decision', { template: 'disagree-and-commit' })
    const faye = await e2e.join(roomId, 'Faye', 'facilitator')
    const pat = await e2e.join(roomId, 'Pat')
    const everyone = [faye, pat]
    onTestFailed(() => screenshot(faye.page, 'FAILED-decision-safeguards'))

    await writeProposal(faye.page, 'Move to Postgres')
    await expect.poll(() => text(pat.page, 'proposal-title')).toBe('Move to Postgres')
    await nextPhase(faye.page, everyone, 'Discussion')
    await nextPhase(faye.page, everyone, 'Hidden stances')
    await block(pat.page)

    // Rewording: Faye is warned before saving; then everyone is told, and Pat gives again.
    await faye.page.getByTestId('proposal-edit').click()
    await expect
      .poll(() => text(faye.page, 'proposal-change-warning'))
      .toContain('saving a new one')
    await writeProposal(faye.page, 'Move to Postgres after the launch')
    for (const person of everyone) {
      await expect
        .poll(() => text(person.page, 'proposal-changed'))
        .toContain('Faye changed the proposal after a stance was given')
      await expect
        .poll(() => text(person.page, 'stances-given'))
        .toBe('0 of 2 have given a stance.')
    }
    expect(await count(pat.page, 'stance-mine')).toBe(0)
    await screenshot(pat.page, 'decision-safeguards-1-reworded')
    await block(pat.page)

    await nextPhase(faye.page, everyone, 'Reveal and discuss dissent')
    await faye.page.getByTestId('stances-reveal').click()
    await expect.poll(() => text(pat.page, 'stances-blocks')).toBe('1 block')
    await nextPhase(faye.page, everyone, 'Decide')

    // Accepting over the block: refused until Pat says how it was heard.
    const form = pat.page.getByTestId('decision-form')
    await form.getByTestId('decision-text-input').fill('We move after the launch.')
    await form.getByTestId('decision-rationale-input').fill('Write load doubles next quarter.')
    await form.getByTestId('decision-record').click()
    await expect
      .poll(() => text(pat.page, 'decision-form-error'))
      .toBe('Someone blocked: say how the block was heard before accepting.')
    await form
      .getByTestId('decision-acknowledgment-input')
      .fill('The block is why the move waits until after the launch.')
    await form.getByTestId('decision-record').click()
    for (const person of everyone)
      await expect
        .poll(() => text(person.page, 'decision-acknowledgment'))
        .toBe('Accepted over a block: The block is why the move waits until after the launch.')
    await screenshot(faye.page, 'decision-safeguards-2-acknowledged')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
