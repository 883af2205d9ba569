import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { type Participant, screenshot } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'
import { sendCommand } from '../support/server-process.js'

const e2e = useE2e()

/** A new board of Faye's, joined by Pat and Quinn. */
async function drill() {
  const workshop = await e2e.workshop('Facilitation drill', ['Pat', 'Quinn'])
  const { faye } = workshop
  const pat = workshop.people.Pat!
  const quinn = workshop.people.Quinn!
  return { workshop, faye, pat, quinn, everyone: [faye, pat, quinn] as Participant[] }
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent()

/** Seconds shown by a page's timer ("4:59" → 299). */
async function shownSeconds(page: Page): Promise<number> {
  const [minutes, seconds] = ((await text(page, 'timer-time')) ?? '').split(':').map(Number)
  return (minutes ?? 0) * 60 + (seconds ?? 0)
}

describe('facilitation (real Chromium, built app)', () => {
  it('only the facilitator has phase and timer controls', async () => {
    const { faye, pat, quinn } = await drill()
    expect(await faye.page.getByTestId('phase-next').count()).toBe(1)
    expect(await faye.page.getByTestId('timer-start').count()).toBe(1)
    for (const person of [pat, quinn]) {
      expect(await person.page.getByTestId('phase-next').count()).toBe(0)
      expect(await person.page.getByTestId('timer-start').count()).toBe(0)
      expect(await text(person.page, 'phase-name')).toBe('Free board')
    }
  })

  it('the facilitator adds a phase and moves everyone to it', async () => {
    const { faye, pat, everyone } = await drill()
    onTestFailed(() => screenshot(faye.page, 'FAILED-facilitation-phases'))
    await faye.page.getByTestId('phases-edit').click()
    const editor = faye.page.getByTestId('phase-editor')
    await editor.getByLabel('Phase to add').selectOption('vote')
    await faye.page.getByTestId('phase-add').click()
    await faye.page.getByTestId('phases-save').click()
    await editor.waitFor({ state: 'detached' })
    await faye.page.getByTestId('phase-next').click()
    for (const person of everyone) {
      await expect.poll(() => text(person.page, 'phase-name')).toBe('Vote')
      expect(await text(person.page, 'phase-instructions')).toContain('Place your dots')
      expect(await text(person.page, 'phase-allows')).toBe('Voting · Board read-only')
    }
    await screenshot(pat.page, 'facilitation-1-phase-for-participant')
  })

  it('a timer started by the facilitator shows the same time on every screen', async () => {
    const { faye, quinn, everyone } = await drill()
    await faye.page.getByTestId('timer-minutes').fill('5')
    await faye.page.getByTestId('timer-start').click()
    for (const person of everyone) {
      await expect.poll(() => person.page.getByTestId('timer-time').count()).toBe(1)
    }
    const shown = await Promise.all(everyone.map((person) => shownSeconds(person.page)))
    for (const seconds of shown) {
      expect(seconds).toBeGreaterThan(280)
      expect(seconds).toBeLessThanOrEqual(300)
    }
    // The same countdown everywhere (reading three pages takes a moment, hence the second).
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(2)
    await screenshot(quinn.page, 'facilitation-2-timer')
  })

  it('when time is up, every screen says so', async () => {
    const { workshop, pat, everyone } = await drill()
    const started = await sendCommand(e2e.server, workshop.roomId, workshop.facilitatorToken, {
      type: 'timer.start',
      seconds: 1,
    })
    expect(started.status).toBe(200)
    for (const person of everyone) {
      await expect
        .poll(() => person.page.getByTestId('timer').getAttribute('data-state'))
        .toBe('up')
    }
    expect(await text(pat.page, 'timer-time')).toBe('Time’s up')
    await screenshot(pat.page, 'facilitation-3-time-up')
  })

  it('“Bring everyone” moves every participant’s view to the facilitator’s', async () => {
    const { faye, pat, quinn } = await drill()
    const center = (page: Page) =>
      page.evaluate(() => {
        const b = window.accord?.editor.getViewportPageBounds()
        return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null
      })
    // Faye looks at a far corner of the board; Pat and Quinn are elsewhere.
    // Braces here and below: the editor's methods return the editor, which Playwright would
    // try to serialize (and fail on, now and then, as its object graph grows).
    await faye.page.evaluate(() => {
      window.accord?.editor.setCamera({ x: -4000, y: -2500, z: 1 })
    })
    const target = await center(faye.page)
    expect(Math.abs((await center(pat.page))!.x - target!.x)).toBeGreaterThan(1000)
    await faye.page.getByTestId('summon').click()
    for (const person of [pat, quinn]) {
      await expect
        .poll(async () => {
          const here = await center(person.page)
          return here && target ? Math.hypot(here.x - target.x, here.y - target.y) : Infinity
        })
        .toBeLessThan(50)
    }
    await screenshot(pat.page, 'facilitation-4-summoned')
  })

  it('anyone can follow another person’s view (tldraw follow, on server-stamped presence)', async () => {
    const { faye, quinn } = await drill()
    const center = (page: Page) =>
      page.evaluate(() => {
        const b = window.accord?.editor.getViewportPageBounds()
        return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null
      })
    const fayeId = await quinn.page.evaluate(
      () => window.accord?.editor.getCollaborators().find((c) => c.userName === 'Faye')?.userId,
    )
    expect(fayeId).toMatch(/^user:/)
    await quinn.page.evaluate((id) => {
      window.accord?.editor.startFollowingUser(id ?? '')
    }, fayeId)
    await faye.page.evaluate(() => {
      window.accord?.editor.setCamera({ x: 2500, y: 1800, z: 1 })
    })
    const target = await center(faye.page)
    await expect
      .poll(async () => {
        const here = await center(quinn.page)
        return here && target ? Math.hypot(here.x - target.x, here.y - target.y) : Infinity
      })
      .toBeLessThan(50)
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
