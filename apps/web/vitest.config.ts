import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@accord/source'] },
  test: {
    name: '@accord/web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
