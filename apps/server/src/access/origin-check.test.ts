import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { errorHandler } from '../http/api-error.js'
import { createLogger } from '../log.js'
import { originCheck, sameOrigin } from './origin-check.js'

describe('sameOrigin', () => {
  it('accepts no Origin, and one naming the host the request was sent to', () => {
    expect(sameOrigin(undefined, 'accord.example')).toBe(true)
    expect(sameOrigin('https://accord.example', 'accord.example')).toBe(true)
    // Behind a TLS proxy the server sees http: the scheme is not compared.
    expect(sameOrigin('http://accord.example', 'accord.example')).toBe(true)
    expect(sameOrigin('http://127.0.0.1:8787', '127.0.0.1:8787')).toBe(true)
  })

  it('refuses another host, another port, null and garbage', () => {
    expect(sameOrigin('https://evil.example', 'accord.example')).toBe(false)
    expect(sameOrigin('https://accord.example.evil.example', 'accord.example')).toBe(false)
    expect(sameOrigin('http://127.0.0.1:9999', '127.0.0.1:8787')).toBe(false)
    expect(sameOrigin('null', 'accord.example')).toBe(false)
    expect(sameOrigin('', 'accord.example')).toBe(false)
    expect(sameOrigin('file:///etc', 'accord.example')).toBe(false)
    expect(sameOrigin('chrome-extension://accord.example', 'accord.example')).toBe(false)
  })
})

describe('originCheck', () => {
  const app = (trustProxy: boolean) => {
    const hono = new Hono()
    hono.onError(errorHandler(createLogger('silent')))
    hono.use('*', originCheck({ trustProxy }))
    hono.all('*', (c) => c.json({ ok: true }))
    return hono
  }
  const send = (method: string, headers: Record<string, string>, trustProxy = false) =>
    app(trustProxy).request('http://accord.example/api/x', { method, headers })

  it('refuses a state change from another site with 403 bad_origin', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await send(method, { origin: 'https://evil.example' })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: 'bad_origin' })
    }
  })

  it('lets reads through from anywhere, and state changes from the site itself or no browser', async () => {
    expect((await send('GET', { origin: 'https://evil.example' })).status).toBe(200)
    expect((await send('POST', { origin: 'http://accord.example' })).status).toBe(200)
    expect((await send('POST', {})).status).toBe(200)
  })

  it('compares with the forwarded host only when told to trust the proxy', async () => {
    const forwarded = { origin: 'https://public.example', 'x-forwarded-host': 'public.example' }
    expect((await send('POST', forwarded, false)).status).toBe(403)
    expect((await send('POST', forwarded, true)).status).toBe(200)
  })
})
