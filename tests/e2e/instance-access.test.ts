/**
 * Instance access in real Chromium against the built app on a server with `ACCORD_ACCESS_KEY`:
 * creating a workshop sends the facilitator to the sign-in page (a wrong key is refused, the right
 * one returns to the form), the decision log needs signing in and signing out ends it, and a
 * participant link opens its board with no key at all.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import {
  joinWithLink,
  launchBrowser,
  newParticipant,
  type Participant,
  screenshot,
  waitForBoard,
} from '../support/browser.js'
import { type ServerProcess, startServer } from '../support/server-process.js'

const accessKey = 'e2e-access-key-7d1be93f'
let server: ServerProcess
let browser: Browser
let faye: Participant
let participantLink = ''

beforeAll(async () => {
  server = await startServer({ env: { ACCORD_ACCESS_KEY: accessKey } })
  browser = await launchBrowser()
  faye = await newParticipant(browser)
})

/**
 * Another tab of the same person (same cookies and storage). Leaving a board in its own tab would
 * abort tldraw's translation fetch, which tldraw reports as an uncaught error.
 */
async function newTab(person: Participant): Promise<Page> {
  const page = await person.context.newPage()
  page.on('pageerror', (error) => person.errors.push(error.message))
  return page
}

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('instance access (real Chromium, server with an access key)', () => {
  it('creating a workshop asks for the key, refuses a wrong one, then creates it', async () => {
    const { page } = faye
    onTestFailed(() => screenshot(page, 'FAILED-instance-access-create'))
    await page.goto(server.url)
    await page.getByTestId('board-title-input').fill('Keyed retro')
    await page.getByTestId('facilitator-name-input').fill('Faye')
    await page.getByRole('button', { name: 'Create board' }).click()

    await page.waitForURL(/\/signin$/)
    await page.getByTestId('signin-key').fill('not-the-right-key-at-all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const error = page.getByTestId('signin-error')
    await error.waitFor()
    expect(await error.textContent()).toBe('That is not this instance’s access key.')
    await screenshot(page, 'instance-access-wrong-key')

    await page.getByTestId('signin-key').fill(accessKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/`)
    await page.getByTestId('sign-out').waitFor()
    await page.getByTestId('board-title-input').fill('Keyed retro')
    await page.getByTestId('facilitator-name-input').fill('Faye')
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]{20,}$/)
    await waitForBoard(page)

    await page.getByTestId('share-button').click()
    participantLink = await page.getByTestId('share-link-participant').inputValue()
    await page.keyboard.press('Escape')
    expect(participantLink).toMatch(/\/b\/[A-Za-z0-9_-]+#t=/)
  })

  it('the decision log opens once signed in, and asks again after signing out', async () => {
    const page = await newTab(faye)
    onTestFailed(() => screenshot(page, 'FAILED-instance-access-log'))
    await page.goto(`${server.url}/decisions`)
    await expect.poll(() => page.getByTestId('log-count').textContent()).toBe('0 decisions')
    expect(new URL(page.url()).pathname).toBe('/decisions')

    await page.getByTestId('sign-out').click()
    await page.waitForURL(`${server.url}/`)
    await page.getByTestId('sign-in-link').waitFor()
    await page.goto(`${server.url}/decisions?q=database`)
    await page.waitForURL(/\/signin\?next=/)
    expect(new URL(page.url()).searchParams.get('next')).toBe('/decisions?q=database')
    await page.getByTestId('signin-key').fill(accessKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/decisions?q=database`)
    await expect.poll(() => page.getByTestId('log-count').textContent()).toMatch(/^0 decisions/)
    await screenshot(page, 'instance-access-decision-log')
  })

  it('a participant link opens its board without any key', async () => {
    const pat = await newParticipant(browser)
    onTestFailed(() => screenshot(pat.page, 'FAILED-instance-access-participant'))
    await joinWithLink(pat.page, participantLink, 'Pat')
    expect(await pat.page.getByTestId('role').textContent()).toBeTruthy()
    // Their home page still lists the board; the records need the key.
    const home = await newTab(pat)
    await home.goto(server.url)
    await home.getByRole('link', { name: 'Keyed retro' }).waitFor()
    await home.getByTestId('sign-in-link').waitFor()
    await home.getByTestId('home-action-items').click()
    await home.waitForURL(/\/signin\?next=%2Factions$/)
    expect(pat.errors).toEqual([])
  })

  it('nobody’s page threw an error', () => {
    expect(faye.errors).toEqual([])
  })
})
