import { initialPlan, type Phase, type PhasePlan } from '@accord/facilitation'
import { describe, expect, it } from 'vitest'
import { outlineBox, phaseFocus, regionFrameId } from './board-focus'

const rules = { boardEditing: true, privateWriting: false, reveal: 'none', voting: false } as const
const phase = (id: string, focus?: string): Phase => ({
  id,
  name: id,
  instructions: '',
  rules,
  ...(focus ? { focus } : {}),
})
const plan = (currentIndex: number): PhasePlan => ({
  phases: [phase('who', 'who'), phase('see', 'see'), phase('close')],
  currentIndex,
})

const frame = (id: string, region?: string) => ({
  typeName: 'shape',
  type: 'frame',
  id,
  parentId: 'page:page',
  x: 0,
  y: 0,
  props: { name: id },
  meta: region ? { region } : {},
})

describe('board focus', () => {
  it('is the current phase’s region, or none', () => {
    expect(phaseFocus(plan(0))).toBe('who')
    expect(phaseFocus(plan(1))).toBe('see')
    expect(phaseFocus(plan(2))).toBeNull()
    expect(phaseFocus(initialPlan())).toBeNull()
  })

  it('finds the region’s frame by its key, not by its name', () => {
    const shapes = [
      frame('shape:theme'),
      frame('shape:see-frame', 'see'),
      frame('shape:who', 'who'),
    ]
    expect(regionFrameId(shapes, 'see')).toBe('shape:see-frame')
    expect(regionFrameId(shapes, 'do')).toBeNull()
    expect(regionFrameId(shapes, null)).toBeNull()
  })

  it('draws the outline a margin outside the shape', () => {
    expect(outlineBox({ min: { x: 10, y: 20 }, max: { x: 110, y: 70 } }, 6)).toEqual({
      x: 4,
      y: 14,
      w: 112,
      h: 62,
    })
  })
})
