import { describe, expect, it } from 'vitest'
import { InstanceLiveness } from './instance-liveness.js'

describe('instance liveness', () => {
  it('[sync:X6] an instance silent for three heartbeats is gone, once; heard again, it is alive', () => {
    let clock = 0
    const liveness = new InstanceLiveness(100, () => clock)
    liveness.heard('a')
    liveness.heard('b')
    clock = 250
    liveness.heard('b')
    expect(liveness.takeSilent()).toEqual([])
    clock = 301
    expect(liveness.takeSilent()).toEqual(['a'])
    expect(liveness.takeSilent()).toEqual([])
    clock = 551
    expect(liveness.takeSilent()).toEqual(['b'])
    liveness.heard('a')
    clock = 800
    expect(liveness.takeSilent()).toEqual([])
  })

  it('[sync:X6] silence while this instance could not hear does not count', () => {
    let clock = 0
    const liveness = new InstanceLiveness(100, () => clock)
    liveness.heard('a')
    clock = 1000
    liveness.deafUntilNow()
    expect(liveness.takeSilent()).toEqual([])
    clock = 1301
    expect(liveness.takeSilent()).toEqual(['a'])
  })
})
