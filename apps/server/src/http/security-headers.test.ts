import { afterEach, describe, expect, it } from 'vitest'
import { type InProcessApp, inProcessApp } from '../testing/in-process-app.js'
import { contentSecurityPolicy, securityHeaderValues } from './security-headers.js'

let t: InProcessApp | undefined
afterEach(() => t?.database.close())

describe('security headers', () => {
  it('are on every response: app, API, errors and health checks', async () => {
    t = inProcessApp()
    const responses = [
      await t.app.request('/'),
      await t.app.request('/api/templates'),
      await t.app.request('/api/nothing-here'),
      await t.app.request('/api/rooms', { method: 'POST', body: 'not json' }),
      await t.app.request('/healthz'),
      await t.app.request('/readyz'),
      await t.app.request('/no-such-page', { method: 'DELETE' }),
    ]
    for (const response of responses) {
      for (const [name, value] of Object.entries(securityHeaderValues)) {
        expect(response.headers.get(name), `${name} on ${response.url}`).toBe(value)
      }
    }
  })

  it('allow no inline or eval’d script, no framing and no third-party connection', () => {
    const directives = new Map(
      contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    )
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(contentSecurityPolicy).not.toContain('unsafe-eval')
  })
})
