import { readFileSync } from 'node:fs'
import { accessibilityProblems } from './axe'
import { findDate, fullName, meetingDate, openDate, seatsFree } from './dates'
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
    expect(await accessibilityProblems(page)).toEqual([])
    await page.locator('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('a')
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await expect(
      page
        .locator('.rbc-agenda-view')
        .getByText(/egzamin/i)
        .first()
    ).toBeVisible()
    await page.screenshot({ path: 'test/artifacts/screenshots/calendar-agenda.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])
    // Each office-hours date in the agenda is a button: focused, Enter opens it; Esc comes back.
    await page.locator('.rbc-agenda-view tr[class*="meeting-colour-"] button.agenda-event').first().focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: /Przyjmij/ })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible()

    await page.locator('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('m')
    await expect(page.locator('.rbc-month-view')).toBeVisible()
    await expect(page.locator('.rbc-month-view .rbc-event').first()).toBeVisible()
    // A day with more than fits: "+n more" opens that day's week (the app has no day view).
    const more = page.locator('.rbc-show-more').first()
    if ((await more.count()) > 0) await more.click()
    else {
      await page.locator('main').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('w')
    }
    await expect(page.locator('.rbc-time-view')).toBeVisible()
  })

  test('opens a meeting date from the calendar and accepts a waiting person', async ({
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
        // What USOS did, read back from the date's list: accepted, on the main list.
        await expect(page.getByTestId('action-status')).toContainText(': lista główna (przyjęty).')
      }
    }
    expect(found).toBe(true)
    await page.screenshot({ path: 'test/artifacts/screenshots/meeting-date.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])
  })

  test('signs up an outside person with contact data and a status; they are on the list', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    const date = await findDate(page, (d) => seatsFree(d) > 0, { upcoming: true })
    await openDate(page, harness.pageUrl, date.item.id)

    const form = page.getByRole('form', { name: 'Zapisz osobę spoza USOS' })
    await form.getByLabel('Imię').fill('Ewa')
    // A hostile name is text, never markup.
    await form.getByLabel('Nazwisko', { exact: true }).fill('<img src=x onerror=alert(1)>')
    await form.getByLabel('E-mail').fill('ewa.gosc@example.com')
    await form.getByLabel('Inny kontakt').fill('tel. 600 700 800')
    await form.getByLabel('Status zapisu').selectOption({ label: 'oczekuje' })
    await form.getByRole('button', { name: 'Zapisz', exact: true }).click()
    await expect(page.getByTestId('action-status')).toHaveText(
      'Ewa <img src=x onerror=alert(1)>: lista główna (oczekuje).'
    )

    const row = page
      .getByRole('table', { name: /Lista główna/ })
      .getByRole('row')
      .filter({ hasText: 'ewa.gosc@example.com' })
    await expect(row).toContainText('Ewa <img src=x onerror=alert(1)>')
    await expect(row).toContainText('osoba spoza USOS')
    await expect(row).toContainText('ewa.gosc@example.com, tel. 600 700 800')
    await expect(row).toContainText('oczekuje')
    // Once USOS has it, the entry is USOS's own (not "not yet sent").
    await expect(row).not.toContainText('jeszcze nie wysłane')
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await page.screenshot({ path: 'test/artifacts/screenshots/outside-person.png', fullPage: true })

    const after = await meetingDate(page, date.item.id)
    expect(after.main.find((p) => p.email === 'ewa.gosc@example.com')).toMatchObject({
      isExternal: true,
      pending: false,
      firstName: 'Ewa',
      lastName: '<img src=x onerror=alert(1)>',
      contact: 'tel. 600 700 800',
      status: 'waiting'
    })
    await page.reload()
    await expect(
      page
        .getByRole('table', { name: /Lista główna/ })
        .getByRole('row')
        .filter({ hasText: 'ewa.gosc@example.com' })
    ).toContainText('tel. 600 700 800')
  })

  test('signs up a USOS user found by name or ID among the known users; they are on the list', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    const date = await findDate(page, (d) => seatsFree(d) > 0, { upcoming: true })
    const onIt = new Set([...date.main, ...date.reserve, ...date.rejected].map((p) => p.userId))
    // Someone the mirror knows from another date's list, not on this one.
    const other = await findDate(page, (d) =>
      d.main.some((p) => !p.isExternal && p.studentNumber && !onIt.has(p.userId))
    )
    const person = other.main.find((p) => !p.isExternal && p.studentNumber && !onIt.has(p.userId))!
    await openDate(page, harness.pageUrl, date.item.id)

    const form = page.getByRole('form', { name: 'Zapisz użytkownika USOS' })
    const found = form.getByRole('listitem')
    await form.getByLabel('Nazwisko lub ID').fill(person.lastName)
    await form.getByRole('button', { name: 'Szukaj' }).click()
    // By name: among all of that name (namesakes too), each with their student number.
    await expect(
      found.filter({ hasText: `${person.firstName} ${person.lastName} ${person.studentNumber}` })
    ).toHaveCount(1)
    for (const item of await found.all()) await expect(item).toContainText(person.lastName)
    // By ID: that one person.
    await form.getByLabel('Nazwisko lub ID').fill(person.studentNumber!)
    await form.getByRole('button', { name: 'Szukaj' }).click()
    await expect(found).toHaveCount(1)
    await expect(found).toContainText(`${person.firstName} ${person.lastName} ${person.studentNumber}`)
    await found.getByRole('button', { name: 'Zapisz' }).click()
    await expect(page.getByTestId('action-status')).toHaveText(
      new RegExp(
        `^${person.firstName} ${person.lastName}: lista (główna \\(przyjęty\\)|rezerwowa, miejsce \\d+)`
      )
    )

    const row = page
      .getByRole('table', { name: /Lista główna/ })
      .getByRole('row')
      .filter({ hasText: person.studentNumber! })
    await expect(row).toContainText(fullName(person))
    await expect(row).toContainText('przyjęty')
    await expect(row).not.toContainText('jeszcze nie wysłane')
    const after = await meetingDate(page, date.item.id)
    expect(after.main.find((p) => p.userId === person.userId)).toMatchObject({
      pending: false,
      isExternal: false,
      status: 'accepted',
      studentNumber: person.studentNumber
    })
  })

  test('rejects a participant with a substantiation, a message and its language', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    // A date without a reserve list (the printing test below wants those as they are), of a
    // meeting that takes its faculty's and the parents' substantiations.
    const meetings = await page.evaluate(() => window.api.listMeetings())
    if (!meetings.ok) throw new Error(meetings.error.message)
    const withParents = new Set(
      meetings.value.filter((m) => m.substantiationMode === 'this_faculty_and_parents').map((m) => m.id)
    )
    const date = await findDate(
      page,
      (d) =>
        withParents.has(d.meeting.id) &&
        d.reserve.length === 0 &&
        d.main.some((p) => !p.isExternal && !p.pending),
      { upcoming: true }
    )
    const person = date.main.find((p) => !p.isExternal && !p.pending)!
    const reasons = await page.evaluate(
      (facultyId) => window.api.getRejectionSubstantiations({ facultyId }),
      date.meeting.facultyId!
    )
    if (!reasons.ok) throw new Error(reasons.error.message)
    const reason = reasons.value[reasons.value.length - 1]!
    const reasonName = reason.name.pl ?? ''
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/rejectParticipants'))
    await openDate(page, harness.pageUrl, date.item.id)

    await page.getByRole('checkbox', { name: `Zaznacz: ${fullName(person)}` }).check()
    await page.getByRole('button', { name: 'Odrzuć (1)' }).click()
    const panel = page.getByRole('form', { name: 'Odrzuć 1 osobę' })
    await panel.getByLabel('Uzasadnienie').selectOption({ label: reasonName })
    await panel.getByLabel('Wiadomość').fill('Proszę przyjść w czwartek.')
    await page.getByLabel('Język wiadomości').selectOption('en')
    await panel.getByRole('button', { name: 'Odrzuć', exact: true }).click()
    await expect(page.getByTestId('action-status')).toHaveText('Zapisano 1 zmianę w USOS.')
    expect((await sent).postDataJSON()).toEqual({
      participantIds: [person.id],
      substantiationId: reason.id,
      message: 'Proszę przyjść w czwartek.',
      messageLang: 'en'
    })

    const rejected = page
      .getByRole('table', { name: /Odrzuceni/ })
      .getByRole('row')
      .filter({ hasText: fullName(person) })
    await expect(rejected).toContainText('odrzucony')
    await expect(rejected).toContainText(`Odrzucono: ${reasonName} Proszę przyjść w czwartek.`)
    await expect(
      page
        .getByRole('table', { name: /Lista główna/ })
        .getByRole('row')
        .filter({ hasText: fullName(person) })
    ).toHaveCount(0)
    await page.screenshot({ path: 'test/artifacts/screenshots/rejected.png', fullPage: true })

    const after = await meetingDate(page, date.item.id)
    expect(after.main.map((p) => p.id)).not.toContain(person.id)
    expect(after.rejected.find((p) => p.id === person.id)).toMatchObject({
      status: 'rejected',
      rejectionSubstantiation: { id: reason.id, name: { pl: reasonName } },
      rejectionMessage: 'Proszę przyjść w czwartek.'
    })
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

    // A date with a reserve list and an outside person, so that every kind of row is printed. The
    // demo's seed may have none with both (it depends on the day): an outside person is then
    // signed up on a date with a reserve list first.
    const both = (d: Awaited<ReturnType<typeof findDate>>) =>
      d.reserve.length > 0 && [...d.main, ...d.reserve].some((p) => p.isExternal)
    const withReserve = await findDate(page, (d) => d.reserve.length > 0)
    if (!both(withReserve)) {
      const answer = await page.evaluate(
        (id) =>
          window.api.signUpOutsidePerson({
            meetingDateId: id,
            firstName: 'Ewa',
            lastName: 'Gościnna',
            email: 'ewa.goscinna@example.com',
            contact: 'tel. 600 100 200',
            status: 'accepted'
          }),
        withReserve.item.id
      )
      expect(answer.ok).toBe(true)
    }
    const found = await findDate(page, both)
    await openDate(page, harness.pageUrl, found.item.id)
    await expect(page.getByRole('button', { name: /Przyjmij|Accept/ })).toBeVisible()
    // Opening the date reads it from USOS again (the queue as USOS numbers it): compare with that.
    await page.evaluate((id) => window.api.refreshMeetingDate({ meetingDateId: id }), found.item.id)
    const details = await meetingDate(page, found.item.id)
    await page.reload()
    await expect(page.getByRole('button', { name: /Przyjmij|Accept/ })).toBeVisible()
    const people = [...details.main, ...details.reserve]

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
    // PDF text extraction splits and joins glyphs its own way ("Zofia" may come out as "Zo fi a",
    // or with the "ﬁ" ligature): compare NFKC-normalized text with all whitespace taken out.
    const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
    const flat = squash(text)
    for (const list of [details.main, details.reserve]) {
      list.forEach((p, i) => {
        // Each row: the place in the queue, the name (first and last), then the student number
        // or the outside person's e-mail and contact.
        expect(flat).toContain(squash(`${p.numberInQueue ?? i + 1} ${fullName(p)}`))
        if (p.isExternal) {
          if (p.email) expect(flat).toContain(squash(p.email))
          if (p.contact) expect(flat).toContain(squash(p.contact))
        } else expect(flat).toContain(squash(p.studentNumber ?? p.userId ?? ''))
      })
    }
    // The reserve list is its own table, numbered by the queue USOS keeps.
    expect(flat).toContain(squash(`Lista rezerwowa (${details.reserve.length})`))
    expect(details.reserve.map((p) => p.numberInQueue)).toEqual(details.reserve.map((_, i) => i + 1))
  })

  test('switching the language shows every screen in English', async ({ page, sharedHarness: harness }) => {
    await page.goto(`${harness.pageUrl}#/settings`)
    await expect(page.getByRole('heading', { name: 'Ustawienia' })).toBeVisible()
    await page.screenshot({ path: 'test/artifacts/screenshots/settings.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])
    await page.getByLabel('Język').selectOption('en')
    await page.getByRole('link', { name: 'Calendar' }).click()
    await expect(page.getByRole('heading', { name: 'Calendar' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Today' })).toBeVisible()
    await page.getByRole('link', { name: 'Pending changes' }).click()
    await expect(page.getByRole('heading', { name: 'Pending changes' })).toBeVisible()
    await page.screenshot({ path: 'test/artifacts/screenshots/outbox-en.png', fullPage: true })
  })
})
