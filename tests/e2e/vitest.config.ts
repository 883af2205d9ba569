import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'e2e',
    // The last stage: nothing else runs beside Chromium (see integration/vitest.config.ts).
    sequence: { groupOrder: 2 },
    include: ['e2e/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    // One folder for the run's server data and certificates, removed when the run ends.
    globalSetup: ['support/temp-root.ts'],
    testTimeout: 120_000,
    // expect.poll waits for liveness, never asserts speed: a generous limit keeps loaded CI green.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 120_000,
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
  },
})
