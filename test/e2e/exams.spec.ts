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
    await expect(page.locator('#batch-error')).toBeVisible()
    // Refused: the panel is withdrawn, with a line saying why.
    await expect(page.getByTestId('batch-refused')).toContainText('nie jest administracyjny')
    await expect(page.getByLabel('Identyfikatory użytkowników USOS')).toHaveCount(0)

    const csv = page.waitForEvent('download')
    await page.getByRole('button', { name: 'CSV' }).click()
    const text = readFileSync(await (await csv).path(), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(names.length + 1)
  })

  test('attendees in Polish order on the page, in the print and in the CSV ("Dąbrowska" before "Duda")', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/exams`)
    await expect(page.getByRole('heading', { name: 'Egzaminy', level: 1 })).toBeVisible()
    // A group whose list byte order would get wrong (a name with a Polish letter where it matters).
    const group = await page.evaluate(async () => {
      const pl = new Intl.Collator('pl', { sensitivity: 'base' })
      const exams = await window.api.listExams({})
      if (!exams.ok) throw new Error(exams.error.message)
      for (const e of exams.value)
        for (const g of e.groups) {
          const d = await window.api.getExamGroup({ examId: e.id, groupNumber: g.number })
          if (!d.ok) continue
          const last = d.value.attendees.map((a) => a.lastName)
          const polish = [...last].sort(pl.compare)
          const bytes = [...last].sort()
          if (polish.join() !== bytes.join()) return { key: `${e.id}:${g.number}`, polish }
        }
      return null
    })
    expect(group).not.toBeNull()
    await page.goto(`${harness.pageUrl}#/exam/${encodeURIComponent(group!.key)}`)
    const names = page.locator('table.exam-attendees tbody td:nth-child(2)')
    await expect(names.first()).toBeVisible()
    const shown = (await names.allInnerTexts()).map((n) => n.trim())
    const lastNames = shown.map((n) => n.split(' ').slice(-1)[0] ?? '')
    expect(lastNames).toEqual(group!.polish)
    const collator = new Intl.Collator('pl', { sensitivity: 'base' })
    expect([...lastNames].sort(collator.compare)).toEqual(lastNames)

    const printed = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Drukuj listę zdających' }).click()
    const html = readFileSync(await (await printed).path(), 'utf8')
    const positions = shown.map((n) => html.indexOf(n))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(html).toMatch(/Wydrukowano: \d{1,2} [a-ząćęłńóśźż]+ \d{4} \d{1,2}:\d{2}/)
    expect(html).not.toContain('UTC')

    const csv = page.waitForEvent('download')
    await page.getByRole('button', { name: 'CSV' }).click()
    const lines = readFileSync(await (await csv).path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^"#";"Imię i nazwisko";"Nr albumu"/)
    expect(lines.slice(1).map((l) => l.split(';')[1]!.replace(/"/g, ''))).toEqual(shown)
  })

  test('the exams page: upcoming first, past folded, a filter on name and course', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/exams`)
    await expect(page.getByRole('heading', { name: 'Egzaminy', level: 1 })).toBeVisible()
    const examined = page.locator('section[aria-labelledby="exams-examined-heading"]')
    await expect(examined.locator('section.exam').first()).toBeVisible()
    const now = await page.evaluate(async () => {
      const info = await window.api.getAppInfo({})
      if (!info.ok) throw new Error(info.error.message)
      return info.value.now
    })
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(now))
    const exams = await page.evaluate(async () => {
      const r = await window.api.listExams({})
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    })
    const past = exams.filter((e) => e.groups.every((g) => g.end.slice(0, 10) < today))
    const upcoming = exams.filter((e) => e.groups.some((g) => g.end.slice(0, 10) > today))
    expect(past.length).toBeGreaterThan(0)
    expect(upcoming.length).toBeGreaterThan(0)
    // The past ones are in a folded part; the first one shown is an upcoming one.
    const folded = examined.locator('details.exams-past')
    await expect(folded).not.toHaveAttribute('open')
    await expect(folded.locator('summary')).toContainText(`Minione egzaminy (`)
    const firstShown = await examined.locator(':scope > section.exam h3').first().getAttribute('id')
    expect(upcoming.map((e) => `exam-${e.id}`)).toContain(firstShown)
    for (const e of past.slice(0, 3)) await expect(folded.locator(`h3[id="exam-${e.id}"]`)).toBeHidden()
    await folded.locator('summary').click()
    await expect(folded.locator(`h3[id="exam-${past[0]!.id}"]`)).toBeVisible()

    // The filter: one exam by its course code.
    const wanted = upcoming.find((e) => e.courseId)!
    await page.getByLabel('Filtruj').fill(wanted.courseId!)
    await expect(examined.locator(`h3[id="exam-${wanted.id}"]`)).toBeVisible()
    const other = upcoming.find((e) => e.courseId !== wanted.courseId)
    if (other) await expect(examined.locator(`h3[id="exam-${other.id}"]`)).toHaveCount(0)
    await page.getByLabel('Filtruj').fill('zzz-nie-ma-takiego')
    await expect(examined).toContainText('Żaden nadchodzący egzamin nie pasuje do filtra.')
    await page.screenshot({ path: 'test/artifacts/screenshots/exams-filtered.png', fullPage: true })
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
