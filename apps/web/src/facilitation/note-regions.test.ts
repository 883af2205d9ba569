import { findTemplate, defaultOptions } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import { boardRegionsOf, chooseRegion, countByRegion, writingRegions } from './note-regions'

const plan = (id: string, options: Record<string, unknown> = {}) => {
  const template = findTemplate(id)
  if (!template) throw new Error(id)
  return template.create({ ...defaultOptions(template.optionFields), ...options } as never, null)
}

const frame = (key: string | null, name: string, x: number, y: number) => ({
  typeName: 'shape',
  type: 'frame',
  id: `shape:${key ?? name}`,
  x,
  y,
  props: { name },
  meta: key ? { region: key } : {},
})

describe('regions for private notes', () => {
  it('are a retro’s columns, in its format', () => {
    expect(writingRegions(plan('retro').regions, []).map((r) => r.title)).toEqual([
      'Start',
      'Stop',
      'Continue',
    ])
    const sailboat = writingRegions(plan('retro', { format: 'sailboat' }).regions, [])
    expect(sailboat.map((r) => r.key)).toEqual(['wind', 'anchors', 'rocks', 'island'])
    expect(sailboat[0]?.prompt).toBe('What pushed us forward?')
  })

  it('are the pre-mortem’s reasons', () => {
    expect(writingRegions(plan('pre-mortem').regions, []).map((r) => r.key)).toEqual(['reasons'])
  })

  it('fall back to the region frames on the board, and to none on a blank board', () => {
    const board = [{ key: 'see', title: 'See' }]
    expect(writingRegions(plan('empathy-map').regions, board)).toEqual([
      { key: 'see', title: 'See', prompt: '' },
    ])
    expect(writingRegions(plan('blank').regions, [])).toEqual([])
  })

  it('remember the last choice while it is still offered', () => {
    const regions = writingRegions(plan('retro').regions, [])
    expect(chooseRegion(regions, 'stop')).toBe('stop')
    expect(chooseRegion(regions, 'island')).toBe('start')
    expect(chooseRegion(regions, null)).toBe('start')
    expect(chooseRegion([], 'stop')).toBeNull()
  })

  it('are read off the board in reading order, themes left out', () => {
    const shapes = [
      frame('do', 'Do', 600, 700),
      frame(null, 'A theme', 0, 0),
      frame('see', 'See', 0, 700),
      frame('who', '', 0, 0),
      { typeName: 'shape', type: 'note', meta: { region: 'x' } },
    ]
    expect(boardRegionsOf(shapes)).toEqual([
      { key: 'who', title: 'who' },
      { key: 'see', title: 'See' },
      { key: 'do', title: 'Do' },
    ])
  })

  it('count a writer’s notes per region', () => {
    const counts = countByRegion([{ region: 'start' }, { region: 'start' }, { region: null }])
    expect([...counts]).toEqual([['start', 2]])
  })
})
