import { findDate, fullName, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

// Attendance is marked from the keyboard on a date's page (P, B, S), kept on this computer (USOS has
// no method for it), survives a reload, and is summed per student on the notes panel.
test('marks attendance with P, B and S, keeps it, and sums it on the notes panel', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const date = await findDate(page, (d) => d.main.filter((p) => !p.isExternal && p.userId).length >= 2)
  const [first, second] = date.main.filter((p) => !p.isExternal && p.userId)
  await openDate(page, harness.pageUrl, date.item.id)
  const row = (p: typeof first) => page.locator(`tr[data-participant-id="${p!.id}"]`)

  await row(first).getByRole('checkbox').check()
  await page.locator('main h1').focus()
  await page.keyboard.press('p')
  await expect(row(first).getByTestId('attendance')).toHaveText('obecny')
  await expect(page.getByText(/Zapisano obecność 1 osoby: obecny/)).toBeVisible()

  await row(second).getByRole('checkbox').check()
  await row(first).getByRole('checkbox').uncheck()
  await page.locator('main h1').focus()
  await page.keyboard.press('s')
  await expect(row(second).getByTestId('attendance')).toHaveText('spóźniony')
  await page.keyboard.press('b')
  await expect(row(second).getByTestId('attendance')).toHaveText('nieobecny')

  // Kept: a reload shows the same, and the column header says what it is.
  await page.reload()
  await expect(row(first).getByTestId('attendance')).toHaveText('obecny')
  await expect(row(second).getByTestId('attendance')).toHaveText('nieobecny')
  await expect(page.getByRole('columnheader', { name: 'Obecność' }).first()).toBeVisible()

  // The notes panel sums the student's attendance over the meeting's dates.
  await row(first)
    .getByRole('button', { name: new RegExp(`Notatki.*${fullName(first!)}`) })
    .click()
  await expect(page.getByTestId('attendance-summary')).toHaveText('Obecności w tym dyżurze: 1 z 1')

  // The keys are in the help.
  await page.keyboard.press('Escape')
  await page.locator('main h1').focus()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Skróty klawiszowe' })).toContainText(
    'Zaznaczone osoby spóźnione'
  )
})
