import { describe, expect, it } from 'vitest'
import { summaryMarkdown } from './summary-markdown.js'
import { workshopSummary } from '../summary/build.js'
import {
  decision,
  decisionRecordOf,
  metaOf,
  preMortem,
  recordsFor,
  retro,
} from '../testing/fixtures.js'
import { parseCsv } from '../testing/rfc4180.js'
import { workshopCsv } from './csv.js'
import { decisionExport, workshopExport } from './json.js'
import { madrFolder } from './madr-folder.js'
import { madrMarkdown } from './madr.js'
import { boardLink } from './meta.js'

const origin = 'https://accord.example.com'

describe('board links in exports', () => {
  it('[rec:RN9] are the instance’s address and the board’s path when the address is known', () => {
    expect(boardLink('room-1', origin)).toBe('https://accord.example.com/b/room-1')
    expect(boardLink('room (1)', 'http://[::1]:8080')).toBe('http://[::1]:8080/b/room%20%281%29')
    expect(boardLink('room-1')).toBe('/b/room-1')
    expect(boardLink('room-1', null)).toBe('/b/room-1')
  })

  it('[rec:RN9] an address a link could not carry as it is is left out, never let in', () => {
    for (const odd of [
      'http://evil)(x',
      'javascript:alert(1)',
      'https://a.example/path',
      ' https://a.example',
      'https://a"b',
    ])
      expect(boardLink('room-1', odd)).toBe('/b/room-1')
  })

  it('[rec:RN9] every export writes the full address: summary, MADR, folder, CSV, JSON', () => {
    const board = `${origin}/b/room-disagree-and-commit`
    const meta = { ...metaOf(decision), origin }
    expect(summaryMarkdown(workshopSummary(decision, meta))).toContain(`[${board}](${board})`)

    const record = decisionRecordOf(decision)
    expect(madrMarkdown(record, { origin })).toContain(`board [${board}](${board})`)
    expect(madrFolder([record], origin)[1]?.text).toContain(`(${board})`)
    expect(decisionExport(record, origin).board).toBe(board)

    const preMortemMeta = { ...metaOf(preMortem), origin }
    expect(
      workshopExport({
        workshop: preMortemMeta,
        result: preMortem,
        records: recordsFor(preMortem, preMortemMeta),
      }).workshop.board,
    ).toBe(`${origin}/b/room-pre-mortem`)
    const rows = parseCsv(workshopCsv(recordsFor(preMortem, preMortemMeta), { origin }).slice(1))
    const boardColumn = rows[0]?.indexOf('board') ?? -1
    expect(rows.slice(1).every((row) => row[boardColumn] === `${origin}/b/room-pre-mortem`)).toBe(
      true,
    )
  })

  it('[rec:RN9] a retro links the last retro’s board by its full address too', () => {
    const meta = { ...metaOf(retro), origin }
    const markdown = summaryMarkdown(workshopSummary(retro, meta))
    const previous = retro.previous?.roomId ?? ''
    expect(previous).not.toBe('')
    expect(markdown).toContain(`](${origin}/b/${previous})`)
  })
})
