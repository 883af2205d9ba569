/**
 * `/metrics` on the real, built server: it parses as Prometheus text format 0.0.4, and after sync
 * traffic and refused writes the gauges and counters show it. With `ACCORD_ACCESS_KEY` set it is
 * protected like the API.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { usePerTestServers, useSharedServer } from '../support/fixtures.js'
import { entryOf, entryRecord, putEntry } from '../support/board-entries.js'
import { SyncType, syncFrame } from '../support/frames.js'
import { openRawSocket } from '../support/raw-socket.js'
import { createRoom, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'

interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy

/**
 * A strict reader of the text format: every family is declared with HELP and TYPE before its
 * samples, every sample belongs to the family declared last, every value is a number.
 */
function parsePrometheus(text: string): { types: Map<string, string>; samples: Sample[] } {
  expect(text.endsWith('\n')).toBe(true)
  const types = new Map<string, string>()
  const samples: Sample[] = []
  let family: string | null = null
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line)
    if (comment) {
      const [, kind, name, rest] = comment
      expect(name).toMatch(metricName)
      if (kind === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(rest)
        expect(types.has(name!), `${name} declared twice`).toBe(false)
        types.set(name!, rest!)
      }
      family = name!
      continue
    }
    const match = sampleLine.exec(line)
    expect(match, `not a sample line: ${line}`).not.toBeNull()
    const [, name, labelText = '', valueText] = match!
    const type = family === null ? undefined : types.get(family)
    const suffixes = type === 'histogram' ? ['_bucket', '_sum', '_count'] : ['']
    expect(
      suffixes.map((suffix) => `${family}${suffix}`),
      `${name} outside its family`,
    ).toContain(name)
    const labels: Record<string, string> = {}
    labelPair.lastIndex = 0
    let consumed = 0
    for (let pair = labelPair.exec(labelText); pair; pair = labelPair.exec(labelText)) {
      labels[pair[1]!] = pair[2]!
      consumed = labelPair.lastIndex
    }
    expect(consumed, `malformed labels: ${line}`).toBe(labelText.length)
    const value = Number(valueText === '+Inf' ? Infinity : valueText)
    expect(Number.isNaN(value), `not a number: ${line}`).toBe(false)
    samples.push({ name: name!, labels, value })
  }
  return { types, samples }
}

function valueOf(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
  otherwise?: number,
): number {
  const found = samples.find(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )
  if (found) return found.value
  if (otherwise !== undefined) return otherwise
  throw new Error(`no sample ${name} ${JSON.stringify(labels)}`)
}

async function scrape(url: string, init: RequestInit = {}) {
  const response = await fetch(`${url}/metrics`, init)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
  return parsePrometheus(await response.text())
}

/** An update that writes `change` into a fresh document. */
function update(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  change(doc)
  return Y.encodeStateAsUpdate(doc)
}

describe('/metrics', () => {
  const shared = useSharedServer()

  it('parses as Prometheus text, and its counters follow sync traffic and refusals', async () => {
    const { server } = shared
    const before = (await scrape(server.url)).samples
    const roomId = await createRoom(server, 'Measured')

    const ada = shared.client(roomId)
    const bob = shared.client(roomId)
    await ada.whenSynced()
    await bob.whenSynced()
    putEntry(ada.doc, 't', 'measured text')
    await waitFor(() => entryOf(bob.doc, 't') === 'measured text')

    // Refused: a viewer's write (of a valid board record), writes the policy refuses (to
    // server-owned state, to a root that is not the board's records, and an invalid record), a
    // malformed frame and a connection without a valid token.
    const viewer = await openRawSocket(server.wsUrl, roomId, { token: tokensOf(roomId).viewer })
    await viewer.receivedAtLeast(1)
    viewer.ws.send(
      syncFrame(
        SyncType.Update,
        update((doc) => putEntry(doc, 'k', 'v')),
      ),
    )
    const forger = await openRawSocket(server.wsUrl, roomId)
    await forger.receivedAtLeast(1)
    const { props: _props, ...propless } = entryRecord('broken', 'no props')
    for (const forgery of [
      update((doc) => doc.getMap('accord:room').set('phase', 'x')),
      update((doc) => doc.getMap('m').set('k', 'v')),
      update((doc) => doc.getMap('tldraw:records').set('shape:broken', propless)),
    ]) {
      forger.ws.send(syncFrame(SyncType.Update, forgery))
    }
    const garbler = await openRawSocket(server.wsUrl, roomId)
    await garbler.receivedAtLeast(1)
    garbler.ws.send(Uint8Array.from([0, 2, 3, 1, 2]))
    expect((await garbler.closed).code).toBe(4400)
    const stranger = await openRawSocket(server.wsUrl, roomId, { token: 'x'.repeat(32) })
    expect((await stranger.closed).code).toBe(4401)

    // Refused writes that do not close the connection are answered with a permission-denied
    // message (type 2): once it arrives, the refusal has been counted.
    const toldNo = (socket: typeof viewer) =>
      socket.received.filter((frame) => frame[0] === 2).length
    await waitFor(() => toldNo(viewer) === 1 && toldNo(forger) === 3, {
      what: 'every write to be refused',
    })

    const { types, samples } = await scrape(server.url)
    expect(types.get('accord_connections')).toBe('gauge')
    expect(types.get('accord_rooms_loaded')).toBe('gauge')
    expect(types.get('accord_messages_received_total')).toBe('counter')
    expect(types.get('accord_messages_sent_total')).toBe('counter')
    expect(types.get('accord_refusals_total')).toBe('counter')
    expect(types.get('accord_storage_write_seconds')).toBe('histogram')
    expect(types.get('accord_http_requests_total')).toBe('counter')
    expect(types.get('accord_uptime_seconds')).toBe('gauge')

    // Ada, Bob, the viewer and the forger are still connected.
    expect(valueOf(samples, 'accord_connections')).toBeGreaterThanOrEqual(4)
    expect(valueOf(samples, 'accord_rooms_loaded')).toBeGreaterThanOrEqual(1)
    const moved = (name: string, labels: Record<string, string> = {}) =>
      // A labelled series appears when it first counts: absent before means 0.
      valueOf(samples, name, labels) - valueOf(before, name, labels, 0)
    expect(moved('accord_messages_received_total')).toBeGreaterThan(5)
    expect(moved('accord_messages_sent_total')).toBeGreaterThan(5)
    expect(moved('accord_refusals_total', { reason: 'read_only' })).toBe(1)
    expect(moved('accord_refusals_total', { reason: 'server_owned' })).toBe(1)
    expect(moved('accord_refusals_total', { reason: 'not_board' })).toBe(1)
    expect(moved('accord_refusals_total', { reason: 'invalid_record' })).toBe(1)
    expect(moved('accord_refusals_total', { reason: 'malformed' })).toBe(1)
    expect(moved('accord_refusals_total', { reason: 'unauthorized' })).toBe(1)
    const appends = { operation: 'append' }
    expect(moved('accord_storage_write_seconds_count', appends)).toBeGreaterThanOrEqual(2)
    expect(valueOf(samples, 'accord_storage_write_seconds_sum', appends)).toBeGreaterThan(0)
    expect(
      valueOf(samples, 'accord_storage_write_seconds_bucket', { ...appends, le: '+Inf' }),
    ).toBe(valueOf(samples, 'accord_storage_write_seconds_count', appends))
    expect(moved('accord_http_requests_total', { status: '201' })).toBe(1)
    expect(moved('accord_http_requests_total', { status: '101' })).toBeGreaterThanOrEqual(6)
    expect(valueOf(samples, 'accord_uptime_seconds')).toBeGreaterThan(0)

    viewer.ws.terminate()
    forger.ws.terminate()
  })
})

describe('/metrics with an access key', () => {
  const servers = usePerTestServers()
  const key = 'integration-metrics-key-0123456789'

  it('is protected like the API: the key as a Bearer token, or nothing', async () => {
    const server = await servers.start({ env: { ACCORD_ACCESS_KEY: key } })
    const anonymous = await fetch(`${server.url}/metrics`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: 'access_key_required' })
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer wrong-key-wrong-key-wrong' },
    })
    expect(wrong.status).toBe(401)
    const { samples } = await scrape(server.url, { headers: { authorization: `Bearer ${key}` } })
    expect(valueOf(samples, 'accord_connections')).toBe(0)
    for (const line of server.output) expect(line).not.toContain(key)
  })
})
