import { describe, expect, it } from 'vitest'
import { findTemplate } from '@accord/templates'
import { fitLabel, layoutPreview, type PreviewRegion, regionColors, tint } from './preview-geometry'

const region = (key: string, x: number, y: number, w = 100, h = 200): PreviewRegion => ({
  key,
  title: key,
  x,
  y,
  w,
  h,
  color: 'green',
})

describe('layout preview', () => {
  it('scales the layout to fit the box and centres it', () => {
    // 300 × 200 units in a 160 × 120 box with 10 of padding: the width limits, scale 0.466…
    const rects = layoutPreview([region('a', 0, 0), region('b', 200, 0)], {
      width: 160,
      height: 120,
      padding: 10,
    })
    const scale = 140 / 300
    expect(rects.map((r) => r.key)).toEqual(['a', 'b'])
    expect(rects[0]).toMatchObject({ x: 10, w: Math.round(100 * scale * 10) / 10 })
    expect(rects[1]!.x + rects[1]!.w).toBeCloseTo(150, 0)
    // Centred vertically: equal space above and below.
    const top = rects[0]!.y
    const bottom = 120 - (rects[0]!.y + rects[0]!.h)
    expect(top).toBeCloseTo(bottom, 0)
  })

  it('keeps every region inside the box, whatever the origin of the board', () => {
    const regions = [region('a', -500, -300, 520, 760), region('b', 100, -300, 520, 760)]
    for (const rect of layoutPreview(regions, { width: 300, height: 140, padding: 8 })) {
      expect(rect.x).toBeGreaterThanOrEqual(8 - 0.1)
      expect(rect.y).toBeGreaterThanOrEqual(8 - 0.1)
      expect(rect.x + rect.w).toBeLessThanOrEqual(292 + 0.1)
      expect(rect.y + rect.h).toBeLessThanOrEqual(132 + 0.1)
    }
  })

  it('draws nothing for a blank board', () => {
    expect(layoutPreview([], { width: 100, height: 100, padding: 0 })).toEqual([])
  })

  it('draws a retro’s columns from the template, in its colours', () => {
    const plan = findTemplate('retro')!.create({ format: 'sailboat', dots: 3 }, null)
    const rects = layoutPreview(plan.regions, { width: 480, height: 220, padding: 12 })
    expect(rects.map((r) => r.title)).toEqual(['Wind', 'Anchors', 'Rocks', 'Island'])
    expect(rects[0]!.ink).toBe(regionColors.green)
    expect(rects[1]!.ink).toBe(regionColors.red)
    // Left to right, one row.
    expect(new Set(rects.map((r) => r.y)).size).toBe(1)
    expect(rects.map((r) => r.x)).toEqual([...rects.map((r) => r.x)].sort((a, b) => a - b))
    expect(rects.every((r) => r.label === r.title)).toBe(true)
  })
})

describe('labels and colours', () => {
  it('cuts a title that does not fit, with an ellipsis, or leaves it out', () => {
    expect(fitLabel('Wind', 100, 10)).toBe('Wind')
    // 40 px at 10 px holds 6 glyphs: five letters and the ellipsis.
    expect(fitLabel('Think & Feel', 40, 10)).toBe('Think…')
    expect(fitLabel('Think & Feel', 46, 10)).toBe('Think…') // no space before the ellipsis
    expect(fitLabel('Think & Feel', 5, 10)).toBe('')
  })

  it('tints a colour towards white', () => {
    expect(tint('#000000', 0)).toBe('#ffffff')
    expect(tint('#000000', 1)).toBe('#000000')
    expect(tint('#4465e9', 1)).toBe('#4465e9')
    expect(tint('#ff0000', 0.5)).toBe('#ff8080')
  })
})
