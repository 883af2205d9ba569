import { describe, expect, it } from 'vitest'
import { InstanceLiveness } from './instance-liveness.js'

/** This instance hears its own heartbeat back `times` times. */
const beats = (liveness: InstanceLiveness, times: number) => {
  for (let n = 0; n < times; n++) liveness.heardSelf()
}

describe('instance liveness', () => {
  it('[sync:X6] an instance silent for three heartbeats is gone, once; heard again, it is alive', () => {
    const liveness = new InstanceLiveness()
    liveness.heard('a')
    liveness.heard('b')
    beats(liveness, 2)
    liveness.heard('b')
    expect(liveness.takeSilent()).toEqual([])
    beats(liveness, 2)
    expect(liveness.takeSilent()).toEqual(['a'])
    expect(liveness.takeSilent()).toEqual([])
    beats(liveness, 2)
    expect(liveness.takeSilent()).toEqual(['b'])
    liveness.heard('a')
    beats(liveness, 3)
    expect(liveness.takeSilent()).toEqual([])
  })

  it('[sync:X6] silence while this instance could not hear does not count', () => {
    // Deaf, or unable to send, this instance hears no heartbeat of its own: however long that
    // lasts (or this process stalls), the others' silence is not counted.
    const liveness = new InstanceLiveness()
    liveness.heard('a')
    expect(liveness.takeSilent()).toEqual([])
    beats(liveness, 3)
    expect(liveness.takeSilent()).toEqual([])
    beats(liveness, 1)
    expect(liveness.takeSilent()).toEqual(['a'])
  })
})
