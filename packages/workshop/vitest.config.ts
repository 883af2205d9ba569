import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@accord/source'] },
  ssr: { resolve: { conditions: ['@accord/source'] } },
  test: {
    name: '@accord/workshop',
    include: ['src/**/*.test.ts'],
  },
})
