import { expect, it } from 'vitest'
import { frameStats } from './frame-stats.js'

it('takes frame times as the gaps between rAF timestamps', () => {
  const stats = frameStats([0, 16.7, 33.4, 50, 100, 116.7])
  expect(stats.frames).toBe(5)
  expect(stats.durationMs).toBeCloseTo(116.7)
  expect(stats.maxMs).toBeCloseTo(50)
  expect(stats.p50Ms).toBeCloseTo(16.7)
  expect(stats.meanFps).toBeCloseTo((5 * 1000) / 116.7)
})

it('counts a frame as long past one display frame plus 1 ms of timer slack', () => {
  const stats = frameStats([0, 16.8, 34.3, 52.6, 86.6, 136.6])
  // Gaps 16.8, 17.5 (within slack), 18.3 (long), 34 (long, within slack of two frames), 50.
  expect(stats.over16Ms).toBe(3)
  expect(stats.over33Ms).toBe(1)
})

it('has no figures without frames', () => {
  expect(frameStats([5])).toMatchObject({ frames: 0, p99Ms: null, meanFps: null, over16Ms: 0 })
})
