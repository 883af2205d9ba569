import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { joinWithLink, screenshot, shareLink } from '../support/browser.js'
import { useE2e } from '../support/e2e.js'
import { repoRoot } from '../support/server-process.js'

const e2e = useE2e()

describe('everything is served by Accord itself (works with no internet)', () => {
  it('a board loads fonts, icons and translations from its own origin only', async () => {
    // A French browser makes tldraw fetch its French translation (English is built in).
    const person = await e2e.person({ locale: 'fr-FR' })
    const { server } = e2e
    const requests: string[] = []
    const failures: string[] = []
    person.page.on('request', (request) => requests.push(request.url()))
    person.page.on('requestfailed', (request) => failures.push(request.url()))
    person.page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`)
    })
    await joinWithLink(person.page, shareLink(server, await e2e.room('Assets')), 'Ada')
    // Open the main menu so that more icons and translated labels load.
    await person.page.getByTestId('main-menu.button').click()
    await person.page.waitForLoadState('networkidle')
    await screenshot(person.page, 'self-hosted-menu-open')

    const external = requests.filter(
      (url) =>
        !url.startsWith(server.url) && !url.startsWith(server.wsUrl) && !/^(data|blob):/.test(url),
    )
    expect(external).toEqual([])
    expect(failures).toEqual([])
    expect(requests.some((url) => url.endsWith('.woff2'))).toBe(true)
    expect(requests.some((url) => /\.svg(\?|$)/.test(url))).toBe(true)
    expect(requests.some((url) => /\/fr-[\w-]+\.json$/.test(url))).toBe(true)
    expect(person.errors).toEqual([])
  })

  it('an unknown board, or a board without a link, explains itself instead of an empty canvas', async () => {
    const person = await e2e.person()
    const { server } = e2e
    await person.page.goto(`${server.url}/b/doesNotExist1234567890#t=${'x'.repeat(32)}`)
    const refused = person.page.getByTestId('refused')
    await refused.waitFor()
    expect(await refused.getAttribute('data-reason')).toBe('not-found')
    expect(await person.page.locator('.tl-canvas').count()).toBe(0)
    await person.page.goto(`${server.url}/b/${await e2e.room('Linkless')}`)
    await person.page.getByText('You need a link to this board').waitFor()
    // Visiting a board id never creates it.
    const response = await fetch(`${server.url}/api/rooms/doesNotExist1234567890`)
    expect(response.status).toBe(404)
  })

  it('the licences page, linked from the home page, shows Accord’s licence, tldraw’s and every package', async () => {
    const person = await e2e.person()
    const { page } = person
    const { server } = e2e
    await page.goto(server.url)
    await page.getByTestId('home-licenses').click()
    await page.waitForURL(/\/licenses$/)
    await page.getByTestId('license-table').waitFor()
    const notices = await readFile(join(repoRoot, 'THIRD-PARTY-NOTICES.md'), 'utf8')
    const table = notices.slice(notices.indexOf('## Packages'), notices.indexOf('## The tldraw'))
    const rows = table.split('\n').filter((line) => /^\| (?!Package |---)/.test(line))
    expect(await page.locator('[data-testid="license-table"] tbody tr').count()).toBe(rows.length)
    await page.getByText('The tldraw licence').click()
    const tldraw = await readFile(join(repoRoot, 'third-party/tldraw-license-3.x.md'), 'utf8')
    expect(await page.getByTestId('tldraw-license').textContent()).toBe(tldraw.trimEnd())
    // The files themselves, as shipped.
    const served = await fetch(`${server.url}/licenses/THIRD-PARTY-NOTICES.md`)
    expect(await served.text()).toBe(notices)
    const license = await (await fetch(`${server.url}/licenses/LICENSE.txt`)).text()
    expect(license).toContain('MIT License')
    await screenshot(page, 'licenses-page')
    expect(person.errors).toEqual([])
  })

  it('the home page lists boards this browser has opened', async () => {
    const roomId = await e2e.room('Remember me')
    const person = await e2e.join(roomId, 'Ada')
    await person.page.goto(e2e.server.url)
    const link = person.page.getByRole('link', { name: 'Remember me' })
    expect(await link.getAttribute('href')).toBe(`/b/${roomId}`)
  })
})
