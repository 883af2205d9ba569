import { defineConfig } from 'vitest/config'

/**
 * The soak (`pnpm soak`): not one of the root config's projects, so `pnpm test` never runs it.
 * It runs for `ACCORD_SOAK_MINUTES` (default 5), then finishes the cycle under way.
 */
const minutes = Number(process.env.ACCORD_SOAK_MINUTES ?? 5)

export default defineConfig({
  test: {
    name: 'soak',
    include: ['soak/**/*.soak.ts'],
    root: new URL('..', import.meta.url).pathname,
    // One folder for the run's server data and certificates, removed when the run ends.
    globalSetup: ['support/temp-root.ts'],
    // The duration, plus room for the last cycle to finish: a hang still fails, eventually.
    testTimeout: (minutes + 10) * 60_000,
    hookTimeout: 60_000,
    // One soak at a time: each is meant to load the machine on its own.
    fileParallelism: false,
  },
})
