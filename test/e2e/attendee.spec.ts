import { accessibilityProblems } from './axe'
import { expect, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

test('a lecturer browses a colleague’s open dates', async ({ page, harness }) => {
  await openDemo(page, harness)
  await page.getByRole('link', { name: 'Współpracownicy' }).click()
  const choose = page.getByLabel('Prowadzący')
  await expect(choose.locator('option').nth(1)).toBeAttached()
  const ids = await choose
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  let shown = 0
  for (const id of ids.filter(Boolean)) {
    await choose.selectOption(id)
    await expect(page.getByRole('heading', { name: /Otwarte terminy/ })).toBeVisible()
    shown = await page.locator('[data-testid=colleague-dates] tbody tr').count()
    if (shown > 0) break
  }
  expect(shown).toBeGreaterThan(0)
  await page.screenshot({ path: 'test/artifacts/screenshots/colleagues.png', fullPage: true })
  expect(await accessibilityProblems(page)).toEqual([])
})

test('a student signs up for a date with a substantiation, sees it, and signs off; a refusal shows its reason', async ({
  page,
  harness
}) => {
  await openDemo(page, harness, 'student')
  await page.getByRole('link', { name: 'Moje zapisy' }).click()
  await expect(page.getByRole('heading', { name: 'Moje zapisy', level: 1 })).toBeVisible()

  // The first meeting with a date open for sign-up.
  const meetings = page.locator('ul.available button')
  await expect(meetings.first()).toBeVisible()
  let signUp = null as null | ReturnType<typeof page.locator>
  for (let i = 0; i < (await meetings.count()); i++) {
    const name = (await meetings.nth(i).innerText()).trim()
    await meetings.nth(i).click()
    await expect(page.locator('#attendee-meeting-heading')).toHaveText(name)
    await page.getByLabel('Uzasadnienie').selectOption({ index: 1 })
    const open = page.locator('table.attendee-dates button:enabled', { hasText: /^Zapisz się$/ })
    if ((await open.count()) > 0) {
      signUp = open.first()
      break
    }
  }
  expect(signUp).not.toBeNull()
  const label = (await signUp!.getAttribute('aria-label')) ?? ''
  const when = label.replace('Zapisz się na ', '')
  await page.getByLabel('Wiadomość (opcjonalnie)').fill('Chciałbym omówić temat pracy.')
  await signUp!.click()
  await expect(page.getByTestId('attendee-status')).toHaveText('Zrobione w USOS.')
  await expect(page.getByTestId('cart')).toContainText(when)
  await page.screenshot({ path: 'test/artifacts/screenshots/signups.png', fullPage: true })
  expect(await accessibilityProblems(page)).toEqual([])

  await page.getByRole('button', { name: `Wypisz się z ${when}` }).click()
  await expect(page.getByTestId('attendee-status')).toHaveText('Zrobione w USOS.')
  await expect(page.getByTestId('cart')).not.toContainText(when)

  // Signing off again: USOS answers "not registered", which counts as done; a bad substantiation is refused.
  const refused = await page.evaluate(async (dateText) => {
    const overview = await window.api.attendeeOverview()
    if (!overview.ok) throw new Error(overview.error.message)
    for (const m of overview.value.value.available) {
      const view = await window.api.attendeeMeeting({ meetingId: m.id })
      if (!view.ok) continue
      const d = view.value.value.dates.find((x) => x.canSignUp)
      if (d) {
        const r = await window.api.signUpForDate({ meetingDateId: d.id, substantiationId: '999999' })
        return r.ok ? r.value : null
      }
    }
    return dateText
  }, when)
  expect(refused).toMatchObject({ outcome: 'needs_attention' })
})

test('a student opens a course with meetings and one of its meetings', async ({ page, harness }) => {
  await openDemo(page, harness, 'student')
  await page.getByRole('link', { name: 'Moje zapisy' }).click()
  const courses = page
    .getByRole('region', { name: 'Przedmioty ze spotkaniami' })
    .locator('ul.courses > li > button')
  await expect(courses.first()).toBeVisible()
  const expected = await page.evaluate(async () => {
    const o = await window.api.attendeeOverview()
    if (!o.ok) throw new Error(o.error.message)
    const c = o.value.value.courses[0]!
    const list = await window.api.attendeeCourseMeetings({ courseId: c.courseId ?? c.id })
    if (!list.ok) throw new Error(list.error.message)
    return list.value.value.map((m) => m.name.pl)
  })
  expect(expected.length).toBeGreaterThan(0)
  await courses.first().click()
  await expect(courses.first()).toHaveAttribute('aria-expanded', 'true')
  const listed = page.locator('ul.course-meetings button')
  await expect(listed).toHaveCount(expected.length)
  await listed.first().click()
  await expect(page.locator('#attendee-meeting-heading')).toHaveText(expected[0]!)
  expect(await accessibilityProblems(page)).toEqual([])
})
