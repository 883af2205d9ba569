import { describe, expect, it } from 'vitest'
import { hostileTexts, withoutWebAutolinks } from '../testing/hostile.js'
import {
  escapeHtml,
  escapeMarkdown,
  mdBlock,
  mdCell,
  mdLine,
  mdListItem,
  neutraliseLineStart,
  textLines,
} from './markdown.js'

/** Lines that open a block in GFM: headings, lists, quotes, fences, rules, HTML, tables. */
const BLOCK_START =
  /^ {0,3}(#{1,6}(\s|$)|[-+*](\s|$)|\d{1,9}[.)](\s|$)|>|`{3}|~{3}|<|\||={2,}\s*$|-{2,}\s*$)/

describe('Markdown escaping', () => {
  it('[rec:MD1] splits on every kind of line break and drops control characters', () => {
    expect(textLines('a\r\nb\rc\nd\u2028e\u2029f\u0085g')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ])
    expect(textLines('x\u0000y\u0007z\u007f\tw')).toEqual(['xyz w'])
    expect(textLines('\u202Eexe.txt \u2067שלום\u2069')).toEqual(['exe.txt שלום'])
  })

  it('[rec:MD2] writes < and > as entities, and & where it would start a reference', () => {
    expect(escapeHtml('<script>a && b</script> Q&A &amp; &#60; &#x3C;')).toBe(
      '&lt;script&gt;a && b&lt;/script&gt; Q&A &amp;amp; &amp;#60; &amp;#x3C;',
    )
  })

  it('[rec:MD3] puts a backslash before punctuation with inline meaning', () => {
    expect(escapeMarkdown('[a](javascript:x) *b* _c_ `d` # | ~~e~~ $f$ \\')).toBe(
      '\\[a\\](javascript:x) \\*b\\* \\_c\\_ \\`d\\` \\# \\| \\~\\~e\\~\\~ \\$f\\$ \\\\',
    )
  })

  it('[rec:MD4] keeps a line that would open a block a paragraph line', () => {
    expect(neutraliseLineStart('- item')).toBe('\\- item')
    expect(neutraliseLineStart('+ item')).toBe('\\+ item')
    expect(neutraliseLineStart('---')).toBe('\\---')
    expect(neutraliseLineStart('===')).toBe('\\===')
    expect(neutraliseLineStart('12. item')).toBe('12\\. item')
    expect(neutraliseLineStart('3) item')).toBe('3\\) item')
    expect(neutraliseLineStart('      code')).toBe('code')
    expect(neutraliseLineStart('2025 was good. 3. too')).toBe('2025 was good. 3. too')
  })

  it('[rec:MD5] puts text on one line', () => {
    expect(mdLine('  # Title\nsecond line \r\n\r\n third ')).toBe('\\# Title second line third')
  })

  it('[rec:MD6] breaks lines in a table cell with <br> and escapes the pipes', () => {
    expect(mdCell('a | b\n- c\n\n2.5')).toBe('a \\| b<br>- c<br><br>2.5')
  })

  it('[rec:MD7] writes paragraphs with hard breaks, indented or quoted', () => {
    expect(mdBlock('one\ntwo\n\n\nthree')).toBe('one\\\ntwo\n\nthree')
    expect(mdBlock('# one\n> two\n\nthree', '> ')).toBe('> \\# one\\\n> &gt; two\n>\n> three')
    expect(mdBlock(' \n\n ')).toBe('')
  })

  it('[rec:MD8] continues a list item under its marker', () => {
    expect(mdListItem('first\n- second', '**Bo:** ')).toBe('- **Bo:** first\\\n  \\- second')
    expect(mdListItem('text', '', '*')).toBe('* text')
    expect(mdListItem('', '**Ada**')).toBe('- **Ada**')
  })

  it('[rec:MD9] a web address becomes an autolink showing exactly what was typed; no other scheme', () => {
    expect(mdLine('See https://wiki.example/adr?id=4&v=2. Then decide')).toBe(
      'See <https://wiki.example/adr?id=4&v=2>. Then decide',
    )
    expect(mdLine('(http://a.example/x_y*z)')).toBe('(<http://a.example/x_y*z>)')
    expect(mdLine('javascript:alert(1) ftp://x.example')).toBe(
      'javascript:alert(1) ftp://x.example',
    )
    expect(mdLine('https://x.example/<script>')).toBe('<https://x.example/>&lt;script&gt;')
    expect(mdCell('a | https://x.example/|b')).toBe('a \\| <https://x.example/>\\|b')
  })

  it('[rec:MD3][rec:MD4] leaves no hostile text able to open a block, a tag or a link', () => {
    for (const text of hostileTexts) {
      const lines = [
        mdLine(text),
        ...mdBlock(text).split('\n'),
        ...mdListItem(text).slice(2).split('\n'),
      ]
      for (const line of lines) expect(line, JSON.stringify(text)).not.toMatch(BLOCK_START)
      for (const line of [...lines, mdCell(text)]) {
        expect(withoutWebAutolinks(line.replace(/<br>/g, ''))).not.toMatch(/[<>]/)
        expect(line).not.toMatch(/(^|[^\\])(\\\\)*\]\(/)
        expect(mdCell(text)).not.toMatch(/(^|[^\\])(\\\\)*\|/)
      }
    }
  })
})
