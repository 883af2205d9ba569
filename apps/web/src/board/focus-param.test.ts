import { describe, expect, it } from 'vitest'
import { focusShapeFromSearch, searchWithoutFocus } from './focus-param'

describe('the board’s ?focus= parameter', () => {
  it('names a shape by its tldraw id', () => {
    expect(focusShapeFromSearch('?focus=shape%3AaBc_12-x')).toBe('shape:aBc_12-x')
    expect(focusShapeFromSearch('?focus=shape:region-proposal&x=1')).toBe('shape:region-proposal')
  })

  it('ignores anything that is not a shape id', () => {
    expect(focusShapeFromSearch('')).toBeNull()
    expect(focusShapeFromSearch('?focus=')).toBeNull()
    expect(focusShapeFromSearch('?focus=page:1')).toBeNull()
    expect(focusShapeFromSearch('?focus=shape:')).toBeNull()
    expect(focusShapeFromSearch('?focus=shape:%3Cscript%3E')).toBeNull()
    expect(focusShapeFromSearch(`?focus=shape:${'a'.repeat(200)}`)).toBeNull()
  })

  it('leaves the rest of the query when it is removed', () => {
    expect(searchWithoutFocus('?focus=shape:a')).toBe('')
    expect(searchWithoutFocus('?x=1&focus=shape:a&y=2')).toBe('?x=1&y=2')
    expect(searchWithoutFocus('')).toBe('')
  })
})
