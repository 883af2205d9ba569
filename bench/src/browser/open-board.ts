/**
 * Opens a board in a fresh browser profile as a participant who has already joined: the member
 * credential comes from the join API (what the web app's join form calls) and sits where the app
 * keeps it (local storage, `accord:access:<room>`), so navigating to `/b/<room>` goes straight to
 * the board — no form, nothing cached, nothing but the page's own loading between navigation and
 * the board on screen. Resolves once the probe has seen the board painted.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { installProbe, type ProbeReadings, readReadings } from './page-probe.js'

export interface BoardPage {
  readonly page: Page
  readonly readings: ProbeReadings
  /** Uncaught errors in the page. */
  readonly errors: readonly string[]
}

interface Joined {
  readonly member: { readonly id: string; readonly name: string; readonly role: string }
  readonly token: string
}

async function join(serverUrl: string, roomId: string, linkToken: string): Promise<Joined> {
  const response = await fetch(`${serverUrl}/api/rooms/${roomId}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${linkToken}` },
    body: JSON.stringify({ name: 'Bench' }),
  })
  if (response.status !== 201) {
    throw new Error(`POST /api/rooms/…/join answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as Joined
}

function rememberAccess(entry: { key: string; value: string }): void {
  const page = globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
  page.localStorage.setItem(entry.key, entry.value)
}

export async function openBoard(
  context: BrowserContext,
  server: { url: string },
  room: { id: string; linkToken: string },
  notes: number,
  timeoutMs: number,
): Promise<BoardPage> {
  const joined = await join(server.url, room.id, room.linkToken)
  const access = { linkToken: room.linkToken, member: { ...joined.member, token: joined.token } }
  // esbuild-based runners (tsx, vitest) may wrap functions in `__name(…)` (keepNames); the
  // functions sent to the page carry those calls, so the page needs the helper.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  await context.addInitScript(rememberAccess, {
    key: `accord:access:${room.id}`,
    value: JSON.stringify(access),
  })
  await context.addInitScript(installProbe, notes)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${server.url}/b/${room.id}`, { waitUntil: 'commit' })
  await page.waitForFunction(
    () =>
      typeof (globalThis as { accordBench?: { readings: ProbeReadings } }).accordBench?.readings
        .renderedMs === 'number',
    undefined,
    { polling: 100, timeout: timeoutMs },
  )
  const readings = await page.evaluate(readReadings)
  if (!readings) throw new Error('the page probe is gone')
  return { page, readings, errors }
}
