import { PHASE_LIMITS, replacePhases, initialPlan } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import { blank } from './blank/index.js'
import { defaultOptions } from './options.js'
import { describeTemplate, findTemplate, openActionsOf, readResult, templates } from './registry.js'
import { members, note, page, stateFor } from './testing/fixtures.js'

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

describe('reading a stored result', () => {
  const resultOf = (template: (typeof templates)[number]) => {
    const plan = template.create(defaultOptions(template.optionFields), null)
    return template.result({
      title: 'A workshop',
      options: defaultOptions(template.optionFields),
      state: stateFor(template, {}, plan.phases[0]?.id ?? ''),
      data: plan.data,
      records: [note('shape:n1', 'A note', page)],
      members,
    })
  }

  for (const template of templates) {
    it(`[tpl:RS1] ${template.id}: what its result function returns reads back, through JSON, as itself`, () => {
      const result = resultOf(template)
      expect(readResult(JSON.parse(JSON.stringify(result)))).toEqual({ readable: true, result })
    })
  }

  it('[tpl:RS1] a result whose fields do not have the shape is unreadable, saying where', () => {
    const result = { ...resultOf(templates[0]!), actions: [{ text: 3 }] }
    const read = readResult(result)
    expect(read.readable).toBe(false)
    expect(read).toMatchObject({ template: 'retro', title: 'A workshop' })
    if (!read.readable) expect(read.problem).toMatch(/^actions\.0\./)
  })

  it('[tpl:RS1] a result of a template Accord does not have is unreadable, not cast', () => {
    expect(readResult({ template: 'lean-coffee', title: 'Old' })).toEqual({
      readable: false,
      template: 'lean-coffee',
      title: 'Old',
      problem: 'unknown template "lean-coffee"',
    })
    expect(readResult(null)).toMatchObject({ readable: false, template: '' })
  })

  it('[tpl:RS1] the open actions of a result are its template’s', () => {
    const result = blank.result({
      title: 'Blank',
      options: {},
      state: stateFor(blank, {}, blank.create({}, null).phases[0]!.id),
      data: {},
      records: [],
      members,
    })
    expect(openActionsOf(result)).toEqual(blank.openActions(result))
  })
})
