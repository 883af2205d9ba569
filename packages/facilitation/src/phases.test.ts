import { describe, expect, it } from 'vitest'
import {
  currentPhase,
  describeRules,
  goToPhase,
  initialPlan,
  LIMITS,
  phaseInput,
  phasePresets,
  replacePhases,
} from './phases.js'

const input = (name: string, id?: string) => ({ ...phasePresets.free, name, ...(id ? { id } : {}) })
let counter = 0
const newId = () => `new-${++counter}`

describe('phases', () => {
  it('a new room has one free-board phase where everything is allowed', () => {
    const plan = initialPlan()
    expect(plan.phases).toHaveLength(1)
    expect(currentPhase(plan)).toMatchObject({
      name: 'Free board',
      rules: { boardEditing: true, voting: true },
    })
  })

  it('[fac:PH1] moves to any existing phase, and refuses one that does not exist', () => {
    const plan = {
      ...initialPlan(),
      phases: [...initialPlan().phases, { id: 'b', ...phasePresets.vote }],
    }
    expect(goToPhase(plan, 1)).toEqual({ ok: true, value: { ...plan, currentIndex: 1 } })
    expect(goToPhase(plan, 2)).toEqual({ ok: false, error: 'there is no phase 3; this plan has 2' })
    expect(goToPhase(plan, -1).ok).toBe(false)
    expect(goToPhase(plan, 0.5).ok).toBe(false)
  })

  it('[fac:PH2] replacing phases keeps ids, gives new ones ids, and keeps the current phase current', () => {
    const start = {
      phases: [
        { id: 'a', ...phasePresets.free },
        { id: 'b', ...phasePresets.vote },
      ],
      currentIndex: 1,
    }
    const result = replacePhases(
      start,
      [input('Intro'), input('  Vote!  ', 'b'), input('Close')],
      newId,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.phases.map((p) => p.name)).toEqual(['Intro', 'Vote!', 'Close'])
    expect(result.value.phases[1]?.id).toBe('b')
    expect(result.value.currentIndex).toBe(1)
    expect(new Set(result.value.phases.map((p) => p.id)).size).toBe(3)
  })

  it('[fac:PH2] when the current phase is removed, the nearest one becomes current', () => {
    const start = {
      phases: [
        { id: 'a', ...phasePresets.free },
        { id: 'b', ...phasePresets.vote },
      ],
      currentIndex: 1,
    }
    const result = replacePhases(start, [input('Only', 'a')], newId)
    expect(result.ok && result.value.currentIndex).toBe(0)
  })

  it('[fac:PH2] refuses an empty plan, nameless or duplicate phases, and oversized input', () => {
    const plan = initialPlan()
    expect(replacePhases(plan, [], newId)).toEqual({
      ok: false,
      error: 'a plan needs at least one phase',
    })
    expect(replacePhases(plan, [input('  ')], newId)).toEqual({
      ok: false,
      error: 'phase 1 needs a name',
    })
    expect(replacePhases(plan, [input('A', 'x'), input('B', 'x')], newId).ok).toBe(false)
    expect(replacePhases(plan, [input('x'.repeat(LIMITS.name + 1))], newId).ok).toBe(false)
    const many = Array.from({ length: LIMITS.phases + 1 }, (_, i) => input(`P${i}`))
    expect(replacePhases(plan, many, newId).ok).toBe(false)
  })
})

describe('describeRules', () => {
  it('[fac:PH4] says what each preset allows', () => {
    expect(describeRules(phasePresets.free.rules)).toEqual(['Voting'])
    expect(describeRules(phasePresets['private-writing'].rules)).toEqual([
      'Private writing',
      'Reveal your own',
    ])
    expect(describeRules(phasePresets.vote.rules)).toEqual(['Voting', 'Board read-only'])
  })
})

describe('phaseInput', () => {
  it('[fac:PH2] keeps a phase’s own fields (timer, focus) and drops anything else it carries', () => {
    const phase = {
      ...phasePresets['private-writing'],
      id: 'write',
      timerMinutes: 5,
      focus: 'start',
      extra: 'not a phase field',
    }
    expect(phaseInput(phase)).toEqual({
      id: 'write',
      name: 'Private writing',
      instructions: phasePresets['private-writing'].instructions,
      rules: phasePresets['private-writing'].rules,
      timerMinutes: 5,
      focus: 'start',
    })
    expect(phaseInput({ ...phasePresets.free, id: 'free' })).not.toHaveProperty('timerMinutes')
  })
})
