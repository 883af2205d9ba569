import type { PhaseInput, PhasePlan } from '@accord/facilitation'
import { findTemplate, defaultOptions } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import { phaseInputs, suggestedMinutes, withFocus, withTimerMinutes } from './phase-inputs'

const empathyMap = () => {
  const template = findTemplate('empathy-map')
  if (!template) throw new Error('no empathy map')
  const plan = template.create(defaultOptions(template.optionFields), null)
  return { phases: plan.phases, currentIndex: 0 } satisfies PhasePlan
}

const rules = { boardEditing: true, privateWriting: false, reveal: 'none', voting: false } as const
const phase: PhaseInput = { id: 'see', name: 'See', instructions: '', rules }

describe('phases as the facilitator edits them', () => {
  it('keep each phase’s timer and focus', () => {
    const inputs = phaseInputs(empathyMap())
    expect(inputs[0]).toMatchObject({ id: 'who', timerMinutes: 4, focus: 'who' })
    expect(inputs.at(-1)).not.toHaveProperty('timerMinutes')
    expect(inputs.at(-1)).not.toHaveProperty('focus')
    // Exactly what the plan says, ready for `phases.update`.
    expect(JSON.parse(JSON.stringify(inputs))).toEqual(empathyMap().phases)
  })

  it('suggest the phase’s own timer, or five minutes', () => {
    expect(suggestedMinutes({ ...phase, timerMinutes: 7 })).toBe(7)
    expect(suggestedMinutes(phase)).toBe(5)
  })

  it('set a timer in whole minutes the server accepts, or clear it', () => {
    expect(withTimerMinutes(phase, '10')).toEqual({ ...phase, timerMinutes: 10 })
    expect(withTimerMinutes({ ...phase, timerMinutes: 10 }, '')).toEqual(phase)
    expect(withTimerMinutes(phase, '2.5')).toEqual(phase)
    expect(withTimerMinutes(phase, '500')).toEqual(phase)
  })

  it('set or clear the region a phase is about', () => {
    expect(withFocus(phase, 'see')).toEqual({ ...phase, focus: 'see' })
    expect(withFocus({ ...phase, focus: 'see' }, '')).toEqual(phase)
  })
})
