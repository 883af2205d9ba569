/**
 * Frame times from requestAnimationFrame timestamps: each frame's time is the gap to the frame
 * before it (rAF timestamps are the frames' begin times, so a frame the page could not make in
 * time shows as a gap of two or more display frames).
 */

/** One frame of a 60 Hz display. */
export const FRAME_BUDGET_MS = 1000 / 60

export interface FrameStats {
  /** Frame times measured (one fewer than the timestamps). */
  readonly frames: number
  /** From the first timestamp to the last. */
  readonly durationMs: number
  readonly p50Ms: number | null
  readonly p95Ms: number | null
  readonly p99Ms: number | null
  readonly maxMs: number | null
  /** Frames over the duration. */
  readonly meanFps: number | null
  /** Frames longer than one display frame (16.7 ms): at least one display frame missed. */
  readonly over16Ms: number
  /** Frames longer than two display frames (33.3 ms). */
  readonly over33Ms: number
}

/**
 * rAF timestamps are rounded (and, headless, a little jittery) around the display's period: a
 * frame counts as long only beyond this slack over the threshold.
 */
const SLACK_MS = 1

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? null
}

export function frameStats(timestamps: readonly number[]): FrameStats {
  const gaps: number[] = []
  for (let i = 1; i < timestamps.length; i++) {
    gaps.push((timestamps[i] as number) - (timestamps[i - 1] as number))
  }
  const sorted = [...gaps].sort((a, b) => a - b)
  const durationMs =
    timestamps.length > 1 ? (timestamps.at(-1) as number) - (timestamps[0] as number) : 0
  const longer = (threshold: number) => gaps.filter((gap) => gap > threshold + SLACK_MS).length
  return {
    frames: gaps.length,
    durationMs,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? null,
    meanFps: durationMs > 0 ? (gaps.length * 1000) / durationMs : null,
    over16Ms: longer(FRAME_BUDGET_MS),
    over33Ms: longer(2 * FRAME_BUDGET_MS),
  }
}
