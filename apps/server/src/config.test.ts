import { describe, expect, it } from 'vitest'
import { databaseLabel, loadConfig, redisLabel } from './config.js'

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
        postgresUrl: null,
        pgPoolSize: 10,
        redisUrl: null,
        relayHeartbeatMs: 2000,
        limits: {
          maxMessageBytes: 8 * 1024 * 1024,
          maxBodyBytes: 64 * 1024,
          maxDocumentBytes: 64 * 1024 * 1024,
          maxRecordBytes: 2 * 1024 * 1024,
          messageRate: { perSecond: 200, burst: 1000 },
          connectionsPerRoom: 500,
          connectionsPerAddress: 200,
          roomsPerAddressPerHour: 60,
          authTimeoutMs: 10_000,
          maxUnsentBytes: 80 * 1024 * 1024,
          presencePerSecond: 30,
        },
        roomIdleMs: 2000,
        roomFramesPerSecond: 50_000,
        heartbeatMs: 30_000,
        webDist: null,
        logLevel: 'info',
        accessKey: null,
        trustProxy: false,
        publicUrl: null,
        tldrawLicenseKey: null,
      },
    })
  })

  it('passes a tldraw licence key on as given (trimmed); tldraw checks it in the browser', () => {
    expect(loadConfig({ ACCORD_TLDRAW_LICENSE_KEY: ' tldraw-key/abc.def\n' })).toMatchObject({
      ok: true,
      value: { tldrawLicenseKey: 'tldraw-key/abc.def' },
    })
    expect(loadConfig({ ACCORD_TLDRAW_LICENSE_KEY: 'not a key at all' })).toMatchObject({
      ok: true,
      value: { tldrawLicenseKey: 'not a key at all' },
    })
    expect(loadConfig({ ACCORD_TLDRAW_LICENSE_KEY: '   ' })).toMatchObject({
      ok: true,
      value: { tldrawLicenseKey: null },
    })
    expect(loadConfig({ ACCORD_TLDRAW_LICENSE_KEY: 'x'.repeat(5000) }).ok).toBe(false)
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
      ACCORD_MAX_BODY_BYTES: '2048',
      ACCORD_MAX_DOCUMENT_BYTES: '1048576',
      ACCORD_MESSAGES_PER_SECOND: '50',
      ACCORD_MESSAGE_BURST: '80',
      ACCORD_MAX_CONNECTIONS_PER_ROOM: '10',
      ACCORD_MAX_CONNECTIONS_PER_IP: '0',
      ACCORD_ROOMS_PER_IP_PER_HOUR: '5',
      ACCORD_AUTH_TIMEOUT_MS: '2500',
      ACCORD_ROOM_IDLE_MS: '0',
      ACCORD_ROOM_FRAMES_PER_SECOND: '0',
      ACCORD_PG_POOL_SIZE: '40',
      ACCORD_LOG_LEVEL: '',
    })
    expect(config.ok && config.value).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databasePath: '/var/lib/accord/accord.db',
      sqliteSynchronous: 'NORMAL',
      limits: {
        maxMessageBytes: 65536,
        maxBodyBytes: 2048,
        maxDocumentBytes: 1048576,
        messageRate: { perSecond: 50, burst: 80 },
        connectionsPerRoom: 10,
        connectionsPerAddress: null,
        roomsPerAddressPerHour: 5,
        authTimeoutMs: 2500,
      },
      roomIdleMs: 0,
      roomFramesPerSecond: 0,
      pgPoolSize: 40,
      logLevel: 'info',
    })
  })

  it('bounds unsent bytes by the document bound plus 16 MiB unless told; 0 turns it off', () => {
    const limitsOf = (env: Record<string, string>) => {
      const config = loadConfig(env)
      return config.ok ? config.value.limits.maxUnsentBytes : 'invalid'
    }
    expect(limitsOf({ ACCORD_MAX_DOCUMENT_BYTES: String(1024 * 1024) })).toBe(17 * 1024 * 1024)
    expect(limitsOf({ ACCORD_MAX_UNSENT_BYTES: '4096' })).toBe(4096)
    expect(limitsOf({ ACCORD_MAX_UNSENT_BYTES: '0' })).toBeNull()
    expect(limitsOf({ ACCORD_MAX_UNSENT_BYTES: '-1' })).toBe('invalid')
  })

  it('turns the rate limit off with 0, and refuses limits that make no sense', () => {
    const off = loadConfig({ ACCORD_MESSAGES_PER_SECOND: '0' })
    expect(off.ok && off.value.limits.messageRate).toBeNull()
    for (const [name, value] of [
      ['ACCORD_MAX_DOCUMENT_BYTES', '0'],
      ['ACCORD_AUTH_TIMEOUT_MS', '0'],
      ['ACCORD_MESSAGE_BURST', '0'],
      ['ACCORD_MAX_CONNECTIONS_PER_IP', '-1'],
    ] as const) {
      const config = loadConfig({ [name]: value })
      expect(config.ok ? 'accepted' : config.error, name).toContain(name)
    }
  })

  it('takes ACCORD_PUBLIC_URL as an origin: scheme, host name and port, nothing else', () => {
    expect(loadConfig({ ACCORD_PUBLIC_URL: 'https://Accord.Example.com/' })).toMatchObject({
      ok: true,
      value: {
        publicUrl: { origin: 'https://accord.example.com', hostname: 'accord.example.com' },
      },
    })
    expect(loadConfig({ ACCORD_PUBLIC_URL: 'http://accord.test:8443' })).toMatchObject({
      ok: true,
      value: { publicUrl: { origin: 'http://accord.test:8443', hostname: 'accord.test' } },
    })
    expect(loadConfig({ ACCORD_PUBLIC_URL: 'https://[2001:db8::1]' })).toMatchObject({
      ok: true,
      value: { publicUrl: { hostname: '[2001:db8::1]' } },
    })
    for (const bad of [
      'accord.example.com',
      'ftp://accord.example.com',
      'https://accord.example.com/accord',
      'https://accord.example.com/?x=1',
      'https://user:pw@accord.example.com',
    ]) {
      const config = loadConfig({ ACCORD_PUBLIC_URL: bad })
      expect(config.ok ? 'accepted' : config.error, bad).toContain('ACCORD_PUBLIC_URL')
    }
  })

  it('names every invalid variable', () => {
    const config = loadConfig({ PORT: 'eighty', ACCORD_SQLITE_SYNCHRONOUS: 'OFF' })
    expect(config.ok).toBe(false)
    if (!config.ok) {
      expect(config.error).toContain('PORT')
      expect(config.error).toContain('ACCORD_SQLITE_SYNCHRONOUS')
    }
  })

  it('takes a PostgreSQL URL, never echoing it; logs show it without its password', () => {
    const url = 'postgresql://accord:s3cret@db.internal:5433/accord?sslmode=require'
    const config = loadConfig({ DATABASE_URL: url })
    expect(config.ok && config.value).toMatchObject({ databasePath: null, postgresUrl: url })
    expect(config.ok && databaseLabel(config.value)).toBe(
      'postgresql://accord:redacted@db.internal:5433/accord?sslmode=require',
    )
    expect(databaseLabel({ databasePath: './data/accord.db', postgresUrl: null })).toBe(
      './data/accord.db',
    )
    for (const bad of ['postgres://', 'postgres://:s3cret@/x', 'postgres://[s3cret/x']) {
      const refused = loadConfig({ DATABASE_URL: bad })
      expect(refused.ok).toBe(false)
      if (!refused.ok) {
        expect(refused.error).toContain('DATABASE_URL: not a PostgreSQL URL')
        expect(refused.error).not.toContain('s3cret')
      }
    }
  })

  it('takes a Redis URL, never echoing it; logs show it without its password', () => {
    const url = 'redis://:s3cret@cache.internal:6380/2'
    const config = loadConfig({ REDIS_URL: url })
    expect(config.ok && config.value.redisUrl).toBe(url)
    expect(redisLabel(url)).toBe('redis://:redacted@cache.internal:6380/2')
    for (const bad of ['cache.internal:6379', 'http://s3cret@cache', 'redis://[s3cret']) {
      const refused = loadConfig({ REDIS_URL: bad })
      expect(refused.ok).toBe(false)
      if (!refused.ok) {
        expect(refused.error).toContain('REDIS_URL: not a Redis URL')
        expect(refused.error).not.toContain('s3cret')
      }
    }
  })
})
