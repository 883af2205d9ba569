/**
 * Chromium's own counters for a page, through the DevTools protocol (`Performance.getMetrics`):
 * the JS heap, the DOM's size, and the main thread's busy time.
 */
import type { CDPSession, Page } from 'playwright-core'

export interface PageMetrics {
  readonly jsHeapUsedMb: number | null
  readonly domNodes: number | null
  /** Main-thread task time since the page started, in ms (cumulative). */
  readonly taskMs: number | null
}

export class MetricsReader {
  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<MetricsReader> {
    const session = await page.context().newCDPSession(page)
    await session.send('Performance.enable')
    return new MetricsReader(session)
  }

  /** A full garbage collection first, so the heap holds only what the page keeps. */
  async collectGarbage(): Promise<void> {
    await this.session.send('HeapProfiler.collectGarbage')
  }

  async read(): Promise<PageMetrics> {
    const { metrics } = await this.session.send('Performance.getMetrics')
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? null
    const heap = value('JSHeapUsedSize')
    const tasks = value('TaskDuration')
    return {
      jsHeapUsedMb: heap === null ? null : heap / 2 ** 20,
      domNodes: value('Nodes'),
      taskMs: tasks === null ? null : tasks * 1000,
    }
  }
}
