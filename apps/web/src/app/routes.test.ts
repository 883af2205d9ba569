import { describe, expect, it } from 'vitest'
import {
  boardFocusPath,
  boardPath,
  decisionBoardPath,
  decisionPath,
  licensesPath,
  matchRoute,
} from './routes'

describe('matchRoute', () => {
  it('maps the home page and board links', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' })
    expect(matchRoute('/b/AbC_12-x')).toEqual({ name: 'board', roomId: 'AbC_12-x' })
    expect(matchRoute('/b/AbC_12-x/')).toEqual({ name: 'board', roomId: 'AbC_12-x' })
    expect(matchRoute(boardPath('xyz'))).toEqual({ name: 'board', roomId: 'xyz' })
  })

  it('maps the decision log, a decision record and the action items', () => {
    expect(matchRoute('/decisions')).toEqual({ name: 'decisions' })
    expect(matchRoute('/decisions/')).toEqual({ name: 'decisions' })
    expect(matchRoute('/decisions/DR-12')).toEqual({ name: 'decision', id: 'DR-12' })
    expect(matchRoute('/decisions/dr-3')).toEqual({ name: 'decision', id: 'DR-3' })
    expect(matchRoute(decisionPath('DR-7'))).toEqual({ name: 'decision', id: 'DR-7' })
    expect(matchRoute('/decisions/dr-4/board')).toEqual({ name: 'decision-board', id: 'DR-4' })
    expect(matchRoute(decisionBoardPath('DR-7'))).toEqual({ name: 'decision-board', id: 'DR-7' })
    expect(matchRoute('/actions')).toEqual({ name: 'actions' })
  })

  it('maps the licences page', () => {
    expect(matchRoute('/licenses')).toEqual({ name: 'licenses' })
    expect(matchRoute(licensesPath)).toEqual({ name: 'licenses' })
    expect(matchRoute('/licenses/x')).toEqual({ name: 'not-found' })
  })

  it('refuses anything else, including ids with characters a room id never has', () => {
    expect(matchRoute('/b/')).toEqual({ name: 'not-found' })
    expect(matchRoute('/b/a%2Fb')).toEqual({ name: 'not-found' })
    expect(matchRoute('/b/x/y')).toEqual({ name: 'not-found' })
    expect(matchRoute('/admin')).toEqual({ name: 'not-found' })
    expect(matchRoute('/decisions/12')).toEqual({ name: 'not-found' })
    expect(matchRoute('/decisions/DR-1/x')).toEqual({ name: 'not-found' })
    expect(matchRoute('/decisions/DR-1/board/x')).toEqual({ name: 'not-found' })
    expect(matchRoute('/actions/AI-1')).toEqual({ name: 'not-found' })
  })
})

describe('boardFocusPath', () => {
  it('links to the board with the shape to focus in the query', () => {
    expect(boardFocusPath('room1', 'shape:abc')).toBe('/b/room1?focus=shape%3Aabc')
  })
})
