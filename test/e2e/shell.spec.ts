import { apiMethods } from '../../src/shared/api'
import { expect, test } from './fixtures'

test.describe('app shell in Chromium against the real handlers', () => {
  test('window.api exposes exactly the contract, and no Node or Electron globals', async ({
    page,
    harness
  }) => {
    await page.goto(harness.pageUrl)
    // A newcomer without an account lands on sign-in, with the demo one click away.
    await expect(page.getByRole('heading', { name: 'Konta' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Otwórz demo' })).toBeVisible()
    const globals = await page.evaluate(() => ({
      keys: Object.keys(window.api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      electron: typeof (window as unknown as { electron?: unknown }).electron
    }))
    expect(globals.keys).toEqual([...apiMethods, 'on'].sort())
    expect(globals).toMatchObject({ require: 'undefined', process: 'undefined', electron: 'undefined' })
  })

  test('navigates by keyboard and mouse, switches language, and the choice persists', async ({
    page,
    harness
  }) => {
    await page.goto(harness.pageUrl)
    await page.getByRole('link', { name: 'Ustawienia' }).click()
    await expect(page.getByRole('heading', { name: 'Ustawienia' })).toBeVisible()
    await expect(page.getByTestId('data-dir')).toHaveText(harness.dataDir)

    await page.getByLabel('Plik kalendarza na bieżąco').fill('/tmp/not-a-calendar.txt')
    await page.getByRole('button', { name: 'Zapisz' }).click()
    await expect(page.getByRole('alert')).toContainText('.ics')
    await page.getByLabel('Język').selectOption('en')
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    // A fresh load reads the language back from the profile's database.
    await page.goto(harness.url + '/?reload=1#/settings')
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page')

    // The skip link is the first stop of the keyboard and lands in the main region.
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
    await page.screenshot({ path: 'test/artifacts/screenshots/shell-settings.png' })
  })

  test('a page opened as the app starts keeps what was typed when the app draws anew', async ({
    page,
    harness
  }) => {
    // The settings' chunk arrives after the page was asked for (held back here); the next draw must
    // not mount the page anew.
    await page.route(/\/assets\/SettingsPage-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700))
      await route.continue()
    })
    await page.goto(`${harness.pageUrl}#/settings`)
    await expect(page.getByRole('heading', { name: 'Ustawienia' })).toBeVisible()
    await page.getByLabel('Plik kalendarza na bieżąco').fill('/tmp/dyzury-w-trakcie.ics')
    await page.getByLabel('Motyw').selectOption('dark')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(page.getByLabel('Plik kalendarza na bieżąco')).toHaveValue('/tmp/dyzury-w-trakcie.ics')
  })

  test('a page whose chunk does not load says so in Polish and loads when reloaded', async ({
    page,
    harness
  }) => {
    let failing = true
    await page.route(/\/assets\/OutboxPage-[^/]*\.js$/, (route) =>
      failing ? route.abort() : route.continue()
    )
    await page.goto(`${harness.pageUrl}#/outbox`)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Nie udało się wyświetlić tej strony')
    // The rest of the app still works.
    await expect(page.getByRole('link', { name: 'Kalendarz' })).toBeVisible()
    failing = false
    await alert.getByRole('button', { name: 'Wczytaj ponownie' }).click()
    await expect(page.getByRole('heading', { name: 'Oczekujące zmiany' })).toBeVisible()
  })

  test('the harness refuses calls without its token and reports bad input in the one error shape', async ({
    page,
    harness
  }) => {
    await page.goto(harness.pageUrl)
    const results = await page.evaluate(async (token) => {
      const noToken = await fetch('/api/getSettings', { method: 'POST', body: '{}' })
      const badInput = await fetch('/api/updateSettings', {
        method: 'POST',
        headers: { 'X-Harness-Token': token },
        body: JSON.stringify({ language: 'de' })
      }).then((r) => r.json())
      const unknown = await fetch('/api/dropTables', {
        method: 'POST',
        headers: { 'X-Harness-Token': token },
        body: '{}'
      }).then((r) => r.json())
      const viaBridge = await window.api.updateSettings({ language: 'xx' } as never)
      return { noToken: noToken.status, badInput, unknown, viaBridge }
    }, harness.token)
    expect(results.noToken).toBe(401)
    expect(results.badInput).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(results.badInput.error.message).toContain('language')
    expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(results.viaBridge).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })
})
