/**
 * A workshop's exports against the real server: a pre-mortem driven to its close, then its
 * summary read back as CSV (action items and the ranked risk register, parsed as RFC 4180), as
 * Markdown and as JSON — for anyone in the room, never without a token — with hostile text from
 * the board neutralised in CSV and escaped in Markdown.
 */
import { describe, expect, it } from 'vitest'
import {
  frameShape,
  noteShape,
  noteWithText,
  putShapes,
  regionFrame,
  workshopRoom,
} from '../support/board-records.js'
import { useSharedServer } from '../support/fixtures.js'
import { api, type ApiAnswer, attachmentName } from '../support/records-api.js'
import { createRoom, joinRoom, tokensOf } from '../support/server-process.js'
import { waitFor } from '../support/wait.js'
import type { TestClient } from '../support/yjs-client.js'

const shared = useSharedServer()

/**
 * RFC 4180, strictly: records end with CRLF (the last one too), fields are separated by commas, a
 * field is either bare (no quote, comma or line break) or wholly quoted with quotes doubled.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}: ${JSON.stringify(text.slice(i, i + 20))}`)
  }
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i += 1
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break
          field += '"'
          i += 2
        } else field += text[i++]
      }
      i += 1 // the closing quote
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') fail('quote or line break in a bare field')
        field += text[i++]
      }
    }
    row.push(field)
    if (text[i] === ',') i += 1
    else if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else fail('a field must end with a comma or CRLF')
  }
  if (row.length > 0) fail('the last record does not end with CRLF')
  return rows
}

/** A CSV download as objects keyed by its header row; every row as wide as the header. */
function csvRecords(answer: ApiAnswer): Record<string, string>[] {
  expect([...answer.bytes.subarray(0, 3)], 'a UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = parseCsv(answer.text)
  if (!header) throw new Error('an empty CSV file')
  for (const row of rows) expect(row).toHaveLength(header.length)
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])))
}

/** The cells of a GFM table's body rows under a heading, split at unescaped pipes. */
function tableUnder(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`)
  expect(start, heading).toBeGreaterThanOrEqual(0)
  const lines = markdown.slice(start + heading.length + 2).split('\n')
  const first = lines.findIndex((line) => line.startsWith('|'))
  const table: string[] = []
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break
    table.push(line)
  }
  return table
    .slice(2) // the header and the delimiter row
    .map((line) =>
      line
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((cell) => cell.trim()),
    )
}

describe('workshop exports', () => {
  it('[rec:RN1][rec:RN3][rec:RN4][rec:CS1] a pre-mortem’s register and actions export as CSV, Markdown and JSON, safely', async () => {
    const title = 'Q3 launch: pre-mortem / draft'
    const { roomId, links, faye, people, clients, send, phase } = await workshopRoom(
      shared,
      title,
      { template: 'pre-mortem', options: { ranking: 'scores' } },
      ['Bo', 'Cy'],
    )
    const [bo, cy] = people as [(typeof people)[0], (typeof people)[0]]
    const [fayeClient, boClient, cyClient] = clients as [TestClient, TestClient, TestClient]
    await send(faye.token, {
      type: 'brief.set',
      statement: 'Launch the new checkout in Q3.',
      ownerId: bo.memberId,
    })

    // Cy puts the risks on the board, each a named frame of reasons in the reasons region; two
    // of them are named by someone hostile.
    await phase('cluster')
    const hostile = {
      formula: '=HYPERLINK("http://x","Click")',
      html: '<script>alert(1)</script> [link](http://evil.example)',
      mitigation: '-2+3 <img src=x onerror=alert(1)>',
      reason: '@SUM(A1:A9), "quoted"\nand a second line',
    }
    const reasons = regionFrame(cyClient.doc, 'reasons').id
    const risks = {
      outage: 'shape:risk-outage',
      formula: 'shape:risk-formula',
      html: 'shape:risk-html',
    }
    const risk = (id: string, name: string, y: number, index: string, reason: string) => [
      frameShape({ id, name, parentId: reasons, x: 16, y, w: 800, h: 240, index }),
      noteShape({ id: `${id}-reason`, text: reason, parentId: id, x: 16, y: 48, index: 'a1' }),
    ]
    putShapes(
      cyClient.doc,
      ...risk(
        risks.outage,
        'Payments provider outage',
        200,
        'a7',
        'The provider failed twice last year',
      ),
      ...risk(risks.formula, hostile.formula, 500, 'a8', hostile.reason),
      ...risk(risks.html, hostile.html, 800, 'a9', 'Nobody tested on old browsers'),
    )
    await waitFor(() => noteWithText(fayeClient.doc, 'Nobody tested on old browsers') !== undefined)

    // Scores: the outage first (4 × 5), the formula second (3 × 3), the HTML last (2 × 2.5).
    await phase('rank')
    await send(bo.token, {
      type: 'risk.score',
      scores: [
        { riskId: risks.outage, likelihood: 4, impact: 5 },
        { riskId: risks.formula, likelihood: 3, impact: 3 },
        { riskId: risks.html, likelihood: 2, impact: 2 },
      ],
    })
    await send(cy.token, {
      type: 'risk.score',
      scores: [
        { riskId: risks.outage, likelihood: 4, impact: 5 },
        { riskId: risks.html, likelihood: 2, impact: 3 },
      ],
    })
    await send(faye.token, { type: 'scores.close' })

    // Mitigations with owners; and an action item Bo writes on the board.
    await phase('mitigate')
    await send(faye.token, {
      type: 'risk.mitigate',
      riskId: risks.outage,
      mitigation: 'Add a second payments provider',
      ownerId: cy.memberId,
    })
    await send(faye.token, {
      type: 'risk.mitigate',
      riskId: risks.formula,
      mitigation: hostile.mitigation,
      ownerId: bo.memberId,
    })
    putShapes(
      boClient.doc,
      noteShape({
        id: 'shape:action-runbook',
        text: '+1 the rollback runbook',
        parentId: 'page:page',
        x: 0,
        y: 1800,
        index: 'aZ',
      }),
    )
    await waitFor(() => noteWithText(fayeClient.doc, '+1 the rollback runbook') !== undefined)
    await send(faye.token, {
      type: 'action.set',
      noteId: 'shape:action-runbook',
      text: '+1 the rollback runbook',
      ownerId: bo.memberId,
      due: '2031-01-10',
    })

    /** An export with Bo's token, another, or (null) none. */
    const exported = (format: string, token: string | null = bo.token) =>
      api(shared.server, 'GET', `/api/rooms/${roomId}/export?format=${format}`, {
        ...(token === null ? {} : { token }),
      })

    // At any time, not only after the close: the register as it stands.
    const early = csvRecords(await exported('csv'))
    expect(early.filter((row) => row.kind === 'risk').map((row) => row.rank)).toEqual([
      '1',
      '2',
      '3',
    ])

    await send(faye.token, { type: 'workshop.close' })

    // CSV: one table, a `kind` column telling action items from risks.
    const csv = await exported('csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(attachmentName(csv)).toBe('Q3-launch-pre-mortem-draft.csv')
    const rows = csvRecords(csv)
    const actions = rows.filter((row) => row.kind === 'action')
    const register = rows.filter((row) => row.kind === 'risk')
    expect(rows).toHaveLength(actions.length + register.length)
    // A full address, so that the link works once the file is opened elsewhere.
    const board = `${shared.server.url}/b/${roomId}`
    expect(actions).toEqual([
      expect.objectContaining({
        workshop: title,
        text: 'Payments provider outage: Add a second payments provider',
        owner: 'Cy',
        due: '',
        status: 'open',
        board,
      }),
      expect.objectContaining({
        text: `'${hostile.formula}: ${hostile.mitigation}`,
        owner: 'Bo',
        status: 'open',
      }),
      expect.objectContaining({
        text: "'+1 the rollback runbook",
        owner: 'Bo',
        due: '2031-01-10',
        status: 'open',
      }),
    ])
    expect(register).toEqual([
      expect.objectContaining({
        workshop: title,
        rank: '1',
        text: 'Payments provider outage',
        score: '20',
        likelihood: '4',
        impact: '5',
        mitigation: 'Add a second payments provider',
        owner: 'Cy',
        reasons: 'The provider failed twice last year',
        board,
      }),
      expect.objectContaining({
        rank: '2',
        text: `'${hostile.formula}`,
        score: '9',
        likelihood: '3',
        impact: '3',
        mitigation: `'${hostile.mitigation}`,
        owner: 'Bo',
        reasons: `'${hostile.reason}`,
      }),
      expect.objectContaining({
        rank: '3',
        text: hostile.html,
        score: '5',
        likelihood: '2',
        impact: '2.5',
        mitigation: '',
        owner: '',
      }),
    ])
    // No cell a spreadsheet would read as a formula.
    for (const row of rows)
      for (const [column, cell] of Object.entries(row))
        expect(cell, `${column}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/)

    // Markdown: the register ranked, every user text escaped.
    const md = await exported('md', links.viewer)
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(attachmentName(md)).toBe('Q3-launch-pre-mortem-draft.md')
    expect(md.text).toContain('## Risk register')
    const ranked = tableUnder(md.text, '## Risk register')
    expect(ranked.map((cells) => [cells[0], cells[2], cells[4], cells[5]])).toEqual([
      ['1', '20', 'Add a second payments provider', 'Cy'],
      ['2', '9', expect.stringContaining('&lt;img src=x onerror=alert(1)&gt;'), 'Bo'],
      ['3', '5', '—', '—'],
    ])
    expect(ranked[0]![1]).toBe('Payments provider outage')
    expect(ranked[2]![1]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    for (const raw of ['<script', '<img', '[link](http://evil.example)'])
      expect(md.text, raw).not.toContain(raw)
    // The brackets escaped (no link of its own); the address itself an autolink, shown as typed.
    expect(md.text).toContain('\\[link\\](<http://evil.example>)')
    expect(md.text).toMatch(/^# Q3 launch: pre-mortem \/ draft$/m)

    // JSON: the documented format, with the records.
    const json = await exported('json', links.participant)
    expect(json.status).toBe(200)
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(attachmentName(json)).toBe('Q3-launch-pre-mortem-draft.json')
    const everything = json.json<{
      schema: string
      workshop: { roomId: string; title: string; template: string; closedAt: string | null }
      result: { template: string }
      records: {
        actions: { text: string; ownerName: string }[]
        risks: { name: string; rank: number; score: number; mitigation: string | null }[]
        decision: unknown
      }
      decisions: unknown[]
    }>()
    expect(everything.schema).toBe('accord.workshop/1')
    expect(everything.workshop).toMatchObject({ roomId, title, template: 'pre-mortem' })
    expect(everything.workshop.closedAt).toEqual(expect.any(String))
    expect(everything.result.template).toBe('pre-mortem')
    expect(everything.records.decision).toBeNull()
    expect(everything.records.risks.map(({ name, rank, score }) => [name, rank, score])).toEqual([
      ['Payments provider outage', 1, 20],
      [hostile.formula, 2, 9],
      [hostile.html, 3, 5],
    ])
    expect(everything.records.risks[1]!.mitigation).toBe(hostile.mitigation) // raw in JSON
    expect(everything.records.actions.map((action) => action.ownerName)).toEqual(['Cy', 'Bo', 'Bo'])
    expect(everything.decisions).toEqual([])

    // Anyone in the room may export, in any role; nobody else.
    const viewer = await joinRoom(shared.server, roomId, links.viewer, 'Vi')
    const elsewhere = await createRoom(shared.server, 'Elsewhere')
    for (const token of [links.viewer, viewer.token, links.participant, cy.token, faye.token])
      expect((await exported('csv', token)).status).toBe(200)
    for (const token of [null, 'not-a-token', tokensOf(elsewhere).facilitator]) {
      const refused = await exported('csv', token)
      expect(refused.status).toBe(401)
      expect(refused.headers.get('content-disposition')).toBeNull()
    }
    expect((await exported('xlsx')).status).toBe(400)
  })
})
