import { defineConfig } from 'vitest/config'

// One run over every project; each project has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/server',
      'apps/web',
      'tests/integration/vitest.config.ts',
      'tests/e2e/vitest.config.ts',
      'bench',
      'scripts',
    ],
  },
})
