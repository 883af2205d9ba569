import { describe, expect, it } from 'vitest'
import type { ActionItemRecord } from '../model.js'
import { metaOf, preMortem, recordsFor, results } from '../testing/fixtures.js'
import { expectGolden } from '../testing/golden.js'
import { hostile, hostileTexts } from '../testing/hostile.js'
import { parseCsv } from '../testing/rfc4180.js'
import {
  actionItemsCsv,
  csvField,
  csvTable,
  neutraliseFormula,
  risksCsv,
  workshopCsv,
} from './csv.js'

const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** Every workshop's action items, stored: ids, and one of them done. */
function storedActions(source = Object.values(results)): ActionItemRecord[] {
  return source
    .flatMap((result) => recordsFor(result).actions)
    .map(({ key: _key, ...action }, i) => ({
      ...action,
      id: `act-${i + 1}`,
      status: i === 1 ? 'done' : action.status,
      history: [],
    }))
}

const evilPreMortem = hostile(preMortem)
/** Every hostile text as an action's text, and as its owner's name. */
const everyText: ActionItemRecord[] = hostileTexts.map((text, i) => ({
  id: `act-hostile-${i + 1}`,
  source: { roomId: 'room-blank', workshopTitle: 'Offsite ideas', template: 'blank', shapeIds: [] },
  text,
  ownerName: hostileTexts[(i + 7) % hostileTexts.length] as string,
  due: null,
  status: 'open',
  history: [],
}))
const evilActions = [...storedActions(Object.values(results).map(hostile)), ...everyText]
const evilRecords = recordsFor(evilPreMortem, {
  ...metaOf(evilPreMortem),
  title: hostileTexts[6] as string,
})

/** A text as the CSV writes it: control characters but tab, CR and LF dropped. */
const withoutControls = (text: string) =>
  // eslint-disable-next-line no-control-regex -- the CSV drops these
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')

/** What a spreadsheet shows for a cell: the text, with the neutralising quote taken off. */
const shown = (cell: string) =>
  cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell

describe('CSV', () => {
  it('[rec:CS1] puts a quote before a cell a spreadsheet would read as a formula', () => {
    for (const text of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＠x'])
      expect(neutraliseFormula(text)).toBe(`'${text}`)
    for (const text of ['1+1', 'a=b', ' =1', '2025-03-14', "'quoted", ''])
      expect(neutraliseFormula(text)).toBe(text)
  })

  it('[rec:CS2] quotes a field with a comma, a quote, a line break, a semicolon or a tab', () => {
    expect(csvField('plain text')).toBe('plain text')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
    expect(csvField('a;=1')).toBe('"a;=1"')
  })

  it('[rec:CS3] ends every record with CRLF and starts with a BOM unless asked not to', () => {
    expect(
      csvTable([
        ['a', 1],
        [null, undefined],
      ]),
    ).toBe('\uFEFFa,1\r\n,\r\n')
    expect(csvTable([['a']], { bom: false })).toBe('a\r\n')
    expect(csvTable([['a\u0000b\u0007c\td']], { bom: false })).toBe('"abc\td"\r\n')
  })

  it('[rec:CS4] action items: match the golden file', () => {
    expectGolden('actions.csv', actionItemsCsv(storedActions()))
  })

  it('[rec:CS5] risks: match the golden file', () => {
    const records = recordsFor(preMortem)
    expectGolden('risks.csv', risksCsv(records.risks, records.source))
  })

  it('[rec:CS6] a workshop’s actions and risks: match the golden file', () => {
    expectGolden('workshop.csv', workshopCsv(recordsFor(preMortem)))
  })

  it('[rec:CS4][rec:CS5][rec:CS6] hostile text: match the golden files', () => {
    expectGolden('hostile-actions.csv', actionItemsCsv(evilActions))
    expectGolden('hostile-risks.csv', risksCsv(evilRecords.risks, evilRecords.source))
    expectGolden('hostile-workshop.csv', workshopCsv(evilRecords))
  })

  it('[rec:CS3] hostile text: reads back as the same cells, no cell a formula', () => {
    const files = [
      {
        csv: risksCsv(evilRecords.risks, evilRecords.source),
        cells: evilRecords.risks.map((risk) => [
          evilRecords.source.workshopTitle,
          String(risk.rank ?? ''),
          risk.name,
          String(risk.score ?? ''),
          String(risk.likelihood ?? ''),
          String(risk.impact ?? ''),
          risk.mitigation ?? '',
          risk.ownerName ?? '',
          risk.reasons.join('\n'),
          '/b/room-pre-mortem',
        ]),
      },
      {
        csv: actionItemsCsv(evilActions),
        cells: evilActions.map((a) => [
          a.source.workshopTitle,
          a.text,
          a.ownerName,
          a.due ?? '',
          a.status,
          `/b/room-${a.source.template}`,
          a.id,
        ]),
      },
    ]
    for (const { csv, cells } of files) {
      expect(csv.startsWith('\uFEFF')).toBe(true)
      const rows = parseCsv(csv)
      const width = (rows[0] as string[]).length
      expect(rows.every((row) => row.length === width)).toBe(true)
      const body = rows.slice(1)
      expect(body.map((row) => row.map(shown))).toEqual(
        cells.map((row) => row.map(withoutControls)),
      )
      for (const cell of body.flat()) expect(cell).not.toMatch(FORMULA)
    }
  })

  it('[rec:CS6] one table: a kind column, the same width on every row', () => {
    const rows = parseCsv(workshopCsv(recordsFor(preMortem)))
    expect(rows[0]).toEqual([
      'kind',
      'workshop',
      'rank',
      'text',
      'owner',
      'due',
      'status',
      'score',
      'likelihood',
      'impact',
      'mitigation',
      'reasons',
      'board',
    ])
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'action',
      'action',
      'action',
      'risk',
      'risk',
      'risk',
    ])
    expect(rows.every((row) => row.length === 13)).toBe(true)
  })
})
