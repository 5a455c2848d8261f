import { accessibilityProblems } from './axe'
import { expect, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

test('the app is driven from the keyboard: sections, help, jump to a date, next and previous', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)

  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { name: 'Spotkania' })).toBeVisible()
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible()

  await page.locator('main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Skróty klawiszowe' })
  await expect(help).toBeVisible()
  await expect(help).toContainText('Notatki o jednej zaznaczonej osobie')
  expect(await accessibilityProblems(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)

  // G focuses the date field; the calendar follows the date typed there.
  await page.locator('main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('g')
  const jump = page.getByLabel('Przejdź do daty')
  await expect(jump).toBeFocused()
  await jump.fill('2027-03-10')
  await expect(page.locator('.rbc-toolbar-label')).toContainText(/mar/i)
  await page.locator('main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('n')
  await expect(jump).toHaveValue('2027-03-17')
  await page.keyboard.press('p')
  await page.keyboard.press('p')
  await expect(jump).toHaveValue('2027-03-03')
})
