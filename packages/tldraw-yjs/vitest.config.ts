import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@accord/source'] },
  ssr: { resolve: { conditions: ['@accord/source'] } },
  test: {
    name: '@accord/tldraw-yjs',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/testing/animation-frame.ts'],
  },
})
