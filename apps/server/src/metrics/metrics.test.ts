import { MemoryDocumentStore } from '@accord/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { type InProcessApp, inProcessApp } from '../testing/in-process-app.js'
import { Counter, Gauge, Histogram, LabelledCounter, renderMetrics } from './prometheus.js'
import { ServerMetrics } from './server-metrics.js'
import { timedDocumentStore } from './timed-document-store.js'

describe('Prometheus text format', () => {
  it('renders counters, labelled counters, gauges and histograms with HELP and TYPE', () => {
    const counter = new Counter('x_total', 'Things.')
    counter.inc()
    counter.inc(2)
    const labelled = new LabelledCounter<string>('y_total', 'By reason.', 'reason', ['a'])
    labelled.inc('b "quoted"\\')
    const histogram = new Histogram('z_seconds', 'Latency.', 'op', [0.1, 1], ['w'])
    histogram.observe('w', 0.05)
    histogram.observe('w', 0.5)
    histogram.observe('w', 5)
    const gauge = new Gauge('g', 'Line one\nline two.', () => 7)
    expect(renderMetrics([counter, labelled, histogram, gauge])).toBe(
      [
        '# HELP x_total Things.',
        '# TYPE x_total counter',
        'x_total 3',
        '# HELP y_total By reason.',
        '# TYPE y_total counter',
        'y_total{reason="a"} 0',
        'y_total{reason="b \\"quoted\\"\\\\"} 1',
        '# HELP z_seconds Latency.',
        '# TYPE z_seconds histogram',
        'z_seconds_bucket{op="w",le="0.1"} 1',
        'z_seconds_bucket{op="w",le="1"} 2',
        'z_seconds_bucket{op="w",le="+Inf"} 3',
        'z_seconds_sum{op="w"} 5.55',
        'z_seconds_count{op="w"} 3',
        '# HELP g Line one\\nline two.',
        '# TYPE g gauge',
        'g 7',
        '',
      ].join('\n'),
    )
  })

  it('times storage writes, failed ones included', async () => {
    const metrics = new ServerMetrics()
    const inner = new MemoryDocumentStore()
    inner.createRoom('r')
    const store = timedDocumentStore(inner, metrics.storageWrites)
    await store.appendUpdates('r', [Uint8Array.from([0, 0])])
    await store.compact('r', Uint8Array.from([0, 0]), 1)
    await expect(store.appendUpdates('missing', [])).rejects.toThrow()
    expect(metrics.storageWrites.count('append')).toBe(2)
    expect(metrics.storageWrites.count('compact')).toBe(1)
  })
})

describe('GET /metrics', () => {
  let t: InProcessApp | undefined
  afterEach(() => t?.database.close())

  it('is open when the instance has no access key, and counts HTTP responses', async () => {
    t = inProcessApp()
    await t.app.request('/api/nothing-here')
    const response = await t.app.request('/metrics')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    const text = await response.text()
    expect(text).toContain('# TYPE accord_connections gauge\naccord_connections 0\n')
    expect(text).toContain('accord_http_requests_total{status="404"} 1\n')
    expect(text).toContain('accord_refusals_total{reason="read_only"} 0\n')
  })

  it('needs the access key when the instance has one', async () => {
    const key = 'metrics-test-access-key-0123456789'
    t = inProcessApp(Date.now, { accessKey: key })
    const anonymous = await t.app.request('/metrics')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: 'access_key_required' })
    const wrong = await t.app.request('/metrics', {
      headers: { authorization: 'Bearer not-the-key-at-all-no' },
    })
    expect(wrong.status).toBe(401)
    const scraper = await t.app.request('/metrics', {
      headers: { authorization: `Bearer ${key}` },
    })
    expect(scraper.status).toBe(200)
    expect(await scraper.text()).toContain('accord_rooms_loaded 0\n')
  })
})
