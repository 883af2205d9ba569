import { describe, expect, it } from 'vitest'
import { decodeClientConfig, defaultClientConfig, encodeClientConfig } from './client-config.js'

describe('the config the server hands the web app', () => {
  it('round-trips', () => {
    const config = { tldrawLicenseKey: 'tldraw-2026-01-01/abc.def' }
    expect(decodeClientConfig(encodeClientConfig(config))).toEqual(config)
    expect(decodeClientConfig(encodeClientConfig(defaultClientConfig))).toEqual(defaultClientConfig)
  })

  it('falls back to the defaults for a missing, malformed or foreign value', () => {
    for (const content of [null, undefined, '', '{', '[]', 'null', '{"tldrawLicenseKey":42}'])
      expect(decodeClientConfig(content)).toEqual(defaultClientConfig)
    expect(decodeClientConfig('{"tldrawLicenseKey":""}')).toEqual(defaultClientConfig)
  })
})
