/**
 * The template gallery on the "new workshop" page, in real Chromium against the built server:
 * every template with a preview of its layout and its phases, a retro made from the options
 * form, a follow-up of that retro, and how the form shows what it or the API refuses.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import { artifactsDir, screenshot, waitForBoard } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'
import { joinRoom, sendCommand } from '../support/server-process.js'

interface TemplateSummary {
  readonly id: string
  readonly name: string
  readonly phases: readonly { readonly id: string; readonly name: string }[]
  readonly regions: readonly { readonly title: string }[]
}

const e2e = useE2e()

const card = (page: Page, id: string) => page.getByTestId(`template-card-${id}`)
const form = (page: Page) => page.getByTestId('create-board-form')
/** The large, live preview of the selected template. */
const detailsPreview = (page: Page) => form(page).getByTestId('template-preview')
const roomIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2] ?? ''

/** The whole page, not just the viewport: the gallery is longer than a screen. */
async function fullPageShot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true })
}

/** The room's shared state (plan, settings, workshop options) as a facilitator's client sees it. */
async function roomState(page: Page): Promise<Record<string, unknown>> {
  const roomId = roomIdOf(page)
  const token = await page.evaluate(
    (id) =>
      (
        JSON.parse(localStorage.getItem(`accord:access:${id}`) ?? '{}') as {
          member?: { token?: string }
        }
      ).member?.token ?? '',
    roomId,
  )
  const client = e2e.client(roomId, { token })
  await client.whenSynced()
  return client.doc.getMap('accord:room').toJSON()
}

/** Names of the frames on the board (the template's regions), left to right. */
function frameNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.accord?.editor.getCurrentPageShapes() ?? [])
      .filter((shape) => shape.type === 'frame')
      .sort((a, b) => a.x - b.x)
      .map((shape) => (shape as unknown as { props: { name: string } }).props.name),
  )
}

/**
 * Faye makes a retro from the gallery (Sailboat, 5 dots, anonymous), as the retro test does;
 * resolves with it once its board is up.
 */
async function retroMadeInTheGallery(page: Page): Promise<{ id: string; title: string }> {
  await page.goto(e2e.server.url)
  await card(page, 'retro').click()
  const options = page.getByTestId('template-options')
  await options.getByText('Sailboat', { exact: true }).click()
  await page.getByLabel('Dots per person').fill('5')
  await page.getByLabel('Anonymous').check()
  await page.getByTestId('board-title-input').fill('Sprint 42 retro')
  await page.getByTestId('facilitator-name-input').fill('Faye')
  await page.getByRole('button', { name: 'Create workshop' }).click()
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]{20,}$/)
  await waitForBoard(page)
  return { id: roomIdOf(page), title: 'Sprint 42 retro' }
}

describe('template gallery (real Chromium, built app)', () => {
  it('shows every template with a preview of its layout and its phases', async () => {
    const faye = await e2e.person()
    onTestFailed(() => screenshot(faye.page, 'FAILED-template-gallery'))
    const { page } = faye
    const catalogue = (await (
      await fetch(`${e2e.server.url}/api/templates`)
    ).json()) as TemplateSummary[]
    await page.goto(e2e.server.url)
    expect(catalogue.map((t) => t.id).sort()).toEqual(
      ['blank', 'disagree-and-commit', 'empathy-map', 'pre-mortem', 'retro'].sort(),
    )
    await expect.poll(() => page.getByTestId('template-gallery').isVisible()).toBe(true)
    for (const template of catalogue) {
      const shown = card(page, template.id)
      expect(await shown.getByRole('radio', { name: template.name }).count()).toBe(1)
      const preview = shown.getByTestId('template-preview')
      expect(await preview.count()).toBe(1)
      expect(await preview.getAttribute('data-regions')).toBe(
        template.regions.map((r) => r.title).join('|'),
      )
      expect(await shown.locator('.gallery-card__phases li').allTextContents()).toEqual(
        template.phases.map((p) => p.name),
      )
    }
    expect(
      await card(page, 'retro').getByTestId('template-preview').getAttribute('aria-label'),
    ).toBe('Board layout: Start, Stop, Continue')
    // The blank board is selected: one click on "Create board" makes one.
    expect(await page.getByRole('radio', { name: 'Blank board' }).isChecked()).toBe(true)
    expect(await page.getByRole('button', { name: 'Create board' }).count()).toBe(1)
    await fullPageShot(page, 'template-gallery-1-gallery')
  })

  it('a retro made from its options: Sailboat, 5 dots, anonymous', async () => {
    const faye = await e2e.person()
    onTestFailed(() => screenshot(faye.page, 'FAILED-template-gallery-retro'))
    const { page } = faye
    await page.goto(e2e.server.url)
    await card(page, 'retro').click()
    expect(await page.getByRole('radio', { name: 'Retrospective' }).isChecked()).toBe(true)
    await expect
      .poll(() => page.getByTestId('selected-template-name').textContent())
      .toBe('Retrospective')
    expect(page.url()).toMatch(/\?template=retro$/)
    // The options form is the template's own fields.
    const options = page.getByTestId('template-options')
    await options.getByText('Sailboat', { exact: true }).click()
    expect(await options.getByRole('radio', { name: 'Sailboat' }).isChecked()).toBe(true)
    // The preview follows the format, in the details and on the card.
    await expect
      .poll(() => detailsPreview(page).getAttribute('data-regions'))
      .toBe('Wind|Anchors|Rocks|Island')
    expect(
      await card(page, 'retro').getByTestId('template-preview').getAttribute('data-regions'),
    ).toBe('Wind|Anchors|Rocks|Island')
    await page.getByLabel('Dots per person').fill('5')
    await page.getByLabel('Anonymous').check()
    // The phases say what the options change.
    await page.getByText(/How it runs: 8 phases/).click()
    const phases = page.getByTestId('template-phases')
    await expect
      .poll(() => phases.locator('[data-phase="vote"]').textContent())
      .toContain('You have 5 dots')
    expect(await phases.locator('[data-phase="write"]').textContent()).toContain(
      'Wind, Anchors, Rocks, Island',
    )
    await page.getByTestId('board-title-input').fill('Sprint 42 retro')
    await page.getByTestId('facilitator-name-input').fill('Faye')
    await fullPageShot(page, 'template-gallery-2-retro-options')

    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]{20,}$/)
    await waitForBoard(page)
    await expect.poll(() => page.getByTestId('phase-name').textContent()).toBe('Set the stage')
    await expect.poll(() => frameNames(page)).toEqual(['Wind', 'Anchors', 'Rocks', 'Island'])
    // The server made the room with the options chosen.
    const state = (await roomState(page)) as {
      settings: { anonymous: boolean }
      workshop: { template: string; options: Record<string, unknown> }
    }
    expect(state.workshop.template).toBe('retro')
    expect(state.workshop.options).toMatchObject({ format: 'sailboat', dots: 5, anonymous: true })
    expect(state.settings.anonymous).toBe(true)
    await screenshot(page, 'template-gallery-3-sailboat-board')
  })

  it('a retro you facilitated can be followed up: the new one opens with its review', async () => {
    const faye = await e2e.person()
    onTestFailed(() => screenshot(faye.page, 'FAILED-template-gallery-follow-up'))
    const { page } = faye
    const firstRetro = await retroMadeInTheGallery(page)
    await page.goto(`${e2e.server.url}/?template=retro`)
    expect(await page.getByRole('radio', { name: 'Retrospective' }).isChecked()).toBe(true)
    const select = page.getByTestId('follow-up-select')
    await select.waitFor()
    const offered = await select.locator('option').allTextContents()
    expect(offered[0]).toMatch(/start fresh/)
    expect(offered.slice(1).map((text) => text.split(' · ')[0])).toEqual([firstRetro.title])
    await page.getByLabel('Follow up an earlier retro').selectOption(firstRetro.id)
    await expect
      .poll(() => detailsPreview(page).getAttribute('data-regions'))
      .toBe('Last retro’s actions|Start|Stop|Continue')
    expect(
      await card(page, 'retro').locator('.gallery-card__phases li').first().textContent(),
    ).toBe('Review last actions')
    await page.getByTestId('board-title-input').fill('Sprint 43 retro')
    await fullPageShot(page, 'template-gallery-4-follow-up')

    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]{20,}$/)
    await waitForBoard(page)
    expect(roomIdOf(page)).not.toBe(firstRetro.id)
    await expect
      .poll(() => page.getByTestId('phase-name').textContent())
      .toBe('Review last actions')
    expect(await page.getByTestId('phase-instructions').textContent()).toContain(firstRetro.title)
    await expect
      .poll(() => frameNames(page))
      .toEqual(['Last retro’s actions', 'Start', 'Stop', 'Continue'])
  })

  it('out-of-range options are stopped in the form, the field named and focused', async () => {
    const faye = await e2e.person()
    onTestFailed(() => screenshot(faye.page, 'FAILED-template-gallery-errors'))
    const { page } = faye
    await page.goto(`${e2e.server.url}/?template=pre-mortem`)
    await expect
      .poll(() => page.getByTestId('selected-template-name').textContent())
      .toBe('Pre-mortem')
    const dots = page.getByLabel('Dots per person')
    await dots.fill('0')
    await expect.poll(() => dots.getAttribute('aria-invalid')).toBe('true')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await expect
      .poll(() => page.getByTestId('create-error').textContent())
      .toBe('Dots per person: Enter a whole number from 1 to 20.')
    expect(await dots.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(new URL(page.url()).pathname).toBe('/')

    await fullPageShot(page, 'template-gallery-5-refused')
  })

  it('what the server refuses is shown: a follow-up whose facilitator link was replaced meanwhile', async () => {
    const faye = await e2e.person()
    onTestFailed(() => screenshot(faye.page, 'FAILED-template-gallery-refused-follow-up'))
    const { page } = faye
    const { server } = e2e
    const firstRetro = await retroMadeInTheGallery(page)
    await page.goto(`${server.url}/?template=retro`)
    await page.getByTestId('follow-up-select').waitFor()
    await page.getByLabel('Follow up an earlier retro').selectOption(firstRetro.id)

    // Meanwhile a co-facilitator replaces the facilitator link: Faye's credential stops working.
    const fayeToken = await page.evaluate(
      (id) =>
        (
          JSON.parse(localStorage.getItem(`accord:access:${id}`) ?? '{}') as {
            member?: { token?: string }
          }
        ).member?.token ?? '',
      firstRetro.id,
    )
    const room = (await (
      await fetch(`${server.url}/api/rooms/${firstRetro.id}`, {
        headers: { authorization: `Bearer ${fayeToken}` },
      })
    ).json()) as { links: { facilitator: string } }
    const linkToken = new URL(room.links.facilitator).hash.replace('#t=', '')
    const co = await joinRoom(server, firstRetro.id, linkToken, 'Co')
    const rotated = await sendCommand(server, firstRetro.id, co.token, {
      type: 'token.rotate',
      role: 'facilitator',
    })
    expect(rotated.status).toBe(200)

    await page.getByRole('button', { name: 'Create workshop' }).click()
    await expect
      .poll(() => page.getByTestId('create-error').textContent())
      .toContain('only a facilitator of the earlier workshop can follow it up')
    expect(new URL(page.url()).pathname).toBe('/')
    await fullPageShot(page, 'template-gallery-6-refused-follow-up')
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
