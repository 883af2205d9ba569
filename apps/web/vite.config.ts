import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

// In development the API and sync endpoint run on the Accord server; Vite proxies to it.
const server = process.env.ACCORD_DEV_SERVER ?? 'http://127.0.0.1:8787'

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@accord/source', ...defaultClientConditions] },
  // tldraw's asset list imports files with `?url`, which only Vite's own pipeline resolves.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': server,
      '/healthz': server,
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    // tldraw is one large module graph; splitting it further gains nothing for a single page.
    chunkSizeWarningLimit: 4096,
    // tldraw fetch()es its translations; a small one inlined as a `data:` URL would be refused by
    // the server's Content-Security-Policy (`connect-src 'self'`), so JSON is never inlined.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    sourcemap: true,
  },
})
