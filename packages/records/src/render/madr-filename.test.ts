import { describe, expect, it } from 'vitest'
import { hostileTexts } from '../testing/hostile.js'
import { madrFileName } from './madr-filename.js'

describe('MADR file names', () => {
  it('[rec:RN6] the number in four digits, then the title as a lowercase ASCII slug', () => {
    expect(madrFileName({ number: 12, title: 'Primary database for the ledger' })).toBe(
      '0012-primary-database-for-the-ledger.md',
    )
    expect(madrFileName({ number: 12345, title: 'Use Redis' })).toBe('12345-use-redis.md')
    expect(madrFileName({ number: 3, title: '  Café: crème brûlée?! ' })).toBe(
      '0003-cafe-creme-brulee.md',
    )
  })

  it('[rec:RN6] a title with no ASCII letter or digit left gives "decision"', () => {
    expect(madrFileName({ number: 7, title: '' })).toBe('0007-decision.md')
    expect(madrFileName({ number: 7, title: '数据库' })).toBe('0007-decision.md')
    expect(madrFileName({ number: 7, title: '../../etc/passwd' })).toBe('0007-etc-passwd.md')
  })

  it('[rec:RN6] hostile titles give names of a-z, 0-9 and dashes, at most 60 after the number', () => {
    for (const title of hostileTexts) {
      const name = madrFileName({ number: 1, title: title.repeat(20) })
      expect(name).toMatch(/^0001-[a-z0-9]+(-[a-z0-9]+)*\.md$/)
      expect(name.length).toBeLessThanOrEqual('0001-'.length + 60 + '.md'.length)
    }
  })
})
