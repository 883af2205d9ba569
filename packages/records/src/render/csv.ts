/**
 * [rec:RN3] Action items and risks as CSV that opens correctly in spreadsheets: RFC 4180 (fields
 * quoted when they hold a comma, a quote, a line break — and a semicolon or a tab, which some
 * locales' spreadsheets split on; quotes doubled), CRLF between records and after the last, and a
 * UTF-8 byte order mark unless asked not to, so Excel reads the file as UTF-8 rather than the
 * local code page.
 *
 * Formula injection is neutralised as OWASP advises: a cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return — or their full-width forms, which some spreadsheets also read as
 * formulas — gets a leading `'`, so `=HYPERLINK(…)` is shown as text and never evaluated. Accord's
 * own values (dates, ranks, scores) never start with those, so only user text is changed. Control
 * characters other than tab, CR and LF are dropped; everything else is kept as written.
 */
import type { ActionItemRecord, RecordSource, RiskRecord, WorkshopRecords } from '../model.js'
import { boardLink } from './meta.js'

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (default true). */
  readonly bom?: boolean
  /** The instance's address, for board links that work outside Accord (see `ExportMeta`). */
  readonly origin?: string | null
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const NEEDS_QUOTES = /[",;\t\r\n]/

/** [rec:CS1] A cell as text a spreadsheet will not evaluate: a formula-like start gets a `'`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** [rec:CS2] A field as RFC 4180 writes it: quoted, with quotes doubled, when it needs to be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A cell's value: null and undefined as empty, numbers as JavaScript writes them. */
export type CsvValue = string | number | null | undefined

/** Control characters but tab, CR and LF: spreadsheets show none; a NUL ends some readers' text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * [rec:CS3] A table (its header first) as a CSV file: in every cell, control characters other than
 * tab, CR and LF dropped, a formula neutralised, then the field quoted if it needs to be.
 */
export function csvTable(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const text = (value: CsvValue) =>
    value === null || value === undefined ? '' : String(value).replace(CONTROL, '')
  const body = rows
    .map((row) => row.map((value) => csvField(neutraliseFormula(text(value)))))
    .map((fields) => `${fields.join(',')}\r\n`)
    .join('')
  return (options.bom ?? true) ? `\uFEFF${body}` : body
}

/** An action item, stored (with its id) or still a draft of a workshop's records. */
export type ActionRow = Pick<
  ActionItemRecord,
  'source' | 'text' | 'ownerName' | 'due' | 'status'
> & {
  readonly id?: string
}

/** [rec:CS4] Action items, across workshops: one row each, with the workshop and its board. */
export function actionItemsCsv(items: readonly ActionRow[], options?: CsvOptions): string {
  return csvTable(
    [
      ['workshop', 'text', 'owner', 'due', 'status', 'board', 'id'],
      ...items.map((item) => [
        item.source.workshopTitle,
        item.text,
        item.ownerName,
        item.due,
        item.status,
        boardLink(item.source.roomId, options?.origin),
        item.id,
      ]),
    ],
    options,
  )
}

/** The workshop a list of risks came from (risks do not carry it themselves). */
export type RiskSource = Pick<RecordSource, 'workshopTitle' | 'roomId'>

/** [rec:CS5] A pre-mortem's risk register, ranked; a risk's reasons in one cell, one per line. */
export function risksCsv(
  risks: readonly RiskRecord[],
  meta: RiskSource,
  options?: CsvOptions,
): string {
  return csvTable(
    [
      [
        'workshop',
        'rank',
        'risk',
        'score',
        'likelihood',
        'impact',
        'mitigation',
        'owner',
        'reasons',
        'board',
      ],
      ...risks.map((risk) => [
        meta.workshopTitle,
        risk.rank,
        risk.name,
        risk.score,
        risk.likelihood,
        risk.impact,
        risk.mitigation,
        risk.ownerName,
        risk.reasons.join('\n'),
        boardLink(meta.roomId, options?.origin),
      ]),
    ],
    options,
  )
}

/**
 * [rec:CS6] A workshop's action items and risks in one CSV, for `GET /api/rooms/:id/export?format=csv`.
 * One table with a `kind` column (`action` or `risk`) and the union of both tables' columns,
 * rather than two sections: a CSV file is one table to every spreadsheet and parser (RFC 4180
 * wants the same fields on every line), so a second header row half-way down would be read as
 * data. Filter on `kind` to get either list; a column that does not apply to a row is empty.
 * A pre-mortem's mitigations appear twice, as intended: as the risk's `mitigation` and as the
 * action item its owner follows up.
 */
export function workshopCsv(records: WorkshopRecords, options?: CsvOptions): string {
  const { source } = records
  const board = boardLink(source.roomId, options?.origin)
  return csvTable(
    [
      [
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
      ],
      ...records.actions.map((action) => [
        'action',
        action.source.workshopTitle,
        null,
        action.text,
        action.ownerName,
        action.due,
        action.status,
        null,
        null,
        null,
        null,
        null,
        boardLink(action.source.roomId, options?.origin),
      ]),
      ...records.risks.map((risk) => [
        'risk',
        source.workshopTitle,
        risk.rank,
        risk.name,
        risk.ownerName,
        null,
        null,
        risk.score,
        risk.likelihood,
        risk.impact,
        risk.mitigation,
        risk.reasons.join('\n'),
        board,
      ]),
    ],
    options,
  )
}
