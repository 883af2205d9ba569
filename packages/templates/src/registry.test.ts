import { PHASE_LIMITS, replacePhases, initialPlan } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import { defaultOptions } from './options.js'
import { describeTemplate, findTemplate, templates } from './registry.js'

describe('the template registry', () => {
  it('offers the five methods by their contract ids', () => {
    expect(templates.map((t) => t.id)).toEqual([
      'retro',
      'pre-mortem',
      'empathy-map',
      'disagree-and-commit',
      'blank',
    ])
    expect(findTemplate('retro')?.name).toBe('Retrospective')
    expect(findTemplate('nope')).toBeNull()
  })

  for (const template of templates) {
    it(`${template.id}: its plan is a valid phase plan with a sound layout`, () => {
      const plan = template.create(defaultOptions(template.optionFields), null)
      // The facilitator can edit a template's phases like any others: they must pass the same checks.
      const replaced = replacePhases(initialPlan(), plan.phases, () => 'x')
      expect(replaced.ok).toBe(true)
      expect(plan.phases.length).toBeLessThanOrEqual(PHASE_LIMITS.phases)
      const keys = plan.regions.map((region) => region.key)
      expect(new Set(keys).size).toBe(keys.length)
      for (const phase of plan.phases) {
        if (phase.focus !== undefined) expect(keys).toContain(phase.focus)
      }
      // Regions do not overlap.
      for (const a of plan.regions) {
        for (const b of plan.regions) {
          if (a === b) continue
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
          expect(apart, `${a.key} overlaps ${b.key}`).toBe(true)
        }
      }
      // Private writing needs somewhere for the notes to land.
      if (plan.phases.some((phase) => phase.rules.privateWriting)) {
        expect(plan.regions.some((region) => region.collects)).toBe(true)
      }
      const described = describeTemplate(template)
      expect(described.phases.map((p) => p.id)).toEqual(plan.phases.map((p) => p.id))
      expect(JSON.parse(JSON.stringify(described))).toEqual(described)
    })
  }
})
