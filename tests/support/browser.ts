/**
 * Real Chromium driven by playwright-core. Debian's Chromium (`apt-get install chromium`, done by
 * .ci/run) is used; set CHROMIUM_PATH to use another binary.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core'
import { repoRoot, tokensOf } from './server-process.js'

export const artifactsDir = join(repoRoot, 'tests/artifacts/e2e')

// Flags that keep Chromium from reaching for the network (this machine has none) and from
// hanging on first-run UI.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    )
  }
  return path
}

/**
 * Chromium with this machine's flags. `hostnames` resolve to 127.0.0.1 (a deployment's real name
 * over TLS, served on loopback: see tls-proxy.ts), whose self-signed certificates are accepted.
 */
export function launchBrowser(options: { hostnames?: readonly string[] } = {}): Promise<Browser> {
  const hostnames = options.hostnames ?? []
  const mapped =
    hostnames.length === 0
      ? []
      : [
          `--host-resolver-rules=${hostnames.map((name) => `MAP ${name} 127.0.0.1`).join(', ')}`,
          '--ignore-certificate-errors',
        ]
  return chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, ...mapped] })
}

export interface Participant {
  readonly context: BrowserContext
  readonly page: Page
  /** Uncaught page errors: a test fails if the app threw. */
  readonly errors: string[]
}

/** A separate browser profile (its own storage and IndexedDB), like a second person. */
export async function newParticipant(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page, errors }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) })
}

/** Waits until the board's canvas is up and the tldraw editor is reachable. */
export async function waitForBoard(page: Page): Promise<void> {
  await page.waitForSelector('.tl-canvas')
  await page.waitForFunction(() => window.accord?.editor !== undefined)
}

export function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => window.accord?.editor.getCurrentPageShapes().length ?? -1)
}

export function shapeTypes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.accord?.editor.getCurrentPageShapes() ?? []).map((shape) => shape.type).sort(),
  )
}

/**
 * How many rendered shapes on the canvas show this text. Only `.tl-shape` elements count: tldraw
 * keeps hidden elements for measuring text, which would match a page-wide search.
 */
export function shapesWithText(page: Page, text: string): Promise<number> {
  return page.locator('.tl-shape').filter({ hasText: text }).count()
}

export async function waitForShapeCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => window.accord?.editor.getCurrentPageShapes().length === expected,
    count,
    { timeout: 10_000 },
  )
}

export async function connectionState(page: Page): Promise<string | null> {
  return page.getByTestId('connection-status').getAttribute('data-state')
}

/**
 * Gives the canvas keyboard focus (tldraw's shortcuts only work there) by clicking an empty spot
 * with the select tool.
 */
export async function focusCanvas(page: Page): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x: 1100, y: 600 } })
  await page.keyboard.press('Escape')
}

/** Creates a sticky note through the UI: the note tool, a click, typing. */
export async function addStickyNote(page: Page, text: string, at: { x: number; y: number }) {
  await focusCanvas(page)
  await page.keyboard.press('n')
  await page.locator('.tl-canvas').click({ position: at })
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

export interface BoardLinks {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

/** Creates a board from the home page, as its facilitator; returns its share links. */
export async function createBoardInUi(
  page: Page,
  server: { url: string },
  title: string,
  name: string,
): Promise<BoardLinks> {
  await page.goto(server.url)
  await page.getByTestId('board-title-input').fill(title)
  await page.getByTestId('facilitator-name-input').fill(name)
  await page.getByRole('button', { name: 'Create board' }).click()
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]{20,}$/)
  await waitForBoard(page)
  await page.getByTestId('share-button').click()
  const link = (role: string) => page.getByTestId(`share-link-${role}`).inputValue()
  const links = {
    facilitator: await link('facilitator'),
    participant: await link('participant'),
    viewer: await link('viewer'),
  }
  await page.keyboard.press('Escape')
  return links
}

/** Opens a share link and, if asked, joins under `name`; resolves once the board is up. */
export async function joinWithLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  const form = page.getByTestId('join-form')
  await Promise.race([form.waitFor(), page.waitForSelector('.tl-canvas')])
  if (await form.isVisible()) {
    await page.getByTestId('join-name').fill(name)
    await form.getByRole('button').click()
  }
  await waitForBoard(page)
}

/** A share link for a room made with `createRoom` in the test harness. */
export function shareLink(
  server: { url: string },
  roomId: string,
  role: 'facilitator' | 'participant' | 'viewer' = 'participant',
): string {
  return `${server.url}/b/${roomId}#t=${tokensOf(roomId)[role]}`
}
