import { describe, expect, it } from 'vitest'
import { frame, members, note, optionsFor, page, stateFor } from '../testing/fixtures.js'
import { canvas, empathyMap, type EmpathyMapResult } from './index.js'

const options = (given: Record<string, unknown> = {}) => optionsFor(empathyMap, given)

describe('empathy map: phases', () => {
  it('walks the canvas in Dave Gray’s order, then synthesis and close', () => {
    const plan = empathyMap.create(options(), null)
    expect(plan.phases.map((phase) => phase.id)).toEqual([
      'who',
      'goal',
      'see',
      'say',
      'do',
      'hear',
      'think-feel',
      'synthesis',
      'close',
    ])
  })

  it('each canvas phase shows everyone its own region and is timed by minutesPerRegion', () => {
    const plan = empathyMap.create(options({ minutesPerRegion: 6 }), null)
    const walk = plan.phases.slice(0, 7)
    expect(walk.map((phase) => phase.focus)).toEqual([
      'who',
      'goal',
      'see',
      'say',
      'do',
      'hear',
      'think-feel',
    ])
    expect(walk.every((phase) => phase.timerMinutes === 6)).toBe(true)
    expect(plan.phases.find((p) => p.id === 'synthesis')?.focus).toBe('insights')
    expect(plan.phases.find((p) => p.id === 'close')?.rules.boardEditing).toBe(false)
    const keys = plan.regions.map((region) => region.key)
    for (const phase of plan.phases) if (phase.focus) expect(keys).toContain(phase.focus)
  })

  it('think & feel covers pains and gains; who names the persona when there is one', () => {
    const plan = empathyMap.create(options({ persona: 'a first-time buyer on mobile' }), null)
    const thinkFeel = plan.phases.find((p) => p.id === 'think-feel')?.instructions
    expect(thinkFeel).toContain('pains')
    expect(thinkFeel).toContain('gains')
    expect(plan.phases[0]?.instructions).toContain('We are mapping: a first-time buyer on mobile.')
    const anyone = empathyMap.create(options(), null)
    expect(anyone.phases[0]?.instructions).not.toContain('We are mapping')
  })

  it('is all open discussion: no private writing, no votes, never anonymous', () => {
    const plan = empathyMap.create(options(), null)
    expect(plan.phases.some((p) => p.rules.privateWriting || p.rules.voting)).toBe(false)
    expect(plan.anonymous).toBe(false)
    expect(empathyMap.actions).toEqual({})
  })

  it('lays out every canvas region plus insights and needs', () => {
    const plan = empathyMap.create(options(), null)
    expect(plan.regions.map((region) => region.key).sort()).toEqual(
      [...canvas.map((region) => region.key), 'insights', 'needs'].sort(),
    )
    const who = plan.regions.find((r) => r.key === 'who')
    const see = plan.regions.find((r) => r.key === 'see')
    expect(who && see && who.y < see.y).toBe(true)
  })
})

describe('empathy map: result', () => {
  const records = [
    frame('shape:who', 'Who', { region: 'who' }),
    frame('shape:say', 'Say', { region: 'say' }),
    frame('shape:pains', 'Pains', { region: 'pains' }),
    frame('shape:insights', 'Insights', { region: 'insights' }),
    frame('shape:needs', 'Needs', { region: 'needs' }),
    note('shape:w1', 'Commuter, shops on the train', 'shape:who'),
    note('shape:s2', '“Where is my order?”', 'shape:say', { y: 300 }),
    note('shape:s1', '“Checkout is slow”', 'shape:say', { y: 0 }),
    note('shape:p1', 'Losing the basket', 'shape:pains'),
    note('shape:i1', 'Trust hinges on delivery updates', 'shape:insights'),
    note('shape:d1', 'Save the basket across devices', 'shape:needs', { x: 300 }),
    note('shape:d2', 'Know when it arrives', 'shape:needs', { x: 0 }),
    note('shape:loose', 'Not in any region', page),
    note('shape:a1', 'Interview five commuters', page, {
      meta: { action: { ownerId: 'bo', ownerName: 'Bo', due: '2025-06-01' } },
    }),
  ]
  const result = empathyMap.result({
    title: 'Mobile buyers',
    options: options({ persona: 'a commuter' }),
    state: stateFor(empathyMap, {}, 'close'),
    data: {},
    records,
    members,
  }) as EmpathyMapResult

  it('[tpl:EM1] lists every canvas region, in canvas order, with its notes in reading order', () => {
    expect(result.regions).toEqual([
      { key: 'who', title: 'Who', notes: ['Commuter, shops on the train'] },
      { key: 'goal', title: 'Goal', notes: [] },
      { key: 'see', title: 'See', notes: [] },
      { key: 'say', title: 'Say', notes: ['“Checkout is slow”', '“Where is my order?”'] },
      { key: 'do', title: 'Do', notes: [] },
      { key: 'hear', title: 'Hear', notes: [] },
      { key: 'think-feel', title: 'Think & feel', notes: [] },
      { key: 'pains', title: 'Pains', notes: ['Losing the basket'] },
      { key: 'gains', title: 'Gains', notes: [] },
    ])
  })

  it('[tpl:EM1] keeps insights and needs as items of their own, not among the regions', () => {
    expect(result.insights).toEqual(['Trust hinges on delivery updates'])
    expect(result.needs).toEqual(['Know when it arrives', 'Save the basket across devices'])
    expect(result.regions.map((r) => r.key)).not.toContain('insights')
    expect(result.regions.flatMap((r) => r.notes)).not.toContain('Not in any region')
  })

  it('[tpl:EM1] carries the persona, actions and who took part; open actions are the actions', () => {
    expect(result.template).toBe('empathy-map')
    expect(result.title).toBe('Mobile buyers')
    expect(result.persona).toBe('a commuter')
    expect(result.participants.map((p) => p.id)).toEqual(['ada', 'bo', 'cy'])
    expect(empathyMap.openActions(result)).toEqual([
      { text: 'Interview five commuters', ownerName: 'Bo', due: '2025-06-01' },
    ])
  })
})
