import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { test as base } from '@playwright/test'

export interface Harness {
  url: string
  pageUrl: string
  token: string
  dataDir: string
}

/** Starts the built web harness (`out/main/web.js`) on a fresh profile; one per test file. */
async function startHarness(dataDir: string): Promise<{ harness: Harness; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--demo-scale', 'small'], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! })
    rl.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`web harness exited with ${code}`)))
  })
  const info = JSON.parse(line) as { url: string; page_url: string; token: string; data_dir: string }
  return {
    harness: { url: info.url, pageUrl: info.page_url, token: info.token, dataDir: info.data_dir },
    child
  }
}

export const test = base.extend<object, { harness: Harness }>({
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'office-hours-e2e-'))
      const { harness, child } = await startHarness(dataDir)
      await use(harness)
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dataDir, { recursive: true, force: true })
    },
    { scope: 'worker' }
  ]
})

export { expect } from '@playwright/test'
