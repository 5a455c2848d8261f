import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/shared/csp'

// The CSP goes into the built page only: Vite's dev server needs inline scripts for hot reload.
// frame-ancestors is not allowed in a <meta> policy (the web harness sends it as a header).
const cspMeta: Plugin = {
  name: 'office-hours-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: CONTENT_SECURITY_POLICY.replace(/; frame-ancestors [^;]+/, '')
      },
      injectTo: 'head-prepend'
    }
  ]
}

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@core': resolve(import.meta.dirname, 'src/core')
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // The Electron entry, plus the same core without a window: the web harness and the CLI.
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          web: resolve(import.meta.dirname, 'src/main/web.ts'),
          cli: resolve(import.meta.dirname, 'src/cli/index.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot require node_modules and must be CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), cspMeta],
    build: {
      // electron-vite leaves the renderer unminified: a third of the bytes to load and parse at
      // every start (the calendar's first event waits for them).
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/renderer/index.html'),
          // Loaded only by the web harness (src/main/web.ts), never by the desktop window.
          'harness-shim': resolve(import.meta.dirname, 'src/renderer/harness/shim.ts')
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'harness-shim' ? 'harness-shim.js' : 'assets/[name]-[hash].js'
        }
      }
    }
  }
})
