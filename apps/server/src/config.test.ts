import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('loadConfig', () => {
  it('has documented defaults', () => {
    const config = loadConfig({ ACCORD_WEB_DIST: '/nonexistent' })
    expect(config).toEqual({
      ok: true,
      value: {
        port: 8787,
        host: '127.0.0.1',
        databasePath: './data/accord.db',
        sqliteSynchronous: 'FULL',
        maxMessageBytes: 8 * 1024 * 1024,
        roomIdleMs: 2000,
        heartbeatMs: 30_000,
        webDist: null,
        logLevel: 'info',
        accessKey: null,
        trustProxy: false,
      },
    })
  })

  it('takes an access key of at least 16 printable characters, never echoing it', () => {
    const key = 'correct-horse-battery'
    expect(loadConfig({ ACCORD_ACCESS_KEY: key, ACCORD_TRUST_PROXY: 'true' })).toMatchObject({
      ok: true,
      value: { accessKey: key, trustProxy: true },
    })
    for (const bad of ['too-short-key', 'has spaces in the key', 'tab\tseparated-key-long']) {
      const config = loadConfig({ ACCORD_ACCESS_KEY: bad })
      expect(config.ok).toBe(false)
      if (!config.ok) {
        expect(config.error).toContain('ACCORD_ACCESS_KEY')
        expect(config.error).not.toContain(bad)
      }
    }
    expect(loadConfig({ ACCORD_TRUST_PROXY: 'yes' }).ok).toBe(false)
  })

  it('reads every variable, and treats empty ones as unset', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'sqlite:///var/lib/accord/accord.db',
      ACCORD_SQLITE_SYNCHRONOUS: 'NORMAL',
      ACCORD_MAX_MESSAGE_BYTES: '65536',
      ACCORD_ROOM_IDLE_MS: '0',
      ACCORD_LOG_LEVEL: '',
    })
    expect(config.ok && config.value).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databasePath: '/var/lib/accord/accord.db',
      sqliteSynchronous: 'NORMAL',
      maxMessageBytes: 65536,
      roomIdleMs: 0,
      logLevel: 'info',
    })
  })

  it('names every invalid variable', () => {
    const config = loadConfig({ PORT: 'eighty', ACCORD_SQLITE_SYNCHRONOUS: 'OFF' })
    expect(config.ok).toBe(false)
    if (!config.ok) {
      expect(config.error).toContain('PORT')
      expect(config.error).toContain('ACCORD_SQLITE_SYNCHRONOUS')
    }
  })

  it('refuses a PostgreSQL URL with a clear reason (not supported yet)', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/accord' })
    expect(config).toEqual({
      ok: false,
      error: expect.stringContaining('PostgreSQL is not supported yet') as unknown,
    })
  })
})
