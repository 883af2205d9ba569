/**
 * The decision log as a folder of MADR files (`GET /api/decisions/export?format=madr`), against
 * the real server: the ZIP read back by an independent reader (yauzl), and the folder read by a
 * real ADR tool, adr-log, which must find every record under its number and title.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useSharedServer } from '../support/fixtures.js'
import { api, attachmentName, quickDecision } from '../support/records-api.js'
import { tempDir } from '../support/temp-dir.js'
import { unzipTexts } from '../support/unzip.js'

const adrLog = createRequire(import.meta.url).resolve('adr-log/cli.js')

/** The file a record is kept in: its number in four digits, then its title as a slug. */
const fileOf = (id: string, slug: string) => `${id.slice(3).padStart(4, '0')}-${slug}.md`

async function download(server: { url: string }, query: string) {
  const response = await fetch(`${server.url}/api/decisions/export?${query}`)
  return { response, body: Buffer.from(await response.arrayBuffer()) }
}

describe('the decision log as a folder of MADR files', () => {
  // Its own server: the whole log is exactly what this test made.
  const shared = useSharedServer()

  it('[rec:RN7] downloads as a ZIP of one file per record and an index, which adr-log reads', async () => {
    const first = await quickDecision(shared, {
      roomTitle: 'Queue decision',
      title: 'Use Marlinqueue for background jobs',
      decision: 'Background jobs move to Marlinqueue.',
      rationale: 'The team knows it.',
      people: ['Bo'],
    })
    const second = await quickDecision(shared, {
      roomTitle: 'Cache decision',
      title: 'Cache pages at the edge (v2)',
      decision: 'Pages are cached for a minute.',
      rationale: 'Most pages change rarely.',
      people: ['Cy'],
    })
    const superseded = await api(
      shared.server,
      'POST',
      `/api/decisions/${first.decisionId}/supersede`,
      {
        token: first.faye.token,
        body: { decision: 'Background jobs move to Pelicanstream.', note: 'Retention' },
      },
    )
    expect(superseded.status).toBe(201)
    const successor = (superseded.json() as { successor: { id: string } }).successor.id

    const { response, body } = await download(shared.server, 'format=madr')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(
      attachmentName({ headers: response.headers } as Parameters<typeof attachmentName>[0]),
    ).toMatch(/^accord-decisions-\d{4}-\d{2}-\d{2}\.zip$/)

    const texts = await unzipTexts(body)
    const queue = fileOf(first.decisionId, 'use-marlinqueue-for-background-jobs')
    const queueNow = fileOf(successor, 'use-marlinqueue-for-background-jobs')
    const cache = fileOf(second.decisionId, 'cache-pages-at-the-edge-v2')
    expect([...texts.keys()]).toEqual([
      'decisions/index.md',
      ...[queue, cache, queueNow].map((name) => `decisions/${name}`),
    ])
    expect(texts.get(`decisions/${queue}`)).toContain(
      `* Status: superseded by [${successor}](${queueNow})`,
    )
    expect(texts.get(`decisions/${queueNow}`)).toContain(
      `* **Supersedes:** [${first.decisionId}](${queue})`,
    )
    expect(texts.get('decisions/index.md')).toContain(
      `* [${first.decisionId}](${queue}) Use Marlinqueue for background jobs — superseded by [${successor}](${queueNow})`,
    )

    // The folder on disk, as a team would commit it, read by adr-log.
    const folder = join(tempDir('accord-madr-'), 'decisions')
    mkdirSync(folder)
    for (const [path, text] of texts)
      writeFileSync(join(folder, path.slice('decisions/'.length)), text)
    const log = execFileSync(process.execPath, [adrLog, '-d', folder, join(folder, 'index.md')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const listed = [...log.matchAll(/^\* \[ADR-(\d+)\]\(([^)]+)\) - (.*)$/gm)].map(
      ([, number, file, title]) => ({ number, file, title }),
    )
    expect(listed).toEqual([
      { number: queue.slice(0, 4), file: queue, title: 'Use Marlinqueue for background jobs' },
      { number: cache.slice(0, 4), file: cache, title: 'Cache pages at the edge (v2)' },
      {
        number: queueNow.slice(0, 4),
        file: queueNow,
        title: 'Use Marlinqueue for background jobs',
      },
    ])
  })
})

describe('the decision log’s folder, filtered', () => {
  const shared = useSharedServer()

  it('[rec:RN7] takes the log’s filters; an unknown format is refused', async () => {
    const kept = await quickDecision(shared, {
      roomTitle: 'Filtered decision',
      title: 'Adopt Zanzibar-style permissions',
      decision: 'Permissions become relations.',
      rationale: 'Sharing rules grew too many.',
      people: ['Dee'],
    })
    const { body } = await download(shared.server, 'format=madr&q=zanzibar')
    expect([...(await unzipTexts(body)).keys()]).toEqual([
      'decisions/index.md',
      `decisions/${fileOf(kept.decisionId, 'adopt-zanzibar-style-permissions')}`,
    ])
    const refused = await download(shared.server, 'format=pdf')
    expect(refused.response.status).toBe(400)
  })
})
