import { startDemoServer, type DemoServer } from '../../src/emulator'
import { expect, test } from './fixtures'

let university: DemoServer
test.beforeAll(async () => {
  // A separate installation playing "a university": the app knows nothing of it but its address.
  university = await startDemoServer({ scale: 'small', seed: 3 })
})
test.afterAll(() => university.close())

test('signs in to an installation with its consumer key through the PIN flow', async ({
  page,
  harness,
  context
}) => {
  await page.goto(harness.pageUrl)
  await page.getByRole('link', { name: 'Konta' }).click()
  // No network here: the list of installations says so, and typing the address still works.
  await expect(page.getByTestId('installations-problem')).toContainText(
    'Nie udało się pobrać listy instalacji'
  )
  await page.getByLabel('Adres instalacji').fill(university.baseUrl)
  await page.getByLabel('Klucz aplikacji (consumer key)').fill(university.consumerKey)
  await page.getByLabel('Sekret aplikacji (consumer secret)').fill(university.consumerSecret)
  await page.getByRole('button', { name: 'Otwórz stronę logowania' }).click()
  const link = page.getByRole('link', { name: /services\/oauth\/authorize/ })
  await expect(link).toBeVisible()

  // The person signs in on the installation's page in their browser and copies the PIN.
  const browser = await context.newPage()
  await browser.goto((await link.getAttribute('href')) as string)
  await browser.getByLabel(/Wykładowca/).check()
  await browser.getByRole('button', { name: /Zezwól/ }).click()
  const pin = (await browser.locator('#oauth-verifier').textContent())?.trim() ?? ''
  expect(pin).toMatch(/^\d{8}$/)
  await browser.close()

  await page.getByLabel('PIN', { exact: true }).fill(pin)
  await page.getByRole('button', { name: 'Zakończ' }).click()
  // Signed in, the app syncs and shows the calendar of that installation.
  await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible()
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne', { timeout: 20_000 })
  await expect(page.locator('.rbc-event').first()).toBeVisible()
  await page.getByRole('link', { name: 'Konta' }).click()
  await expect(page.getByRole('list', { name: 'Zalogowane konta' })).toContainText('Zofia Żółkiewska')
  await page.screenshot({ path: 'test/artifacts/screenshots/accounts.png', fullPage: true })
})

test('a wrong PIN and a wrong secret get clear messages', async ({ page, harness }) => {
  await page.goto(`${harness.pageUrl}#/accounts`)
  await page.getByLabel('Adres instalacji').fill(university.baseUrl)
  await page.getByLabel('Klucz aplikacji (consumer key)').fill(university.consumerKey)
  await page.getByLabel('Sekret aplikacji (consumer secret)').fill('not-the-secret')
  await page.getByRole('button', { name: 'Otwórz stronę logowania' }).click()
  await expect(page.getByRole('alert')).toContainText('USOS nie przyjął klucza lub sekretu aplikacji')

  await page.getByLabel('Sekret aplikacji (consumer secret)').fill(university.consumerSecret)
  await page.getByRole('button', { name: 'Otwórz stronę logowania' }).click()
  await page.getByLabel('PIN', { exact: true }).fill('00000000')
  await page.getByRole('button', { name: 'Zakończ' }).click()
  await expect(page.getByRole('alert')).toContainText('USOS nie przyjął PIN-u')
})

test('the sign-in form lines its fields up: same left edge, same width', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${harness.pageUrl}#/accounts`)
  const boxes = []
  for (const label of [
    'Adres instalacji',
    'Klucz aplikacji (consumer key)',
    'Sekret aplikacji (consumer secret)'
  ])
    boxes.push((await page.getByLabel(label, { exact: true }).boundingBox())!)
  expect(new Set(boxes.map((b) => Math.round(b.x))).size).toBe(1)
  expect(new Set(boxes.map((b) => Math.round(b.width))).size).toBe(1)
  await page.screenshot({ path: 'test/artifacts/screenshots/sign-in-form.png' })
})
