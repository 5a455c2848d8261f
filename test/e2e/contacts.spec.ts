import { findDate, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

// The addresses of the lists chosen, to copy or to open the mail program with them in BCC.
test('writes to the participants of the lists chosen: addresses to copy and a mailto: in BCC', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const date = await findDate(
    page,
    (d) =>
      d.main.filter((p) => !p.isExternal).length >= 1 && d.reserve.filter((p) => !p.isExternal).length >= 1
  )
  await openDate(page, harness.pageUrl, date.item.id)
  await page.getByText('Napisz do uczestników').click()
  await page.getByRole('button', { name: 'Pokaż adresy' }).click()
  const box = page.getByLabel('Adresy e-mail')
  await expect(box).toBeVisible()
  const mainOnly = (await box.inputValue()).split(', ')
  expect(mainOnly.length).toBeGreaterThan(0)
  for (const a of mainOnly) expect(a).toMatch(/^[^\s@]+@[^\s@]+$/)
  const mailto = page.getByRole('link', { name: 'Otwórz program pocztowy (adresy w UDW)' })
  await expect(mailto).toHaveAttribute('href', `mailto:?bcc=${mainOnly.map(encodeURIComponent).join(',')}`)

  // With the reserve list too: more addresses, the main list's among them.
  await page.getByRole('checkbox', { name: 'rezerwowa' }).check()
  await page.getByRole('button', { name: 'Pokaż adresy' }).click()
  await expect.poll(async () => (await box.inputValue()).split(', ').length).toBeGreaterThan(mainOnly.length)
  const both = (await box.inputValue()).split(', ')
  for (const a of mainOnly) expect(both).toContain(a)
  await page.getByRole('button', { name: 'Kopiuj adresy' }).click()
  await expect(page.getByText(/Skopiowano adresy|skopiuj je skrótem/)).toBeVisible()
})
