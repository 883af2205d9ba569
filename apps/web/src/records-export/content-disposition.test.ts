import { describe, expect, it } from 'vitest'
import { fileNameFromDisposition, safeFileName } from './content-disposition'

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 filename* over the ASCII fallback', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="Caf_ decision.md"; filename*=UTF-8''Caf%C3%A9%20decision.md`,
      ),
    ).toBe('Café decision.md')
  })

  it('reads a quoted filename, with escaped quotes and semicolons inside', () => {
    expect(fileNameFromDisposition('attachment; filename="a \\"b\\"; c.csv"')).toBe('a "b"; c.csv')
  })

  it('reads an unquoted filename and is case-insensitive about names', () => {
    expect(fileNameFromDisposition('attachment; FileName=summary.md')).toBe('summary.md')
    expect(fileNameFromDisposition("attachment; FILENAME*=utf-8'en'r%C3%A9sum%C3%A9.json")).toBe(
      'résumé.json',
    )
  })

  it('falls back to filename when filename* is malformed or in an unknown charset', () => {
    expect(fileNameFromDisposition(`attachment; filename="x.md"; filename*=UTF-8''%E0%A4%A`)).toBe(
      'x.md',
    )
    expect(fileNameFromDisposition(`attachment; filename="x.md"; filename*=koi8-r''abc`)).toBe(
      'x.md',
    )
    expect(fileNameFromDisposition(`attachment; filename*=ISO-8859-1''caf%E9.md`)).toBe('café.md')
  })

  it('keeps only a bare file name: no directories, no control characters', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''..%5C..%5Cevil.bat`)).toBe(
      'evil.bat',
    )
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''a%0Ab%00.md`)).toBe('ab.md')
  })

  it('gives null when there is no usable name', () => {
    expect(fileNameFromDisposition(null)).toBeNull()
    expect(fileNameFromDisposition('')).toBeNull()
    expect(fileNameFromDisposition('attachment')).toBeNull()
    expect(fileNameFromDisposition('attachment; filename=""')).toBeNull()
    expect(fileNameFromDisposition('attachment; filename=".."')).toBeNull()
  })
})

describe('safeFileName', () => {
  it('trims and rejects dot names', () => {
    expect(safeFileName('  a.md ')).toBe('a.md')
    expect(safeFileName('.')).toBeNull()
    expect(safeFileName(null)).toBeNull()
  })
})
