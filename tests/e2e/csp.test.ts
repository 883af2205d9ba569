/**
 * The Content-Security-Policy the server sends (apps/server/src/http/security-headers.ts) against
 * the real, built app in Chromium: the home page, a board with the sync WebSocket, a note drawn
 * through the UI, the board exported as PNG and SVG (tldraw's `toImage`), the main menu's icons
 * and the other pages all work without a single violation. A control checks that the watch does
 * see one.
 */
import { readFile } from 'node:fs/promises'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  connectionState,
  joinWithLink,
  screenshot,
  shareLink,
  waitForShapeCount,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'

const e2e = useE2e()

/**
 * Every CSP violation in the context's pages, across navigations: the `securitypolicyviolation`
 * events the page sees, and the "Refused to …" messages Chromium logs to the console.
 */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = []
  await context.exposeBinding('reportCspViolation', (_source, text: string) => {
    violations.push(text)
  })
  await context.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (text: string) => void })
      .reportCspViolation
    document.addEventListener('securitypolicyviolation', (event) => {
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} ` +
          `at ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
  context.on('console', (message) => {
    const text = message.text()
    if (/Refused to|Content Security Policy/i.test(text)) violations.push(`console: ${text}`)
  })
  return violations
}

/** Clicks an export entry; resolves with the downloaded bytes. */
async function exportBoard(page: Page, format: 'png' | 'svg') {
  const entry = page.getByTestId(`export-${format}`)
  if ((await entry.count()) === 0) await page.getByTestId('export-button').click()
  const [download] = await Promise.all([page.waitForEvent('download'), entry.click()])
  return readFile(await download.path())
}

describe('Content-Security-Policy (real Chromium, built app)', () => {
  it('the home page, a live board, drawing and image export raise no violation', async () => {
    const person = await e2e.person()
    onTestFailed(() => screenshot(person.page, 'FAILED-csp-board'))
    const violations = await watchViolations(person.context)
    const { page } = person
    const { server } = e2e

    const home = await page.goto(server.url)
    const policy = home?.headers()['content-security-policy'] ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(home?.headers()['x-content-type-options']).toBe('nosniff')
    expect(home?.headers()['referrer-policy']).toBe('no-referrer')
    await page.getByTestId('board-title-input').waitFor()

    const roomId = await e2e.room('CSP board')
    await joinWithLink(page, shareLink(server, roomId), 'Ada')
    // The sync WebSocket is allowed by `connect-src 'self'`.
    await expect.poll(() => connectionState(page)).toBe('online')

    await addStickyNote(page, 'Policy holds', { x: 500, y: 350 })
    await waitForShapeCount(page, 1)
    await page.getByTestId('main-menu.button').click()
    await page.keyboard.press('Escape')

    const png = await exportBoard(page, 'png')
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const svg = (await exportBoard(page, 'svg')).toString('utf8')
    expect(svg).toContain('<svg')
    expect(svg).toContain('Policy holds')
    expect(await page.getByTestId('export-message').getAttribute('data-error')).toBe('false')
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'csp-board')

    // The other pages: the decision log, action items, the sign-in page.
    for (const path of ['/decisions', '/actions', '/signin']) {
      const response = await page.goto(`${server.url}${path}`)
      expect(response?.headers()['content-security-policy'], path).toBe(policy)
      await page.waitForLoadState('networkidle')
    }

    expect(violations).toEqual([])
    expect(person.errors).toEqual([])
  })

  it('an injected inline script is refused, and the watch sees it', async () => {
    const person = await e2e.person()
    const violations = await watchViolations(person.context)
    const { page } = person
    await page.goto(e2e.server.url)
    await page.getByTestId('board-title-input').waitFor()
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.inlineScriptRan = true'
      document.head.append(script)
    })
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    expect(await page.evaluate(() => 'inlineScriptRan' in window)).toBe(false)
    expect(violations.join('\n')).toContain('script-src')
  })
})
