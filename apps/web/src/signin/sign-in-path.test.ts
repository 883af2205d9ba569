import { describe, expect, it } from 'vitest'
import { matchRoute, signInPath } from '../app/routes'
import { safeNext } from './sign-in-path'

describe('sign-in page address', () => {
  it('is /signin, carrying where to go next', () => {
    expect(matchRoute('/signin')).toEqual({ name: 'signin' })
    expect(signInPath('/')).toBe('/signin')
    expect(signInPath('/decisions?q=db')).toBe('/signin?next=%2Fdecisions%3Fq%3Ddb')
    const next = new URL(signInPath('/?template=retro'), 'http://x').searchParams.get('next')
    expect(safeNext(next)).toBe('/?template=retro')
  })

  it('goes on only to a page of this app', () => {
    expect(safeNext('/decisions')).toBe('/decisions')
    expect(safeNext('/actions?status=overdue')).toBe('/actions?status=overdue')
    for (const next of [
      null,
      '',
      'decisions',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/signin?next=/decisions',
      '/\t/evil.example',
    ]) {
      expect(safeNext(next)).toBe('/')
    }
  })
})
