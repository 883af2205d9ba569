/**
 * Accord as a team deploys it: the production build, behind TLS, on a real hostname
 * (`accord.test` with a self-signed certificate, through a TLS proxy on loopback). That is where
 * tldraw 4 and later blank their editor about 5 seconds after it opens unless a licence key is
 * built in. On tldraw's 3.x line, without a key, the editor keeps working and shows its "Made
 * with tldraw" watermark — which no Accord overlay may cover. A licence key is optional and read
 * by the server at start (`ACCORD_TLDRAW_LICENSE_KEY`); a malformed one changes nothing.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it, onTestFailed } from 'vitest'
import {
  addStickyNote,
  connectionState,
  joinWithLink,
  type Participant,
  screenshot,
  shareLink,
  shapesWithText,
} from '../support/browser.js'
import { useE2e } from '../support/e2e.js'
import {
  createRoom,
  freePort,
  type ServerOptions,
  type ServerProcess,
} from '../support/server-process.js'
import { turnIntoTldraw5Board } from '../support/tldraw5-board.js'
import { startTlsProxy, type TlsProxy } from '../support/tls-proxy.js'

const HOSTNAME = 'accord.test'
/** tldraw's watermark element (`LicenseManager.className` in @tldraw/editor 3.x). */
const WATERMARK = '.tl-watermark_SEE-LICENSE'
/** Longer than tldraw 4+ lets an unlicensed production editor live (about 5 s). */
const GRACE_MS = 15_000

/** Each test deploys the servers it needs: the file has none of its own. */
const e2e = useE2e({ server: false, hostnames: [HOSTNAME] })
const proxies: TlsProxy[] = []

afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.stop()
})

/**
 * The built server with `env`, behind TLS as `https://accord.test:<port>` — its
 * `ACCORD_PUBLIC_URL`, as a deployment behind a proxy must set (the server listens on loopback,
 * where it answers other names only then). The proxy comes first: its address is that URL.
 */
async function deploy(env: Record<string, string> = {}) {
  const port = await freePort()
  const proxy = await startTlsProxy({ port }, HOSTNAME)
  proxies.push(proxy)
  const deployed = { ACCORD_PUBLIC_URL: proxy.url, ...env }
  const server = await e2e.startServer({ port, env: deployed })
  /** Starts the server again as deployed (same settings), e.g. on the same data. */
  const restart = (options: ServerOptions) => e2e.startServer({ ...options, env: deployed })
  return { server, proxy, restart }
}

interface Watched extends Participant {
  /** Every URL the page requested (documents, scripts, fonts, fetches, the WebSocket). */
  readonly requests: string[]
  /** Every console message. */
  readonly logs: string[]
}

async function person(viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const participant = await e2e.person({
    viewport,
    ignoreHTTPSErrors: true,
    // tldraw, unlicensed in production, asks to count its watermark from its CDN; Accord's
    // Content-Security-Policy refuses the request, and tldraw leaves that unhandled.
    expectedErrors: (message) => message === 'Failed to fetch',
  })
  const requests: string[] = []
  const logs: string[] = []
  participant.page.on('request', (request) => requests.push(request.url()))
  participant.page.on('websocket', (socket) => requests.push(socket.url()))
  participant.page.on('console', (message) => logs.push(message.text()))
  return { ...participant, requests, logs }
}

/** Requests to anything but Accord's own origin (its page, API and WebSocket). */
function foreign(requests: readonly string[], proxy: TlsProxy): string[] {
  const origins = [proxy.url, `wss://${proxy.hostname}:${proxy.port}`]
  return requests.filter(
    (url) => !origins.some((origin) => url.startsWith(`${origin}/`)) && !/^(data|blob):/.test(url),
  )
}

/** The note showing `text`, by its position on the screen. */
async function noteCenter(page: Page, text: string) {
  const box = await page.locator('.tl-shape').filter({ hasText: text }).first().boundingBox()
  if (!box) throw new Error(`no note "${text}" on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Whether the watermark is shown as tldraw draws it: there, in the viewport, opaque, and on top
 * at its centre and near each corner (nothing of Accord's — a panel, a bar, a badge — covers it).
 */
async function watermarkShown(page: Page): Promise<{ shown: boolean; why: string }> {
  return page.evaluate((selector) => {
    const mark = document.querySelector<HTMLElement>(selector)
    if (!mark) return { shown: false, why: 'no watermark element' }
    const box = mark.getBoundingClientRect()
    const style = getComputedStyle(mark)
    if (box.width === 0 || box.height === 0) return { shown: false, why: 'zero size' }
    if (style.display === 'none' || style.visibility !== 'visible' || style.opacity !== '1') {
      return { shown: false, why: `styled away: ${style.display} ${style.visibility}` }
    }
    if (box.right > innerWidth || box.bottom > innerHeight || box.left < 0 || box.top < 0) {
      return { shown: false, why: `outside the viewport: ${JSON.stringify(box)}` }
    }
    const inset = 3
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ] as const
    for (const [x, y] of points) {
      const top = document.elementFromPoint(x, y)
      if (!top?.closest(selector)) {
        const name = top ? `${top.tagName.toLowerCase()}.${top.className}` : 'nothing'
        return { shown: false, why: `covered at (${x}, ${y}) by ${name}` }
      }
    }
    return { shown: true, why: '' }
  }, WATERMARK)
}

/**
 * Two people on one board over https: they wait out tldraw's licence grace, then each creates,
 * moves and deletes notes that the other sees. Returns both, for the caller's checks.
 */
async function twoPeopleWork(proxy: TlsProxy, server: ServerProcess, label: string) {
  const roomId = await createRoom(server, `Over TLS (${label})`)
  const link = shareLink(proxy, roomId)
  const [ada, bob] = [await person(), await person()]
  onTestFailed(async () => {
    await screenshot(ada.page, `FAILED-https-${label}-ada`)
    await screenshot(bob.page, `FAILED-https-${label}-bob`)
  })
  await joinWithLink(ada.page, link, 'Ada')
  await joinWithLink(bob.page, link, 'Bob')
  for (const { page } of [ada, bob]) {
    expect(page.url().startsWith(`${proxy.url}/b/`)).toBe(true)
    await expect.poll(() => connectionState(page)).toBe('online')
  }

  await ada.page.waitForTimeout(GRACE_MS)
  for (const { page } of [ada, bob]) {
    expect(await page.locator('.tl-canvas').isVisible()).toBe(true)
    expect(await page.getByTestId('tl-license-expired').count()).toBe(0)
  }

  // Created by each, seen by the other.
  await addStickyNote(ada.page, 'From Ada', { x: 350, y: 300 })
  await addStickyNote(bob.page, 'From Bob', { x: 750, y: 300 })
  await expect.poll(() => shapesWithText(bob.page, 'From Ada')).toBe(1)
  await expect.poll(() => shapesWithText(ada.page, 'From Bob')).toBe(1)
  // Each note says who wrote it, on the other person's screen too.
  const author = (page: Page, text: string) =>
    page.locator('.tl-shape').filter({ hasText: text }).getByTestId('note-author').textContent()
  await expect.poll(() => author(bob.page, 'From Ada')).toBe('Ada')
  await expect.poll(() => author(ada.page, 'From Bob')).toBe('Bob')

  // Bob drags Ada's note down; Ada sees it move.
  const yOf = (page: Page, text: string) =>
    page.evaluate(
      (wanted) =>
        window.accord?.editor
          .getCurrentPageShapes()
          .find((shape) => JSON.stringify(shape).includes(wanted))?.y ?? null,
      text,
    )
  const before = await yOf(ada.page, 'From Ada')
  const from = await noteCenter(bob.page, 'From Ada')
  await bob.page.keyboard.press('Escape')
  await bob.page.mouse.move(from.x, from.y)
  await bob.page.mouse.down()
  await bob.page.mouse.move(from.x, from.y + 120, { steps: 8 })
  await bob.page.mouse.up()
  await expect.poll(() => yOf(ada.page, 'From Ada')).toBeGreaterThan((before ?? 0) + 60)

  // Ada deletes Bob's note; Bob sees it go.
  const bobsNote = await noteCenter(ada.page, 'From Bob')
  await ada.page.keyboard.press('Escape')
  await ada.page.mouse.click(bobsNote.x, bobsNote.y)
  await ada.page.keyboard.press('Delete')
  await expect.poll(() => shapesWithText(bob.page, 'From Bob')).toBe(0)
  expect(await shapesWithText(bob.page, 'From Ada')).toBe(1)

  for (const { page } of [ada, bob]) {
    const watermark = await watermarkShown(page)
    expect(watermark.why).toBe('')
    expect(await page.locator(`${WATERMARK} button`).getAttribute('title')).toBe('made with tldraw')
  }
  await screenshot(ada.page, `https-${label}`)
  return { ada, bob }
}

describe('the production build over https on a real hostname', () => {
  it('without a licence key: the board keeps working for two people, with the watermark, and talks to nobody else', async () => {
    const { server, proxy } = await deploy()
    const { ada, bob } = await twoPeopleWork(proxy, server, 'no-key')
    for (const { page, requests, logs, errors } of [ada, bob]) {
      expect(await page.evaluate(() => window.location.protocol)).toBe('https:')
      expect(foreign(requests, proxy)).toEqual([])
      // tldraw took this for production, unlicensed: it asked to count its watermark from its
      // CDN, which Accord's Content-Security-Policy refused (so the request never left).
      const refusedTracking = (text: string) =>
        text.includes('watermark-track') && text.includes('Content Security Policy')
      expect(logs.some(refusedTracking)).toBe(true)
      expect(logs.filter((text) => /licen[cs]e/i.test(text))).toEqual([])
      // The one page error is that refused fetch, which tldraw leaves unhandled.
      expect(errors.filter((error) => error !== 'Failed to fetch')).toEqual([])
    }
  })

  it('with a malformed ACCORD_TLDRAW_LICENSE_KEY: handed to tldraw at run time, which keeps the watermark and the board', async () => {
    const key = 'tldraw-not-a-real-key'
    const { server, proxy } = await deploy({ ACCORD_TLDRAW_LICENSE_KEY: key })
    const { ada, bob } = await twoPeopleWork(proxy, server, 'malformed-key')
    const config = await ada.page.locator('meta[name="accord-config"]').getAttribute('content')
    expect(JSON.parse(config ?? '{}')).toEqual({ tldrawLicenseKey: key })
    for (const { requests, logs, errors } of [ada, bob]) {
      // tldraw read the key (no rebuild) and refused it, so its watermark stays.
      expect(logs.some((text) => text.includes('Invalid tldraw license key'))).toBe(true)
      expect(foreign(requests, proxy)).toEqual([])
      expect(errors.filter((error) => error !== 'Failed to fetch')).toEqual([])
    }
  })
})

describe('the watermark is never covered by Accord', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}, with the facilitator's bar and panels open`, async () => {
      const { server, proxy } = await deploy()
      const roomId = await createRoom(server, 'Retro', { template: 'retro' })
      const facilitator = await person(viewport)
      const name = `watermark-${viewport.width}x${viewport.height}`
      onTestFailed(() => screenshot(facilitator.page, `FAILED-${name}`))
      const { page } = facilitator
      await joinWithLink(page, shareLink(proxy, roomId, 'facilitator'), 'Fay')
      await page.locator(WATERMARK).waitFor()
      // As the board opens: the phase bar and the workshop panel.
      expect((await watermarkShown(page)).why).toBe('')
      await screenshot(page, `${name}-workshop`)
      // The action items panel instead.
      await page.getByTestId('actions-toggle').click()
      expect((await watermarkShown(page)).why).toBe('')
      await screenshot(page, `${name}-actions`)
    })
  }
})

describe('a board saved by Accord on tldraw 5.x', () => {
  it('explains itself instead of showing a broken board', async () => {
    const { server, proxy, restart } = await deploy()
    const roomId = await createRoom(server, 'Saved by tldraw 5')
    await turnIntoTldraw5Board(server, roomId, restart)
    const visitor = await person()
    onTestFailed(() => screenshot(visitor.page, 'FAILED-tldraw5-board'))
    await visitor.page.goto(shareLink(proxy, roomId))
    const join = visitor.page.getByTestId('join-form')
    await join.waitFor()
    await visitor.page.getByTestId('join-name').fill('Ada')
    await join.getByRole('button').click()
    const refused = visitor.page.getByTestId('refused')
    await refused.waitFor()
    expect(await refused.getAttribute('data-reason')).toBe('incompatible')
    expect(await refused.textContent()).toContain('newer version')
    expect(await visitor.page.locator('.tl-canvas').count()).toBe(0)
    expect(await visitor.page.getByText('Something went wrong').count()).toBe(0)
    await screenshot(visitor.page, 'tldraw5-board-refused')
  })
})
