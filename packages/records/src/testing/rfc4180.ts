/**
 * A small, strict RFC 4180 reader, to read the CSV exports back in tests: CRLF between records,
 * quoted fields with doubled quotes, a leading BOM skipped. Anything else the RFC forbids — a bare
 * CR or LF outside quotes, a quote inside an unquoted field, text after a closing quote — throws.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}`)
  }
  while (i < input.length) {
    let field = ''
    if (input[i] === '"') {
      i += 1
      for (;;) {
        if (i >= input.length) fail('unterminated quoted field')
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"'
            i += 2
          } else {
            i += 1
            break
          }
        } else field += input[i++]
      }
    } else {
      while (i < input.length && input[i] !== ',' && input[i] !== '\r') {
        if (input[i] === '"' || input[i] === '\n') fail('a quote or LF in an unquoted field')
        field += input[i++]
      }
    }
    row.push(field)
    if (input[i] === ',') i += 1
    else if (input.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else if (i < input.length) fail('text after a field')
  }
  if (row.length > 0) fail('the last record has no CRLF')
  return rows
}
