import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { accessibilityProblems } from './axe'
import { expect, openDemo, test } from './fixtures'

test.describe.configure({ mode: 'serial' })
test.use({ bypassCSP: true })

const icsWithFreeDay = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Wydział//Kalendarz//PL',
  'BEGIN:VEVENT',
  'UID:sport-2026@wydzial.example',
  'DTSTAMP:20260901T000000Z',
  'DTSTART;VALUE=DATE:20261028',
  'DTEND;VALUE=DATE:20261029',
  'SUMMARY:Dzień sportu',
  'END:VEVENT',
  'END:VCALENDAR',
  ''
].join('\r\n')

test.describe('the term planner', () => {
  test('drafts Wednesdays in odd weeks, sees a holiday skipped and a clash, the draft in the calendar, and exports it', async ({
    page,
    sharedHarness: harness
  }) => {
    await openDemo(page, harness)
    await page.getByRole('link', { name: 'Planer' }).click()
    await expect(page.getByRole('heading', { name: 'Planer semestru' })).toBeVisible()

    const form = page.locator('form.draft-form')
    await form.getByLabel('Nazwa', { exact: true }).fill('Dyżur środowy')
    await form.getByLabel('Od', { exact: true }).fill('2026-10-01')
    await form.getByLabel('Do', { exact: true }).fill('2027-01-31')
    await form.getByLabel('Częstotliwość', { exact: true }).selectOption('biweekly_odd')
    await form.getByLabel('Dzień tygodnia', { exact: true }).selectOption('3')
    await form.getByLabel('Godzina rozpoczęcia', { exact: true }).fill('10:00')
    await form.getByLabel('Czas trwania (minuty)', { exact: true }).fill('90')
    // Nov 11 (Independence Day) is a Wednesday in an odd week: skipped, with its name.
    await expect(page.getByTestId('skipped')).toContainText('2026-11-11')
    await expect(page.getByTestId('skipped')).toContainText('Narodowe Święto Niepodległości')
    await expect(page.getByTestId('draft-dates')).toContainText('2026-10-14 10:00–11:30')
    // Where the draft is kept, and why the dates are then made in USOSweb.
    await expect(form.getByRole('button', { name: 'Zapisz szkic' })).toHaveAccessibleDescription(
      'Szkic zostaje na tym komputerze. API USOS nie ma metody tworzenia terminów spotkań, więc terminy z planu utworzysz w USOSweb.'
    )
    await form.getByRole('button', { name: 'Zapisz szkic' }).click()
    await expect(page.getByTestId('planner-status')).toHaveText('Zapisano szkic „Dyżur środowy”.')

    // A second draft an hour later each Wednesday overlaps the first on its dates.
    await page.getByRole('button', { name: 'Nowy szkic' }).click()
    await form.getByLabel('Nazwa', { exact: true }).fill('Konsultacje projektowe')
    await form.getByLabel('Od', { exact: true }).fill('2026-10-01')
    await form.getByLabel('Do', { exact: true }).fill('2026-10-31')
    await form.getByLabel('Dzień tygodnia', { exact: true }).selectOption('3')
    await form.getByLabel('Godzina rozpoczęcia', { exact: true }).fill('11:00')
    await expect(page.getByTestId('clashes')).toContainText('2026-10-14')
    await expect(page.getByTestId('clashes')).toContainText('Dyżur środowy (inny szkic')
    await page.screenshot({ path: 'test/artifacts/screenshots/planner.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    // The saved draft's ICS: one event per previewed date, Warsaw time.
    const draftRow = page.locator('ul.drafts li', { hasText: 'Dyżur środowy' })
    const download = page.waitForEvent('download')
    await draftRow.getByRole('button', { name: 'ICS' }).click()
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await (await download).path(), 'utf8')))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.length).toBeGreaterThan(3)
    expect(events.map((e) => e.startDate.toString())).toContain('2026-10-14T10:00:00')
    expect(events.map((e) => e.startDate.toString())).not.toContain('2026-11-11T10:00:00')
    expect(events.every((e) => e.summary === 'Dyżur środowy')).toBe(true)

    // The draft shows in the calendar beside the office hours, marked as a draft.
    await page.getByRole('link', { name: 'Kalendarz' }).click()
    await page.getByLabel('Przejdź do daty').fill('2026-10-14')
    await expect(page.locator('.rbc-event.draft').first()).toContainText('Szkic: Dyżur środowy')
    await page.screenshot({ path: 'test/artifacts/screenshots/calendar-with-draft.png', fullPage: true })
    await page.getByLabel('Pokaż szkice').uncheck()
    await expect(page.locator('.rbc-event.draft')).toHaveCount(0)
  })

  test('imports the faculty’s free days from an ICS file, and a date moves to the skipped days', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/planner`)
    const draftRow = page.locator('ul.drafts li', { hasText: 'Dyżur środowy' })
    await draftRow.getByRole('button', { name: 'Edytuj' }).click()
    await expect(page.getByTestId('draft-dates')).toContainText('2026-10-28')

    // A broken file first: a clear message, nothing imported.
    await page.getByLabel('Importuj dni wolne z pliku ICS').setInputFiles({
      name: 'broken.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from('this is not a calendar')
    })
    await expect(page.locator('.free-days [role=alert]')).toContainText('iCalendar')
    await expect(page.getByTestId('free-days')).toHaveCount(0)

    await page.getByLabel('Importuj dni wolne z pliku ICS').setInputFiles({
      name: 'wydzial.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(icsWithFreeDay)
    })
    await expect(page.getByTestId('free-days-status')).toHaveText('Zaimportowano 1 dzień.')
    await expect(page.getByTestId('free-days')).toContainText('2026-10-28 — Dzień sportu')
    await expect(page.getByTestId('skipped')).toContainText('2026-10-28')
    await expect(page.getByTestId('skipped')).toContainText('dzień wolny jednostki: Dzień sportu')
    await expect(page.getByTestId('draft-dates')).not.toContainText('2026-10-28')
  })
})
