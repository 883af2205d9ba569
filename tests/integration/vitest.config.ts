import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'integration',
    // Stages: unit tests (group 0), then these, then the browser tests, so that the heavy ones
    // never compete for the machine's two cores.
    sequence: { groupOrder: 1 },
    include: ['integration/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    // One folder for the run's server data and certificates, removed when the run ends.
    globalSetup: ['support/temp-root.ts'],
    testTimeout: 60_000,
    // expect.poll waits for liveness, never asserts speed: a generous limit keeps loaded CI green.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
  },
})
