/**
 * The system's Chromium, driven by playwright-core, found and started as the end-to-end tests do
 * (tests/support/browser.ts): Debian's `chromium`, or whatever `CHROMIUM_PATH` points at. Unlike
 * the tests, a missing Chromium is an answer, not an error: the report says the browser figures
 * were not measured.
 */
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export type ChromiumLookup =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly reason: string }

// The tests' flags: no network (the machines have none), no first-run UI. `--disable-gpu` also
// means software rendering, which the report states next to the figures.
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

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(path)
    ? { found: true, path }
    : {
        found: false,
        reason: `no Chromium at ${path} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
      }
}

export function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({ executablePath: path, args: chromiumArgs })
}
