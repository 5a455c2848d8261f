import { readFileSync } from 'node:fs'
import { accessibilityProblems } from './axe'
import { expect, test } from './fixtures'

test.describe.configure({ mode: 'serial' })
test.use({ bypassCSP: true })

test.describe('office hours on the demo installation', () => {
  test('a newcomer opens the demo and sees their week', async ({ page, sharedHarness: harness }) => {
    await page.goto(harness.pageUrl)
    await page.getByRole('button', { name: 'Otwórz demo' }).click()
    await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('sync-status')).toHaveText('Aktualne', { timeout: 20_000 })
    await expect(page.locator('.rbc-event').first()).toBeVisible()
    expect(await page.locator('.rbc-event').count()).toBeGreaterThan(0)
    await page.screenshot({ path: 'test/artifacts/screenshots/calendar-week.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])
  })

  test('switches to month and agenda by keyboard', async ({ page, sharedHarness: harness }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    await expect(page.locator('.rbc-event').first()).toBeVisible({ timeout: 10_000 })
    await page.locator('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('m')
    await expect(page.locator('.rbc-month-view')).toBeVisible()

    await page.screenshot({ path: 'test/artifacts/screenshots/calendar-month.png', fullPage: true })
    await page.keyboard.press('a')
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await expect(
      page
        .locator('.rbc-agenda-view')
        .getByText(/egzamin/i)
        .first()
    ).toBeVisible()
    await page.screenshot({ path: 'test/artifacts/screenshots/calendar-agenda.png', fullPage: true })
    await page.keyboard.press('w')
    await expect(page.locator('.rbc-time-view')).toBeVisible()
  })

  test('opens a meeting date, accepts a waiting person and signs up an outside person', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    await page.locator('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('m')
    // Find a date whose main list has someone waiting, through the meeting date pages.
    const events = page.locator('.rbc-event:not(.exam-group)')
    await expect(events.first()).toBeVisible({ timeout: 10_000 })
    const count = await events.count()
    let found = false
    for (let i = 0; i < count && !found; i++) {
      await page.goto(`${harness.pageUrl}#/calendar`)
      await page.locator('main').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('m')
      await page.locator('.rbc-event:not(.exam-group)').nth(i).click()
      await expect(page.getByRole('button', { name: /Przyjmij/ })).toBeVisible()
      const waitingRow = page.locator('table.participants tr', { hasText: 'oczekuje' }).first()
      if ((await waitingRow.count()) > 0) {
        found = true
        await waitingRow.getByRole('checkbox').check()
        await page.getByRole('button', { name: /Przyjmij \(1\)/ }).click()
        await expect(page.getByTestId('action-status')).toContainText('Zapisano 1 zmianę w USOS')
      }
    }
    expect(found).toBe(true)
    await page.screenshot({ path: 'test/artifacts/screenshots/meeting-date.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    await page.getByLabel('Imię').fill('Ewa')
    await page.getByLabel('Nazwisko', { exact: true }).fill('<img src=x onerror=alert(1)>')
    await page.getByLabel('E-mail').fill('ewa@example.com')
    await page.getByRole('button', { name: 'Zapisz', exact: true }).last().click()
    await expect(page.getByTestId('action-status')).toContainText(/Zapisano|USOS odmówił/)
    // Hostile names are text, never markup.
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
  })

  test('prints a participant list to PDF with every participant, and exports CSV and ICS', async ({
    page,
    sharedHarness: harness,
    browser
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    await expect(page.locator('.rbc-event').first()).toBeVisible({ timeout: 10_000 })
    const ics = page.waitForEvent('download')
    await page.getByRole('button', { name: /Eksportuj widok|Export this view/ }).click()
    const icsText = readFileSync(await (await ics).path(), 'utf8')
    expect(icsText).toContain('BEGIN:VCALENDAR')
    expect(icsText).toContain('TZID=Europe/Warsaw')

    await page.locator('.rbc-event:not(.exam-group)').first().click()
    await expect(page.getByRole('button', { name: /Przyjmij|Accept/ })).toBeVisible()
    const dateId = decodeURIComponent(new URL(page.url()).hash.replace('#/date/', ''))
    const details = await page.evaluate((id) => window.api.getMeetingDate({ meetingDateId: id }), dateId)
    if (!details.ok) throw new Error(details.error.message)
    const people = [...details.value.main, ...details.value.reserve]
    expect(people.length).toBeGreaterThan(0)

    const csv = page.waitForEvent('download')
    await page.getByRole('button', { name: 'CSV' }).click()
    const csvText = readFileSync(await (await csv).path(), 'utf8')
    expect(csvText.charCodeAt(0)).toBe(0xfeff)
    for (const p of people) expect(csvText).toContain(p.lastName)

    // In the browser the printable page is handed over (the desktop app prints it itself).
    const printable = page.waitForEvent('download')
    await page.getByRole('button', { name: /Drukuj listę|Print list/ }).click()
    const html = readFileSync(await (await printable).path(), 'utf8')
    const printPage = await browser.newPage()
    await printPage.setContent(html)
    await printPage.screenshot({ path: 'test/artifacts/screenshots/print-preview.png', fullPage: true })
    const pdf = await printPage.pdf({ format: 'A4' })
    await printPage.close()
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise
    let text = ''
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n'
    }
    const flat = text.replace(/\s+/g, ' ')
    for (const p of people) expect(flat).toContain(p.lastName)
  })

  test('switching the language shows every screen in English', async ({ page, sharedHarness: harness }) => {
    await page.goto(`${harness.pageUrl}#/settings`)
    await page.getByLabel('Język').selectOption('en')
    await page.getByRole('link', { name: 'Calendar' }).click()
    await expect(page.getByRole('heading', { name: 'Calendar' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Today' })).toBeVisible()
    await page.getByRole('link', { name: 'Pending changes' }).click()
    await expect(page.getByRole('heading', { name: 'Pending changes' })).toBeVisible()
    await page.screenshot({ path: 'test/artifacts/screenshots/outbox-en.png', fullPage: true })
  })
})
