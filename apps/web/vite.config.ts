import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig, type Plugin } from 'vite'

// In development the API and sync endpoint run on the Accord server; Vite proxies to it.
const server = process.env.ACCORD_DEV_SERVER ?? 'http://127.0.0.1:8787'

/**
 * Accord's licence and the third-party notices, served by the app at `/licenses/…` (the
 * `/licenses` page shows them): copied into the build, and served as they are by the dev server.
 */
function licenseFiles(): Plugin {
  const files: Record<string, URL> = {
    'licenses/LICENSE.txt': new URL('../../LICENSE', import.meta.url),
    'licenses/THIRD-PARTY-NOTICES.md': new URL('../../THIRD-PARTY-NOTICES.md', import.meta.url),
  }
  return {
    name: 'accord-license-files',
    generateBundle() {
      for (const [fileName, source] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(source, 'utf8') })
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const source = files[(request.url ?? '').replace(/^\//, '').split('?')[0] ?? '']
        if (!source) return next()
        response.setHeader('Content-Type', 'text/plain; charset=utf-8')
        response.end(readFileSync(source, 'utf8'))
      })
    },
  }
}

export default defineConfig({
  plugins: [react(), licenseFiles()],
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
