import { defineConfig } from 'vitest/config'

/** The server's soaks (`pnpm soak`): never part of `pnpm test`. */
export default defineConfig({
  resolve: { conditions: ['@accord/source'] },
  ssr: { resolve: { conditions: ['@accord/source'] } },
  test: {
    name: '@accord/server soak',
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.soak.ts'],
    // A million updates take minutes on one core; a hang still fails, eventually.
    testTimeout: 3 * 60 * 60_000,
  },
})
