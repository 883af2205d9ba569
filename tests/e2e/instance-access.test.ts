/**
 * Instance access in real Chromium against the built app on a server with `ACCORD_ACCESS_KEY`:
 * creating a workshop sends the facilitator to the sign-in page (a wrong key is refused, the right
 * one returns to the form), the decision log needs signing in and signing out ends it, and a
 * participant link opens its board with no key at all.
 */
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  createBoardInUi,
  joinWithLink,
  type Participant,
  screenshot,
  waitForBoard,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const accessKey = 'e2e-access-key-7d1be93f'
const e2e = useE2e({ server: { env: { ACCORD_ACCESS_KEY: accessKey } } })

/** Faye, signed in with the instance's access key. */
async function signedInFaye(): Promise<Participant> {
  const faye = await e2e.person()
  await faye.page.goto(`${e2e.server.url}/signin`)
  await faye.page.getByTestId('signin-key').fill(accessKey)
  await faye.page.getByRole('button', { name: 'Sign in' }).click()
  await faye.page.getByTestId('sign-out').waitFor()
  return faye
}

describe('instance access (real Chromium, server with an access key)', () => {
  it('creating a workshop asks for the key, refuses a wrong one, then creates it', async () => {
    const { server } = e2e
    const { page } = await e2e.person()
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
    const participantLink = await page.getByTestId('share-link-participant').inputValue()
    await page.keyboard.press('Escape')
    expect(participantLink).toMatch(/\/b\/[A-Za-z0-9_-]+#t=/)
  })

  it('the decision log opens once signed in, and asks again after signing out', async () => {
    const { server } = e2e
    const { page } = await signedInFaye()
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
    const { server } = e2e
    const faye = await signedInFaye()
    const { participant: participantLink } = await createBoardInUi(
      faye.page,
      server,
      'Keyed retro',
      'Faye',
    )
    const pat = await e2e.person()
    onTestFailed(() => screenshot(pat.page, 'FAILED-instance-access-participant'))
    await joinWithLink(pat.page, participantLink, 'Pat')
    expect(await pat.page.getByTestId('role').textContent()).toBeTruthy()
    // Their home page still lists the board; the records need the key. (In another tab: leaving
    // a board in its own tab would abort tldraw's translation fetch, which tldraw reports as an
    // uncaught error.)
    const home = await e2e.tab(pat)
    await home.goto(server.url)
    await home.getByRole('link', { name: 'Keyed retro' }).waitFor()
    await home.getByTestId('sign-in-link').waitFor()
    await home.getByTestId('home-action-items').click()
    await home.waitForURL(/\/signin\?next=%2Factions$/)
    expect(pat.errors).toEqual([])
  })

  it('nobody’s page threw an error', () => {
    expect(e2e.pageErrors()).toEqual([])
  })
})
