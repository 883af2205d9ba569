/**
 * Pans the board with real input: mouse-wheel events through the browser's input pipeline
 * (`page.mouse.wheel`, CDP `Input.dispatchMouseEvent`), which tldraw turns into camera moves
 * (wheel = pan, its default). Up to 60 events a second, like a trackpad; Chromium acknowledges
 * each one only once it has been handled (headless, about every other frame), so each event
 * carries the distance for the time since the last and the speed holds whatever the rate. The
 * pointer sits in the middle of the viewport and the camera goes once round a circle, so the
 * board stays under it. Meanwhile the page records its frames (`page-probe.ts`).
 */
import type { Page } from 'playwright-core'
import { sleep } from '../load/wait.js'
import { startRecording, stopRecording } from './page-probe.js'

/** Screen pixels a second: a brisk trackpad pan. */
export const PAN_SPEED_PX_S = 800
const EVENTS_PER_SECOND = 60

export interface PanRecording {
  /** rAF timestamps of the frames during the pan. */
  readonly frames: number[]
  /** How far the camera moved, in screen pixels (what the page saw). */
  readonly cameraPathPx: number
  readonly wheelEvents: number
}

export async function panWithWheel(
  page: Page,
  viewport: { width: number; height: number },
  durationMs: number,
): Promise<PanRecording> {
  await page.mouse.move(viewport.width / 2, viewport.height / 2)
  await page.evaluate(startRecording)
  const interval = 1000 / EVENTS_PER_SECOND
  const start = performance.now()
  let last = start - interval
  let wheelEvents = 0
  for (;;) {
    const now = performance.now()
    if (now - start >= durationMs) break
    // Distance from the time since the last event, so a late event does not slow the pan.
    const step = (PAN_SPEED_PX_S * (now - last)) / 1000
    const angle = (2 * Math.PI * (now - start)) / durationMs
    last = now
    if (step > 0) {
      await page.mouse.wheel(step * Math.cos(angle), step * Math.sin(angle))
      wheelEvents++
    }
    const wait = start + wheelEvents * interval - performance.now()
    if (wait > 0) await sleep(wait)
  }
  const { frames, pathPx } = await page.evaluate(stopRecording)
  return { frames, cameraPathPx: pathPx, wheelEvents }
}
