import { describe, expect, it } from 'vitest'
import { boardPath, matchRoute } from './routes'

describe('matchRoute', () => {
  it('maps the home page and board links', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' })
    expect(matchRoute('/b/AbC_12-x')).toEqual({ name: 'board', roomId: 'AbC_12-x' })
    expect(matchRoute('/b/AbC_12-x/')).toEqual({ name: 'board', roomId: 'AbC_12-x' })
    expect(matchRoute(boardPath('xyz'))).toEqual({ name: 'board', roomId: 'xyz' })
  })

  it('refuses anything else, including ids with characters a room id never has', () => {
    expect(matchRoute('/b/')).toEqual({ name: 'not-found' })
    expect(matchRoute('/b/a%2Fb')).toEqual({ name: 'not-found' })
    expect(matchRoute('/b/x/y')).toEqual({ name: 'not-found' })
    expect(matchRoute('/admin')).toEqual({ name: 'not-found' })
  })
})
