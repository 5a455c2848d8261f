import { expect, launch, openDemo, test } from './fixtures'

// An installation that does not run the slips and exams modules (BETA at USOS): the calendar works,
// and their screens say so instead of showing an error.
test('an installation without slips and exams: the calendar works, their screens say they are not offered', async ({
  page
}) => {
  const running = await launch(['--demo-without', 'slips,exams'])
  try {
    await openDemo(page, running.harness)
    // The meetings are all there (the calendar's current week may be a holiday one: the list is not).
    await page.goto(`${running.harness.pageUrl}#/meetings`)
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    await page.goto(`${running.harness.pageUrl}#/exams`)
    await expect(page.getByRole('heading', { name: 'Egzaminy', level: 1 })).toBeVisible()
    await expect(
      page.getByRole('status').filter({ hasText: 'nie udostępnia modułu egzaminów' })
    ).toBeVisible()
    await page.goto(`${running.harness.pageUrl}#/slips`)
    await expect(page.getByRole('heading', { name: 'Obiegówki', level: 1 })).toBeVisible()
    await expect(
      page.getByRole('status').filter({ hasText: 'nie udostępnia modułu obiegówek' })
    ).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  } finally {
    await running.stop()
  }
})
