import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLIENT_CONFIG_META, decodeClientConfig } from '@accord/sync/client-config'
import { afterAll, describe, expect, it } from 'vitest'
import { webAppRoutes } from './web-app.js'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'accord-web-'))
  folders.push(folder)
  return folder
}

function builtApp(): string {
  const dist = emptyFolder()
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><title>Accord</title></head><body><div id="root"></div></body></html>',
  )
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)')
  mkdirSync(join(dist, 'licenses'))
  writeFileSync(join(dist, 'licenses', 'THIRD-PARTY-NOTICES.md'), '# Notices')
  return dist
}

/** The config a page carries, read the way a browser would (attribute value unescaped). */
function configIn(html: string) {
  const match = new RegExp(`<meta name="${CLIENT_CONFIG_META}" content="([^"]*)"`).exec(html)
  const content = match?.[1]
    ?.replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
  return content === undefined ? null : decodeClientConfig(content)
}

describe('the web app', () => {
  it('every page carries the server’s client config; client routes get the page', async () => {
    const app = webAppRoutes(builtApp(), { tldrawLicenseKey: 'tldraw-key/abc.def' })
    for (const path of ['/', '/index.html', '/b/someRoomId1234567890', '/licenses']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(configIn(await response.text())).toEqual({ tldrawLicenseKey: 'tldraw-key/abc.def' })
    }
  })

  it('a key that looks like markup stays an attribute value', async () => {
    const key = `"><script>alert('x')</script>&`
    const html = await (
      await webAppRoutes(builtApp(), { tldrawLicenseKey: key }).request('/')
    ).text()
    expect(html).not.toContain('<script>')
    expect(configIn(html)).toEqual({ tldrawLicenseKey: key })
  })

  it('a folder without the app’s page (an unfinished build) leaves the server API-only', async () => {
    const dist = emptyFolder()
    const response = await webAppRoutes(dist, { tldrawLicenseKey: null }).request('/')
    expect(await response.text()).toContain('the web app is not built')
  })

  it('without a key the page says so; files are served as they are', async () => {
    const app = webAppRoutes(builtApp(), { tldrawLicenseKey: null })
    expect(configIn(await (await app.request('/')).text())).toEqual({ tldrawLicenseKey: null })
    const asset = await app.request('/assets/app-1234.js')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log(1)')
    expect((await app.request('/assets/missing-5678.js')).status).toBe(404)
    const notices = await app.request('/licenses/THIRD-PARTY-NOTICES.md')
    expect(await notices.text()).toBe('# Notices')
  })
})
