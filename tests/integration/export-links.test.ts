/**
 * Absolute links with `ACCORD_PUBLIC_URL` set: share links and every export's board links use
 * its address, not the one the request happened to reach (here `localhost` is the public name and
 * the tests call `127.0.0.1`, which a loopback server also answers).
 */
import { describe, expect, it } from 'vitest'
import { useSharedServer } from '../support/fixtures.js'
import { api, quickDecision } from '../support/records-api.js'
import { freePort } from '../support/server-process.js'
import { unzipTexts } from '../support/unzip.js'

const port = await freePort()
const publicUrl = `http://localhost:${port}`
const shared = useSharedServer({ port, env: { ACCORD_PUBLIC_URL: publicUrl } })

describe('links in exports with ACCORD_PUBLIC_URL', () => {
  it('[rec:RN9] share links, MADR, the decision JSON, the folder and the workshop exports use it', async () => {
    const created = await fetch(`${shared.server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Links' }),
    })
    const links = ((await created.json()) as { links: Record<string, string> }).links
    expect(Object.values(links).every((link) => link.startsWith(`${publicUrl}/b/`))).toBe(true)

    const { roomId, faye, decisionId } = await quickDecision(shared, {
      roomTitle: 'Link decision',
      title: 'Publish the docs site',
      decision: 'The docs are published on every merge.',
      rationale: 'Readers find stale docs.',
      people: ['Bo'],
    })
    const board = `${publicUrl}/b/${roomId}`
    const madr = await api(shared.server, 'GET', `/api/decisions/${decisionId}/export?format=md`)
    expect(madr.text).toContain(`board [${board}](${board})`)
    const json = await api(shared.server, 'GET', `/api/decisions/${decisionId}/export?format=json`)
    expect(json.json()).toMatchObject({ board })
    const folder = await fetch(`${shared.server.url}/api/decisions/export?format=madr`)
    const files = await unzipTexts(Buffer.from(await folder.arrayBuffer()))
    expect([...files.values()].filter((text) => text.includes(`](${board})`))).toHaveLength(1)

    const exported = (format: string) =>
      api(shared.server, 'GET', `/api/rooms/${roomId}/export?format=${format}`, {
        token: faye.token,
      })
    expect((await exported('md')).text).toContain(`[${board}](${board})`)
    expect((await exported('json')).json()).toMatchObject({ workshop: { board } })
  })
})
