import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, test as base, type Page } from '@playwright/test'

export interface Harness {
  url: string
  pageUrl: string
  token: string
  dataDir: string
}

/** Starts the built web harness (`out/main/web.js`) on a fresh profile; one per test file. */
async function startHarness(
  dataDir: string,
  extraArgs: string[] = []
): Promise<{ harness: Harness; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    // No reminders before office hours, unless asked for (`--reminders`, with the clock pinned): one
    // would show whenever a demo date happened to start within minutes of the test's run.
    [
      'out/main/web.js',
      '--data-dir',
      dataDir,
      '--demo-scale',
      'small',
      ...(extraArgs.includes('--reminders') ? [] : ['--no-reminders']),
      ...extraArgs.filter((a) => a !== '--reminders')
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
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

export interface Running {
  harness: Harness
  stop(): Promise<void>
}

/** A web harness of its own (e.g. `--demo-without slips,exams`); `stop` it when done. */
export async function launch(
  extraArgs: string[] = [],
  prepare?: (dataDir: string) => void
): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'office-hours-e2e-'))
  prepare?.(dataDir)
  const { harness, child } = await startHarness(dataDir, extraArgs)
  return {
    harness,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/**
 * `harness`: a fresh profile for each test (a newcomer). `sharedHarness`: one profile for all the
 * tests of one spec file, for flows that build on each other (signed in once, then used); each
 * file starts from a fresh profile of its own, whichever files ran before it in the worker.
 */
export const test = base.extend<
  { harness: Harness; sharedHarness: Harness },
  { perFile: Map<string, Running> }
>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  harness: async ({}, use) => {
    const running = await launch()
    try {
      await use(running.harness)
    } finally {
      await running.stop()
    }
  },
  perFile: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const pool = new Map<string, Running>()
      await use(pool)
      for (const running of pool.values()) await running.stop()
    },
    { scope: 'worker' }
  ],
  sharedHarness: async ({ perFile }, use, testInfo) => {
    let running = perFile.get(testInfo.file)
    if (!running) {
      // Files run one after another in a worker: the previous file's profile is done with.
      for (const [file, other] of perFile) {
        await other.stop()
        perFile.delete(file)
      }
      running = await launch()
      perFile.set(testInfo.file, running)
    }
    await use(running.harness)
  }
})

export { expect }

/** Signs in to the built-in demo installation through the sign-in page, and waits for the first sync. */
export async function openDemo(
  page: Page,
  harness: Harness,
  role?: 'student' | 'template_admin' | 'administrator'
): Promise<void> {
  await page.goto(role ? `${harness.pageUrl}#/accounts` : harness.pageUrl)
  if (role) await page.getByLabel('jako', { exact: true }).selectOption(role)
  await page.getByRole('button', { name: 'Otwórz demo' }).click()
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne', { timeout: 20_000 })
  await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible()
}
