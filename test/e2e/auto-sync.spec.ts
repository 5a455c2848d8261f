/**
 * Issue 19 (2): the window syncs at opening when the copy is old and every few minutes while open,
 * always says when it last synced, and warns when the copy is old. The page's timers run on
 * Playwright's clock: minutes pass without waiting.
 */
import { formatWarsawTime } from '../../src/shared/locale-format'
import { expect, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

test('says when it last synced, syncs every ten minutes, and warns once the copy is an hour old', async ({
  page,
  harness
}) => {
  test.setTimeout(120_000)
  await openDemo(page, harness)
  const state = await page.evaluate(() => window.api.getSyncState({}))
  if (!state.ok || !state.value.lastSyncedAt) throw new Error('no sync recorded')
  const syncedAt = page.getByTestId('synced-at')
  await expect(syncedAt).toHaveText(
    `zsynchronizowano o ${formatWarsawTime(new Date(state.value.lastSyncedAt))}`
  )

  // The page's clock under the test's hand; the copy is fresh, so opening does not sync again.
  let syncs = 0
  page.on('request', (r) => {
    if (r.url().endsWith('/api/sync')) syncs++
  })
  await page.clock.install()
  await page.reload()
  await expect(syncedAt).toHaveText(/^zsynchronizowano o \d{1,2}:\d{2}$/)
  await page.clock.runFor('09:00')
  expect(syncs).toBe(0)
  // Ten minutes after the last sync, the next one runs by itself.
  await page.clock.runFor('01:05')
  await expect.poll(() => syncs).toBe(1)
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne', { timeout: 20_000 })

  // Off: no more syncs, and after an hour the status bar says the data may be out of date.
  await page.goto(`${harness.pageUrl}#/settings`)
  await page.getByLabel('Automatyczna synchronizacja').selectOption({ label: 'wyłączona' })
  await expect(page.getByLabel('Automatyczna synchronizacja')).toHaveValue('0')
  await page.clock.runFor('01:01:00')
  await expect(syncedAt).toHaveText(/^Dane mogą być nieaktualne: zsynchronizowano /)
  expect(syncs).toBe(1)
})
