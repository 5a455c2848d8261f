import { readFileSync } from 'node:fs'
import { accessibilityProblems } from './axe'
import { expect, openDemo, test } from './fixtures'

test.describe.configure({ mode: 'serial' })
test.use({ bypassCSP: true })

test.describe('exams the lecturer examines', () => {
  test('lists the exams, opens a group with its attendees, prints the list and saves it as CSV', async ({
    page,
    sharedHarness: harness
  }) => {
    await openDemo(page, harness)
    await page.getByRole('link', { name: 'Egzaminy' }).click()
    await expect(page.getByRole('heading', { name: 'Egzaminy', level: 1 })).toBeVisible()
    const groupLinks = page.locator('table.exam-groups tbody th a')
    await expect(groupLinks.first()).toBeVisible()
    await page.screenshot({ path: 'test/artifacts/screenshots/exams.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    // The first group with someone registered.
    const hrefs = await groupLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    let names: string[] = []
    for (const href of hrefs) {
      await page.goto(`${harness.pageUrl}${href}`)
      await expect(page.getByRole('button', { name: 'Drukuj listę zdających' })).toBeVisible()
      names = await page.locator('table.exam-attendees tbody td:nth-child(2)').allInnerTexts()
      if (names.length > 0) break
    }
    expect(names.length).toBeGreaterThan(0)
    await page.screenshot({ path: 'test/artifacts/screenshots/exam-group.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    // In the browser the printable page is saved; in the desktop app it goes to the print dialog.
    const printed = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Drukuj listę zdających' }).click()
    const html = readFileSync(await (await printed).path(), 'utf8')
    for (const name of names) expect(html).toContain(name.trim())
    expect(html).toContain('Podpis')

    // Batch registration needs an administrative key: an ordinary one gets a clear message.
    await page.getByText('Rejestracja zbiorcza (administracyjny klucz konsumenta)').click()
    await page.getByLabel('Identyfikatory użytkowników USOS').fill('100002, 100003')
    await page.getByRole('button', { name: 'Zarejestruj', exact: true }).click()
    await expect(page.locator('#batch-error')).toContainText('administrative consumer key')

    const csv = page.waitForEvent('download')
    await page.getByRole('button', { name: 'CSV' }).click()
    const text = readFileSync(await (await csv).path(), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(names.length + 1)
  })

  test('opens an exam group from the calendar', async ({ page, sharedHarness: harness }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    const start = await page.evaluate(async () => {
      const r = await window.api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
      if (!r.ok) throw new Error(r.error.message)
      return r.value.find((i) => i.kind === 'exam_group')!.start
    })
    await page.getByLabel('Przejdź do daty').fill(start.slice(0, 10))
    await page.locator('.rbc-event.exam-group').first().click()
    await expect(page.getByRole('button', { name: 'Drukuj listę zdających' })).toBeVisible()
    await page.getByRole('button', { name: /Wróć do egzaminów/ }).click()
    await expect(page.getByRole('heading', { name: 'Egzaminy', level: 1 })).toBeVisible()
  })

  test('an exam administrator sees the sessions they administer, with admission conditions, and opens a group', async ({
    page,
    sharedHarness: harness
  }) => {
    await openDemo(page, harness, 'administrator')
    await page.getByRole('link', { name: 'Egzaminy' }).click()
    const administered = page.getByRole('region', { name: 'Sesje egzaminacyjne, którymi zarządzam' })
    await expect(administered).toBeVisible()
    const sessions = await page.evaluate(async () => {
      const r = await window.api.listAdministeredExams({})
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    })
    expect(sessions.length).toBeGreaterThan(0)
    // Every session and every exam of it is on the screen, each with its groups.
    await expect(administered.locator('details.exam-session')).toHaveCount(sessions.length)
    await expect(administered.locator('section.exam')).toHaveCount(
      sessions.reduce((n, s) => n + s.exams.length, 0)
    )
    // Sessions still being run are open; a closed or archived one opens with a click.
    const open = sessions.filter((s) => s.status !== 'closed' && s.status !== 'archived')
    expect(open.length).toBeGreaterThan(0)
    expect(open.length).toBeLessThan(sessions.length)
    const closed = sessions.find((s) => !open.includes(s) && s.exams.length > 0)!
    const closedCard = administered.locator(`#exam-${closed.exams[0]!.id}`)
    await expect(closedCard).toBeHidden()
    await administered.locator('details.exam-session summary', { hasText: closed.name.pl! }).first().click()
    await expect(closedCard).toBeVisible()
    const withCondition = open.flatMap((s) => s.exams).find((e) => e.conditions.length > 0)!
    const card = administered.locator('section.exam', { has: page.locator(`#exam-${withCondition.id}`) })
    await expect(card.getByText('Warunki dopuszczenia:')).toBeVisible()
    await expect(card.locator('ul.exam-conditions li')).toHaveCount(withCondition.conditions.length)
    await page.screenshot({ path: 'test/artifacts/screenshots/exams-administered.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    const exam = open.flatMap((s) => s.exams).find((e) => e.groups.length > 0)!
    await administered
      .locator('section.exam', { has: page.locator(`#exam-${exam.id}`) })
      .locator('table.exam-groups tbody th a')
      .first()
      .click()
    await expect(page.getByRole('button', { name: 'Drukuj listę zdających' })).toBeVisible()
    await expect(page.locator('table.exam-slots tbody tr')).toHaveCount(exam.groups[0]!.slots.length)
  })
})
