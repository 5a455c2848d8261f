import { accessibilityProblems } from './axe'
import { findDate, fullName, meetingDate, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

test('the app is driven from the keyboard: sections, help, jump to a date, next and previous', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)

  // A section opened by Alt+n has the focus on its heading, not on the page's body.
  await page.locator('main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { name: 'Spotkania' })).toBeFocused()
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeFocused()

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

test('on a meeting date: Ctrl+R and Ctrl+Shift+R sync, A accepts, R rejects and N opens the notes of the ticked person', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const date = await findDate(
    page,
    (d) =>
      d.main.some((p) => p.status === 'waiting' && !p.isExternal) &&
      d.main.filter((p) => !p.isExternal && !p.pending).length >= 3,
    { upcoming: true }
  )
  const users = date.main.filter((p) => !p.isExternal && !p.pending)
  const waiting = users.find((p) => p.status === 'waiting')!
  const [toReject, toNote] = users.filter((p) => p !== waiting)
  await openDate(page, harness.pageUrl, date.item.id)

  // Ctrl+R asks for a sync (and the page is not reloaded), with Shift a full one, from a field too.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
  await page.getByLabel('Nazwisko lub ID').focus()
  const quick = page.waitForRequest((r) => r.url().endsWith('/api/sync'))
  await page.keyboard.press('Control+R')
  expect((await quick).postDataJSON()).toEqual({})
  expect((await (await (await quick).response())!.json()).ok).toBe(true)
  const full = page.waitForRequest((r) => r.url().endsWith('/api/sync'))
  await page.keyboard.press('Control+Shift+R')
  expect((await full).postDataJSON()).toEqual({ full: true })
  expect((await (await (await full).response())!.json()).ok).toBe(true)
  await expect(page.getByTestId('sync-status')).toHaveText('Aktualne')
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)

  // A: Space ticks the person on their checkbox, A accepts them from there.
  const tick = (p: typeof waiting) => page.getByRole('checkbox', { name: `Zaznacz: ${fullName(p)}` })
  await tick(waiting).focus()
  await page.keyboard.press('Space')
  await expect(tick(waiting)).toBeChecked()
  await page.keyboard.press('a')
  await expect(page.getByTestId('action-status')).toHaveText(
    `${waiting.firstName} ${waiting.lastName}: lista główna (przyjęty).`
  )
  const mainList = page.getByRole('table', { name: /Lista główna/ })
  await expect(mainList.getByRole('row').filter({ hasText: fullName(waiting) })).toContainText('przyjęty')
  expect((await meetingDate(page, date.item.id)).main.find((p) => p.id === waiting.id)?.status).toBe(
    'accepted'
  )

  // R: the rejection form for the ticked person.
  await tick(toReject!).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('r')
  const panel = page.getByRole('form', { name: 'Odrzuć 1 osobę' })
  await expect(panel).toBeVisible()
  // The form has the focus, on its substantiation, and the last action's message is gone.
  await expect(panel.getByLabel('Uzasadnienie')).toBeFocused()
  await expect(page.getByTestId('action-status')).toHaveText('')
  await panel.getByRole('button', { name: 'Odrzuć', exact: true }).click()
  await expect(page.getByTestId('action-status')).toHaveText('Zapisano 1 zmianę w USOS.')
  await expect(
    page
      .getByRole('table', { name: /Odrzuceni/ })
      .getByRole('row')
      .filter({ hasText: fullName(toReject!) })
  ).toContainText('odrzucony')
  expect((await meetingDate(page, date.item.id)).rejected.map((p) => p.id)).toContain(toReject!.id)

  // N: the notes of the one ticked person; Esc closes them.
  await tick(toNote!).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('n')
  const notes = page.getByRole('dialog', { name: `Notatki o: ${fullName(toNote!)}` })
  await expect(notes).toBeVisible()
  await page.screenshot({ path: 'test/artifacts/screenshots/date-keyboard-notes.png', fullPage: true })
  await page.keyboard.press('Escape')
  await expect(notes).toHaveCount(0)
  // Back where the notes were opened from.
  await expect(tick(toNote!)).toBeFocused()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(date.meeting.name.pl ?? '')
})

test('the week view: day headers take no Tab, Enter on an event opens it with the focus on its heading, Esc returns to the calendar heading', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const date = await findDate(page, () => true, { upcoming: true })
  await page.goto(`${harness.pageUrl}#/calendar?view=week&date=${date.item.start.slice(0, 10)}`)
  await page.reload()
  await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
  // The seven day headers are text: nothing in the header row is focusable.
  expect(await page.locator('.rbc-time-header button, .rbc-time-header [tabindex]').count()).toBe(0)
  await expect(page.locator('.rbc-time-header .rbc-header')).toHaveCount(7)

  // From the toolbar, Tab reaches the first event without passing through the headers.
  await page.getByRole('button', { name: 'Lista', exact: true }).focus()
  await page.keyboard.press('Tab')
  const focused = await page.evaluate(() => document.activeElement?.className ?? '')
  expect(focused).toContain('rbc-event')

  // Enter on an event of office hours: its page, with the focus on its heading.
  const event = page.locator('.rbc-time-view .rbc-event:not(.exam-group):not(.draft)').first()
  await event.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: /Przyjmij/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeFocused()
  await expect(page.locator('.rbc-time-view')).toBeVisible()
})
