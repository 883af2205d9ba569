/**
 * "Record decision" on a board without decision steps of its own, through the UI in real
 * Chromium: the facilitator of a retro selects a theme's frame, writes the decision down with who
 * decided, and it is recorded — marked on that frame for everyone, listed in the panel and read
 * back on the record page; writing the same question again, the re-litigation guard names it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { screenshot } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText()
const count = (page: Page, testId: string) => page.getByTestId(testId).count()

/** Selects the frame of a template's region, as a click on its title would. */
async function selectRegion(page: Page, region: string) {
  await page.evaluate((key) => {
    const editor = window.accord?.editor as unknown as {
      getCurrentPageShapes(): { id: string; type: string; meta: { region?: string } }[]
      select(...ids: string[]): void
    }
    const frame = editor
      .getCurrentPageShapes()
      .find((shape) => shape.type === 'frame' && shape.meta.region === key)
    if (!frame) throw new Error(`no region ${key}`)
    editor.select(frame.id)
  }, region)
}

describe('a free-form decision on a retro (real Chromium, built app)', () => {
  it('[rec:DR9] the facilitator records a decision from a frame; everyone sees it marked there', async () => {
    const roomId = await e2e.room('Sprint 31 retro', {
      template: 'retro',
      options: { format: 'start-stop-continue' },
    })
    const faye = await e2e.join(roomId, 'Faye', 'facilitator')
    const bo = await e2e.join(roomId, 'Bo')
    onTestFailed(() => screenshot(faye.page, 'FAILED-free-decision'))
    const page = faye.page
    await expect.poll(() => count(page, 'workshop-panel')).toBe(1)
    expect(await count(page, 'free-decision-open')).toBe(1)
    expect(await count(bo.page, 'free-decision-open')).toBe(0)

    await selectRegion(page, 'stop')
    await page.getByTestId('free-decision-open').click()
    const form = page.getByTestId('free-decision-form')
    // What to fix first, before anything is sent.
    await form.getByTestId('free-decision-submit').click()
    await expect.poll(() => text(page, 'decision-form-error')).toBe('Give the decision a title.')

    await form.getByTestId('free-decision-title').fill('No deploys on Fridays')
    await form.getByTestId('free-decision-decision').fill('We deploy Monday to Thursday only.')
    await form.getByTestId('free-decision-rationale').fill('Someone is around to fix it.')
    const boBox = form.getByTestId('free-decision-maker-Bo')
    await expect.poll(() => boBox.count(), { timeout: 15_000 }).toBe(1)
    await boBox.check()
    expect(await form.getByTestId('free-decision-from-selection').isChecked()).toBe(true)
    await expect.poll(() => form.innerText()).toContain('From the selected frame “Stop”')
    await form.getByTestId('free-decision-submit').click()

    await expect.poll(() => count(page, 'records-saved')).toBe(1)
    const saved = await text(page, 'records-saved')
    expect(saved).toMatch(/^Recorded DR-\d+ \(accepted\)\.$/)
    const id = /DR-\d+/.exec(saved)?.[0] ?? ''
    expect(await count(page, 'free-decision-form')).toBe(0)
    await expect.poll(() => text(page, 'records-decision')).toContain(id)
    await expect.poll(() => text(page, 'records-decision')).toContain('No deploys on Fridays')
    // Marked on the frame it came from, for Bo too.
    for (const person of [faye, bo])
      await expect.poll(() => text(person.page, 'decision-mark')).toBe(`Decided in ${id}`)
    await screenshot(page, 'free-decision-1-recorded')

    // [rec:SG1] Writing the same question again: the guard names the decision already taken.
    await page.getByTestId('free-decision-open').click()
    await form.getByTestId('free-decision-title').fill('Deploying on Fridays again?')
    await expect
      .poll(() => text(page, 'similar-decision'))
      .toMatch(new RegExp(`^${id} decided “No deploys on Fridays” on .+; revisit it\\?$`))
    await screenshot(page, 'free-decision-2-similar')
    await page.getByTestId('free-decision-open').click() // closes the form

    // The record page reads it back: decided by Bo, recorded by Faye.
    await page.getByTestId('records-decision-link').first().click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain('No deploys on Fridays')
    await expect.poll(() => text(page, 'decision-history')).toContain('Bo')
    await expect.poll(() => text(page, 'decision-history')).toContain('recorded by Faye')
    await screenshot(page, 'free-decision-3-record')
  })
})
