import type { Page } from '@playwright/test'
import type { MeetingDateDetails } from '../../src/shared/types'

/** What the app's own handlers answer now, read through the page's `window.api` (unwrapped). */
export async function meetingDate(page: Page, meetingDateId: string): Promise<MeetingDateDetails> {
  const answer = await page.evaluate((id) => window.api.getMeetingDate({ meetingDateId: id }), meetingDateId)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

/** The app's "now" (its one clock, which OFFICE_HOURS_NOW may pin), read through the page. */
export async function appNow(page: Page): Promise<Date> {
  const answer = await page.evaluate(() => window.api.getAppInfo({}))
  if (!answer.ok) throw new Error(answer.error.message)
  return new Date(answer.value.now)
}

/** Today in Europe/Warsaw by the app's clock, as YYYY-MM-DD. */
export async function appToday(page: Page): Promise<string> {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(await appNow(page))
}

/**
 * Every meeting date in the calendar's reach (a year around today) with its lists, soonest first,
 * to pick one a test needs (seats free, someone waiting ...) whatever the demo's seed made.
 */
export async function meetingDates(page: Page): Promise<MeetingDateDetails[]> {
  const day = 24 * 60 * 60 * 1000
  const now = (await appNow(page)).getTime()
  const from = new Date(now - 180 * day).toISOString().slice(0, 10)
  const to = new Date(now + 180 * day).toISOString().slice(0, 10)
  const answer = await page.evaluate((range) => window.api.calendarRange(range), { from, to })
  if (!answer.ok) throw new Error(answer.error.message)
  const ids = answer.value.filter((i) => i.kind === 'meeting_date').map((i) => i.id)
  const all: MeetingDateDetails[] = []
  for (const id of ids) all.push(await meetingDate(page, id))
  return all
}

/** The first date (soonest first, from today on when `upcoming`) that `wanted` accepts. */
export async function findDate(
  page: Page,
  wanted: (d: MeetingDateDetails) => boolean,
  options: { upcoming?: boolean } = {}
): Promise<MeetingDateDetails> {
  const today = await appToday(page)
  const found = (await meetingDates(page)).find(
    (d) => (!options.upcoming || d.item.start.slice(0, 10) >= today) && wanted(d)
  )
  if (!found) throw new Error('The demo has no meeting date this test needs.')
  return found
}

/** Free seats on the main list (a date without a limit always has some). */
export const seatsFree = (d: MeetingDateDetails): number =>
  d.item.seatsLimit === null ? Infinity : d.item.seatsLimit - d.main.length

/** The name as the participant tables and the printed list write it. */
export const fullName = (p: { titles: string | null; firstName: string; lastName: string }): string =>
  [p.titles, p.firstName, p.lastName].filter(Boolean).join(' ')

/** Opens a meeting date's page by its address, as the calendar's links do. */
export async function openDate(page: Page, pageUrl: string, meetingDateId: string): Promise<void> {
  await page.goto(`${pageUrl}#/date/${encodeURIComponent(meetingDateId)}`)
  await page.getByRole('heading', { level: 1 }).waitFor()
}
