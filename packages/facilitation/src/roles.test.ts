import { describe, expect, it } from 'vitest'
import { can, isRole, visibleLinkRoles } from './roles.js'

describe('roles', () => {
  it('[fac:R1] the facilitator may facilitate; participants edit; viewers only watch', () => {
    expect(can('facilitator', 'room.facilitate')).toBe(true)
    expect(can('facilitator', 'board.edit')).toBe(true)
    expect(can('participant', 'board.edit')).toBe(true)
    expect(can('participant', 'room.facilitate')).toBe(false)
    expect(can('viewer', 'board.edit')).toBe(false)
    expect(can('viewer', 'presence.publish')).toBe(false)
    expect(can('viewer', 'room.facilitate')).toBe(false)
  })

  it('[fac:R2] only the facilitator sees every share link', () => {
    expect(visibleLinkRoles('facilitator')).toEqual(['facilitator', 'participant', 'viewer'])
    expect(visibleLinkRoles('participant')).toEqual(['participant'])
    expect(visibleLinkRoles('viewer')).toEqual(['viewer'])
  })

  it('recognises role names and nothing else', () => {
    expect(isRole('viewer')).toBe(true)
    expect(isRole('admin')).toBe(false)
    expect(isRole(undefined)).toBe(false)
  })
})
