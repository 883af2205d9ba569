import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: '@accord/bench',
    // With the integration tests (group 1): it starts the built server and a load generator.
    sequence: { groupOrder: 1 },
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
