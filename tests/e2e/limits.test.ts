/**
 * What a person sees when the server refuses an edit because of a bound (README, "Limits"): the
 * board says so, instead of silently keeping a change nobody else will ever get.
 */
import { describe, expect, it, onTestFailed } from 'vitest'
import { screenshot, shapeCount } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e({ server: { env: { ACCORD_MAX_DOCUMENT_BYTES: String(64 * 1024) } } })

describe('bounds, as the board shows them (real Chromium, built app)', () => {
  it('an edit that would make the board too big is refused, and the writer is told', async () => {
    const { faye, people } = await e2e.workshop('Small board', ['Pat'])
    const pat = people.Pat!
    onTestFailed(async () => {
      await screenshot(pat.page, 'FAILED-limits-pat')
      await screenshot(faye.page, 'FAILED-limits-faye')
    })
    const before = await shapeCount(faye.page)
    // A shape carrying 80 KB (as a pasted image would): over the board's 64 KiB bound.
    await pat.page.evaluate(() => {
      const editor = window.accord?.editor as unknown as {
        createShape(shape: object): void
      }
      editor.createShape({ type: 'geo', x: 200, y: 200, meta: { blob: 'x'.repeat(80_000) } })
    })
    await expect
      .poll(() => pat.page.locator('.phase-bar__error').textContent())
      .toContain('Your last change was not saved: the board is full')
    await screenshot(pat.page, 'limits-board-full')
    // Nobody else got it.
    expect(await shapeCount(faye.page)).toBe(before)
  })
})
