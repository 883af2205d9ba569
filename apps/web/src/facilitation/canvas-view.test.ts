import { describe, expect, it } from 'vitest'
import { cameraFor, coveredRight } from './canvas-view'

const screen = { w: 1280, h: 700 }
/** Where a page point lands on the screen with this camera. */
const toScreen = (camera: { x: number; y: number; z: number }, x: number, y: number) => ({
  x: (x + camera.x) * camera.z,
  y: (y + camera.y) * camera.z,
})

describe('bringing part of the board into view', () => {
  it('centres it on the whole screen when nothing covers the canvas', () => {
    const camera = cameraFor({ x: 100, y: 100, w: 200, h: 100 }, screen, 0, {
      inset: 80,
      maxZoom: 1,
    })
    expect(camera.z).toBe(1)
    expect(toScreen(camera, 200, 150)).toEqual({ x: 640, y: 350 })
  })

  it('centres it in what a panel on the right leaves free', () => {
    const camera = cameraFor({ x: 0, y: 0, w: 200, h: 100 }, screen, 400, { inset: 80, maxZoom: 1 })
    expect(toScreen(camera, 100, 50)).toEqual({ x: 440, y: 350 })
  })

  it('zooms out to fit a big region beside the panel, never in beyond the limit', () => {
    const bounds = { x: 0, y: 0, w: 1120, h: 560 }
    const camera = cameraFor(bounds, screen, 400, { inset: 80, maxZoom: 1 })
    expect(camera.z).toBeCloseTo(800 / 1120)
    const right = toScreen(camera, 1120, 560)
    expect(right.x).toBeLessThanOrEqual(880)
    expect(toScreen(camera, 0, 0).x).toBeGreaterThanOrEqual(0)
  })

  it('ignores a panel that covers most of the screen', () => {
    const camera = cameraFor({ x: 0, y: 0, w: 200, h: 100 }, screen, 1000, { inset: 0, maxZoom: 1 })
    expect(toScreen(camera, 100, 50)).toEqual({ x: 640, y: 350 })
  })

  it('measures what panels cover from the canvas’s right edge', () => {
    const canvas = { left: 0, right: 1280, top: 104, bottom: 800 }
    const panel = { left: 884, right: 1268, top: 110, bottom: 650 }
    expect(coveredRight(canvas, [panel])).toBe(396)
    // A panel on the left (private notes) or above the canvas covers nothing on the right.
    expect(coveredRight(canvas, [{ left: 12, right: 360, top: 110, bottom: 600 }])).toBe(0)
    expect(coveredRight(canvas, [{ ...panel, top: 0, bottom: 100 }])).toBe(0)
    expect(coveredRight(canvas, [])).toBe(0)
  })
})
