import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { findDate, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return readFileSync((await (file as Download).path())!)
}

// The lists and columns the lecturer picks, printed and saved as CSV and XLSX, remembered per meeting.
test('prints and saves exactly the lists and columns chosen, and remembers the choice', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const date = await findDate(page, (d) => d.main.length >= 1 && d.reserve.length >= 1)
  await openDate(page, harness.pageUrl, date.item.id)
  const chooser = page.locator('details.list-chooser')
  await chooser.getByText('Wybierz listy i kolumny do wydruku lub pliku').click()
  await chooser.getByRole('checkbox', { name: 'rezerwowa' }).uncheck()
  await chooser.getByRole('checkbox', { name: 'Nr albumu' }).uncheck()
  await chooser.getByRole('checkbox', { name: 'Obecność' }).check()

  const csv = (await downloaded(page, () => chooser.getByRole('button', { name: 'CSV' }).click())).toString(
    'utf8'
  )
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe('"Lista";"Lp.";"Imię i nazwisko";"Status";"Uzasadnienie";"Obecność";"Podpis"')
  expect(lines).toHaveLength(1 + date.main.length)
  for (const l of lines.slice(1)) expect(l.startsWith('"Lista główna";')).toBe(true)

  const xlsx = await downloaded(page, () => chooser.getByRole('button', { name: 'XLSX' }).click())
  expect(xlsx.subarray(0, 2).toString()).toBe('PK')

  const html = (
    await downloaded(page, () => chooser.getByRole('button', { name: 'Drukuj wybrane' }).click())
  ).toString('utf8')
  expect(html).toContain('Lista główna')
  expect(html).not.toContain('Lista rezerwowa')
  expect(html).toContain('Obecność')
  expect(html).not.toContain('Nr albumu')

  // Remembered for this meeting.
  await page.reload()
  await page.locator('details.list-chooser').getByText('Wybierz listy i kolumny do wydruku lub pliku').click()
  await expect(
    page.locator('details.list-chooser').getByRole('checkbox', { name: 'rezerwowa' })
  ).not.toBeChecked()
  await expect(page.locator('details.list-chooser').getByRole('checkbox', { name: 'Obecność' })).toBeChecked()
})
