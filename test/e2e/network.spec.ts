/**
 * The status bar and the outbox badge when the network is not what it should be. The app signs in
 * (through the sign-in page, as to any installation) to a demo installation behind a loopback proxy
 * that the test can make drop every request or answer slowly: USOS out of reach, or a slow USOS.
 */
import { startDemoServer, type DemoServer } from '../../src/emulator'
import { startFaultyProxy, type Fault, type FaultyProxy } from '../helpers/faulty-proxy'
import { findDate, fullName, meetingDate, openDate } from './dates'
import { expect, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

let university: DemoServer
let proxy: FaultyProxy
let fault: Fault = 'ok'

test.beforeAll(async () => {
  university = await startDemoServer({ scale: 'small', seed: 5 })
  proxy = await startFaultyProxy(university.baseUrl, () => fault)
})
test.afterAll(async () => {
  await proxy.close()
  await university.close()
})
test.afterEach(() => {
  fault = 'ok'
})

test('signs in to the installation behind the proxy', async ({ page, sharedHarness: harness }) => {
  await page.goto(`${harness.pageUrl}#/accounts`)
  await page.getByLabel('Adres instalacji').fill(proxy.url)
  await page.getByLabel('Klucz aplikacji (consumer key)').fill(university.consumerKey)
  await page.getByLabel('Sekret aplikacji (consumer secret)').fill(university.consumerSecret)
  await page.getByRole('button', { name: 'Otwórz stronę logowania' }).click()
  const link = page.getByRole('link', { name: /services\/oauth\/authorize/ })
  // The lecturer approves on the installation's page; its PIN is what that page would show.
  const requestToken = new URL((await link.getAttribute('href')) as string).searchParams.get('oauth_token')
  await page.getByLabel('PIN', { exact: true }).fill(university.approve(requestToken as string, 'lecturer'))
  await page.getByRole('button', { name: 'Zakończ' }).click()
  await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible()
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne', { timeout: 20_000 })
})

test('the status bar says when the computer is offline, and stops saying it once back online', async ({
  page,
  context,
  sharedHarness: harness
}) => {
  await page.goto(`${harness.pageUrl}#/calendar`)
  const bar = page.locator('.status-bar')
  await expect(bar).toContainText('Zofia Żółkiewska')
  const offline = bar.getByText('offline', { exact: true })
  await expect(offline).toHaveCount(0)

  await context.setOffline(true)
  await expect(offline).toBeVisible()
  await page.screenshot({ path: 'test/artifacts/screenshots/status-offline.png' })
  // Chromium's offline mode cuts the page off from the harness on 127.0.0.1 as well: a call fails.
  const cut = await page.evaluate(() =>
    window.api.getSettings().then(
      (r) => (r.ok ? 'answered' : r.error.message),
      (e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`
    )
  )
  expect(cut).toMatch(/^failed/)

  await context.setOffline(false)
  await expect(offline).toHaveCount(0)
  await page.keyboard.press('Control+R')
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne')
})

test('a write USOS cannot receive waits in the outbox with a badge; a sync sends it and the badge clears', async ({
  page,
  sharedHarness: harness
}) => {
  await page.goto(`${harness.pageUrl}#/calendar`)
  const date = await findDate(page, (d) => d.main.some((p) => p.status === 'waiting' && !p.pending), {
    upcoming: true
  })
  const person = date.main.find((p) => p.status === 'waiting' && !p.pending)!
  await openDate(page, harness.pageUrl, date.item.id)
  const outboxLink = page.getByRole('link', { name: /Oczekujące zmiany/ })
  await expect(outboxLink.locator('.badge')).toHaveCount(0)

  // USOS out of reach: every request's connection is dropped.
  fault = 'drop'
  await page.getByRole('checkbox', { name: `Zaznacz: ${fullName(person)}` }).check()
  await page.getByRole('button', { name: 'Przyjmij (1)' }).click()
  await expect(page.getByTestId('action-status')).toHaveText(
    '1 zmiana zostanie wysłana, gdy USOS będzie dostępny.'
  )
  await expect(outboxLink.getByLabel('1 oczekująca zmiana')).toHaveText('1')
  // Shown at once here as the lecturer wanted it, and marked as not through yet.
  await expect(
    page
      .getByRole('table', { name: /Lista główna/ })
      .getByRole('row')
      .filter({ hasText: fullName(person) })
  ).toContainText('przyjęty')
  const queued = await page.evaluate(() => window.api.listOutbox())
  if (!queued.ok) throw new Error(queued.error.message)
  expect(queued.value).toHaveLength(1)
  expect(queued.value[0]).toMatchObject({ kind: 'accept_participant' })
  await page.screenshot({ path: 'test/artifacts/screenshots/outbox-badge.png', fullPage: true })

  // A sync while USOS is still away keeps it waiting.
  await page.keyboard.press('Control+R')
  await expect(page.getByTestId('sync-status')).toContainText('Synchronizacja nieudana', { timeout: 20_000 })
  await expect(outboxLink.getByLabel('1 oczekująca zmiana')).toHaveText('1')

  // Back: the next sync sends it (USOS is asked first whether it got it), and the badge clears.
  fault = 'ok'
  await page.keyboard.press('Control+R')
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne', { timeout: 20_000 })
  await expect(outboxLink.locator('.badge')).toHaveCount(0)
  const left = await page.evaluate(() => window.api.listOutbox())
  if (!left.ok) throw new Error(left.error.message)
  expect(left.value).toEqual([])
  const after = await meetingDate(page, date.item.id)
  expect(after.main.find((p) => p.id === person.id)).toMatchObject({ status: 'accepted', pending: false })
})

test('a full sync (Ctrl+Shift+R) shows its progress, then "Aktualne"', async ({
  page,
  sharedHarness: harness
}) => {
  await page.goto(`${harness.pageUrl}#/calendar`)
  await expect(page.locator('.rbc-event').first()).toBeVisible({ timeout: 10_000 })
  // A slow USOS, so that the progress stays on screen long enough to be read.
  fault = { delayMs: 150 }
  await page.locator('main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Shift+R')
  const status = page.getByTestId('sync-status')
  await expect(status).toHaveText(/^Synchronizacja \((spotkania|uczestnicy)\) \d+\/\d+…$/)
  await expect(page.getByRole('button', { name: 'Przerwij synchronizację' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Synchronizuj' })).toBeDisabled()
  await page.screenshot({ path: 'test/artifacts/screenshots/sync-progress.png' })
  await expect(status).toHaveText('Aktualne', { timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Przerwij synchronizację' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Synchronizuj' })).toBeEnabled()
})
