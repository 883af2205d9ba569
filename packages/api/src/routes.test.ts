import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import {
  api,
  type BodyOf,
  type CreatedRoom,
  displayName,
  pathOf,
  type PathParams,
  type QueryOf,
  type ResponseOf,
  type Route,
  type RoomView,
} from './index.js'

const routes: Route[] = Object.values(api).flatMap((area) => Object.values(area))

describe('the route table', () => {
  it('has one route per method and path, all under /api', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const r of routes) expect(r.path).toMatch(/^\/api\/[\w/:-]*[\w]$/)
    expect(routes.length).toBeGreaterThanOrEqual(25)
  })

  it('describes every request with a zod schema, and bodies only where a request has one', () => {
    for (const r of routes) {
      if (r.body) expect(r.method, r.path).not.toBe('GET')
      for (const schema of [r.body, r.query]) if (schema) expect(schema).toBeInstanceOf(z.ZodType)
    }
  })

  it('asks for a room credential on every route of one room', () => {
    for (const r of routes.filter((r) => r.path.startsWith('/api/rooms/:id'))) {
      expect(r.credentials, r.path).toBe('room')
    }
  })

  it('fills a path with its parameters, encoded', () => {
    expect(pathOf(api.workshop.submission, { id: 'a b', kind: 'risk/scores' })).toBe(
      '/api/rooms/a%20b/submissions/risk%2Fscores',
    )
    expect(pathOf(api.rooms.create, {})).toBe('/api/rooms')
  })

  it('types answers, bodies, queries and path parameters', () => {
    expectTypeOf<ResponseOf<typeof api.rooms.read>>().toEqualTypeOf<RoomView>()
    expectTypeOf<ResponseOf<typeof api.rooms.create>>().toEqualTypeOf<CreatedRoom>()
    expectTypeOf<BodyOf<typeof api.rooms.join>>().toEqualTypeOf<{
      readonly name?: string | undefined
    }>()
    expectTypeOf<QueryOf<typeof api.decisions.search>['status']>().toEqualTypeOf<
      'proposed' | 'accepted' | 'rejected' | 'superseded' | undefined
    >()
    expectTypeOf<PathParams<'/api/rooms/:id/submissions/:kind'>>().toEqualTypeOf<
      { readonly id: string } & { readonly kind: string }
    >()
    // @ts-expect-error: a route's parameters must all be given
    expect(() => pathOf(api.rooms.read, {})).toThrow(/no value for :id/)
  })
})

describe('display names', () => {
  it('are trimmed, one to forty characters, without control characters', () => {
    expect(displayName.parse('  Ada  ')).toBe('Ada')
    expect(displayName.safeParse('').success).toBe(false)
    expect(displayName.safeParse('x'.repeat(41)).success).toBe(false)
    expect(displayName.safeParse('A\nB').success).toBe(false)
  })
})
