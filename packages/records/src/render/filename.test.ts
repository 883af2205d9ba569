import { describe, expect, it } from 'vitest'
import { exportFileName } from './filename.js'

describe('export file names', () => {
  it.each([
    ['Sprint 42 retro', 'md', 'Sprint-42-retro.md'],
    ['Sprint 42 retro', '.csv', 'Sprint-42-retro.csv'],
    ['DR-12 Primary database: PostgreSQL?', 'md', 'DR-12-Primary-database-PostgreSQL.md'],
    ['../../etc/passwd', 'json', 'etc-passwd.json'],
    ['C:\\Windows\\system32', 'md', 'C-Windows-system32.md'],
    ['.hidden', 'md', 'hidden.md'],
    ['-rf *', 'md', 'rf.md'],
    ['a <b> "c" | d * e', 'md', 'a-b-c-d-e.md'],
    ['tab\there\nnew\u0000line', 'md', 'tab-here-new-line.md'],
    ['CON', 'md', 'CON_.md'],
    ['con.backup', 'md', 'con_.backup.md'],
    ['LPT1', 'csv', 'LPT1_.csv'],
    ['Console', 'md', 'Console.md'],
    ['Rétro de l’équipe', 'md', 'Rétro-de-l-équipe.md'],
    ['決定事項 שלום عربي', 'md', '決定事項-שלום-عربي.md'],
    ['🎉🎉🎉', 'md', 'workshop.md'],
    ['', 'md', 'workshop.md'],
    ['...', 'md', 'workshop.md'],
    ['invoice\u202Egnp.exe', 'md', 'invoice-gnp.exe.md'],
    ['trailing dot.', 'md', 'trailing-dot.md'],
    ['name', '', 'name'],
    ['name', 'tar/../gz', 'name.targz'],
  ])('[rec:RN5] %j, %j → %j', (title, extension, expected) => {
    expect(exportFileName(title, extension)).toBe(expected)
  })

  it('[rec:RN5] keeps decomposed accents whole, as one composed letter', () => {
    expect(exportFileName('Re\u0301sume\u0301', 'md')).toBe('Résumé.md')
  })

  it('[rec:RN5] bounds the length without cutting a character in half', () => {
    const long = exportFileName('é'.repeat(300), 'md')
    expect(long).toBe(`${'é'.repeat(80)}.md`)
    const wide = exportFileName('決'.repeat(300), 'md')
    expect(new TextEncoder().encode(wide).length).toBeLessThanOrEqual(203)
    expect(wide).toBe(`${'決'.repeat(66)}.md`)
    const marks = exportFileName(`${'a'.repeat(79)}e\u0301\u0301\u0301 tail`, 'md')
    expect(marks).toBe(`${'a'.repeat(79)}é\u0301\u0301.md`)
  })
})
