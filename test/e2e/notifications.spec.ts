import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import ICAL from 'ical.js'
import { warsawInstant } from '../../src/core/schedule/timed'
import { formatUsosDayTime, formatUsosTime } from '../../src/shared/locale-format'
import { accessibilityProblems } from './axe'
import { expect, launch, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

test('the reminder in calendar files is chosen in the settings and carried by a meeting’s ICS export', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  await page.getByRole('link', { name: 'Ustawienia' }).click()
  const alarm = page.getByLabel('Przypomnienie w plikach kalendarza')
  await expect(alarm).toHaveValue('')
  await alarm.selectOption({ label: '1 godzinę przed' })
  await expect(page.getByText('Zapisano', { exact: true })).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Przypomnienie w plikach kalendarza')).toHaveValue('60')

  // A meeting with dates, exported alone: every event reminds an hour before.
  await page.getByRole('link', { name: 'Spotkania' }).click()
  await page.locator('table.meetings tbody tr').first().getByRole('link').click()
  const dates = page.locator('table.meeting-dates tbody tr')
  await expect(dates.first()).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Eksportuj to spotkanie (ICS)' }).click()
  const events = new ICAL.Component(
    ICAL.parse(readFileSync(await (await download).path(), 'utf8'))
  ).getAllSubcomponents('vevent')
  expect(events).toHaveLength(await dates.count())
  for (const event of events) {
    const alarms = event.getAllSubcomponents('valarm')
    expect(alarms).toHaveLength(1)
    expect((alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-3600)
  }
})

/**
 * The demo's student (signed in beside the lecturer, as another user of the same installation)
 * signs up for one of the lecturer's open dates, through USOS's API; then the lecturer's account
 * is the active one again. Answers who signed up for which date.
 */
async function studentSignsUp(page: Page, skip: string[] = []) {
  return page.evaluate(async (skip) => {
    const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }
    const accounts = value(await window.api.listAccounts({})).accounts
    const lecturer = accounts.find((a) => a.active)!
    const student =
      accounts.find((a) => a.id !== lecturer.id) ?? value(await window.api.startDemo({ role: 'student' }))
    value(await window.api.setActiveAccount({ accountId: student.id }))
    try {
      const overview = value(await window.api.attendeeOverview({})).value
      for (const m of overview.available.filter((m) => m.lecturer?.id === lecturer.userId)) {
        const view = value(await window.api.attendeeMeeting({ meetingId: m.id })).value
        const date = view.dates.find((d) => d.canSignUp && !skip.includes(d.id))
        const substantiation = view.substantiations[0]
        if (!date || !substantiation) continue
        const result = value(
          await window.api.signUpForDate({ meetingDateId: date.id, substantiationId: substantiation.id })
        )
        if (result.outcome !== 'done') continue
        return { dateId: date.id, start: date.start, name: `${student.firstName} ${student.lastName}` }
      }
      throw new Error('no open date of the lecturer to sign up for')
    } finally {
      value(await window.api.setActiveAccount({ accountId: lecturer.id }))
    }
  }, skip)
}

/** Every `notification` pushed to the page from now on (read with `seenNotifications`). */
async function listenForNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: unknown[] }
    w.__seen = []
    window.api.on('notification', (n) => w.__seen.push(n))
  })
}
const seenNotifications = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __seen: Array<{ kind: string }> }).__seen.filter((n) => n.kind !== 'reminder')
  )

/**
 * The lecturer syncs (the status bar's button), and the page has received all that the sync
 * pushed: a settings change made afterwards arrives on the same event stream behind it.
 */
async function syncAndSettle(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchronizuj', exact: true }).click()
  // Joins the sync the button started (one at a time), or runs one more after it.
  await page.evaluate(() => window.api.sync({}))
  const theme = await page.evaluate(() => document.documentElement.dataset.theme)
  const other: 'light' | 'dark' = theme === 'dark' ? 'light' : 'dark'
  await page.evaluate((other) => window.api.updateSettings({ theme: other }), other)
  await expect(page.locator(`html[data-theme=${other}]`)).toBeAttached()
}

test('a sync that brings a new sign-up shows a toast; with new sign-ups turned off in the settings, none', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const region = page.getByRole('status', { name: 'Powiadomienia' })
  // (A reminder may show too, when a date of the demo starts soon: only sign-ups are looked at.)
  const signUpToasts = region.getByRole('group', { name: 'Nowy zapis', exact: true })
  await expect(signUpToasts).toHaveCount(0)

  const first = await studentSignsUp(page)
  await listenForNotifications(page)
  await syncAndSettle(page)
  const toast = signUpToasts
  await expect(toast).toBeVisible()
  await expect(toast).toContainText(`${first.name} — ${formatUsosDayTime(first.start, 'pl')}`)
  expect(await seenNotifications(page)).toMatchObject([{ kind: 'signedUp', shownBySystem: false }])
  expect(await accessibilityProblems(page)).toEqual([])
  await page.screenshot({ path: 'test/artifacts/screenshots/notification-toast.png' })

  // By keyboard: from the toast's first control, Tab reaches its dismiss button, Enter closes it.
  await toast.getByRole('button', { name: 'Otwórz termin' }).focus()
  await page.keyboard.press('Tab')
  const dismiss = toast.getByRole('button', { name: 'Zamknij powiadomienie: Nowy zapis' })
  await expect(dismiss).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(signUpToasts).toHaveCount(0)

  // Turned off in the settings: the next sign-up reaches the mirror, and nothing is said.
  await page.getByRole('link', { name: 'Ustawienia' }).click()
  const signUps = page.getByLabel('Nowe zapisy po synchronizacji')
  await expect(signUps).toBeChecked()
  await expect(page.getByLabel('Przypomnienie przed dyżurem')).toHaveValue('15')
  await signUps.uncheck()
  await expect(page.getByText('Zapisano', { exact: true })).toBeVisible()
  const second = await studentSignsUp(page, [first.dateId])
  await listenForNotifications(page)
  await syncAndSettle(page)
  const lists = await page.evaluate(async (id) => {
    const r = await window.api.getMeetingDate({ meetingDateId: id })
    if (!r.ok) throw new Error(r.error.message)
    return [...r.value.main, ...r.value.reserve].map((p) => `${p.firstName} ${p.lastName}`)
  }, second.dateId)
  expect(lists).toContain(second.name)
  expect(await seenNotifications(page)).toEqual([])
  await expect(signUpToasts).toHaveCount(0)
})

test('a reminder shows as a toast ten minutes before an office hour (the clock pinned), and opens the date', async ({
  page
}) => {
  // The demo lays its dates out around the clock's day: where are the lecturer's on that day?
  const day = '2026-12-02'
  const look = await launch(['--now', `${day}T05:00:00+01:00`])
  let date: { id: string; start: string; name: string }
  try {
    await openDemo(page, look.harness)
    date = await page.evaluate(async (day) => {
      const r = await window.api.calendarRange({ from: day, to: '2026-12-03' })
      if (!r.ok) throw new Error(r.error.message)
      const d = r.value.find((i) => i.kind === 'meeting_date' && i.start.startsWith(day))
      if (!d) throw new Error(`no office hour on ${day}`)
      return { id: d.id, start: d.start, name: d.title.pl ?? '' }
    }, day)
  } finally {
    await look.stop()
  }

  // The same day again, ten minutes before that date starts, with reminders (15 minutes, the default).
  const tenBefore = new Date(warsawInstant(date.start).getTime() - 10 * 60_000).toISOString()
  const running = await launch(['--now', tenBefore, '--reminders'])
  try {
    await openDemo(page, running.harness)
    const toast = page
      .getByRole('status', { name: 'Powiadomienia' })
      .getByRole('group', { name: `Dyżur o ${formatUsosTime(date.start)}: ${date.name}` })
    await expect(toast).toBeVisible()
    await expect(toast).toContainText(formatUsosDayTime(date.start, 'pl'))
    await expect(toast).toContainText(/Na liście głównej: \d+ (osoba|osoby|osób)/)
    await toast.getByRole('button', { name: 'Otwórz termin' }).click()
    await expect(toast).toHaveCount(0)
    await expect(page).toHaveURL(new RegExp(`#/date/${date.id}$`))
    await expect(page.getByRole('heading', { name: date.name })).toBeVisible()
  } finally {
    await running.stop()
  }
})
