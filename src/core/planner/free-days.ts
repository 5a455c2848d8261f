/**
 * Faculty free days kept by the user (dean's days, rector's days, exam sessions...): typed in one by
 * one, or imported from an ICS calendar (the faculty's published one). The generator skips them
 * with use_calendar, beside the public holidays.
 */
import type Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { addDays, format } from 'date-fns'
import { UTCDate } from '@date-fns/utc'
import { AppError } from '../../shared/errors'
import type { FreeDayView } from '../../shared/types-planner'
import { stmt } from '../mirror/statements'
import { INSTALLATION_ZONE } from '../schedule/timed'
import { TZDate } from '@date-fns/tz'

const DAY = /^\d{4}-\d{2}-\d{2}$/
/** Longest run of days one imported event may cover (a whole term); longer is an error in the file. */
const MAX_EVENT_DAYS = 200

export function listFreeDays(db: Database.Database, facultyId?: string): FreeDayView[] {
  const rows = (
    facultyId
      ? stmt(db, 'SELECT * FROM free_days WHERE faculty_id = ? ORDER BY day').all(facultyId)
      : stmt(db, 'SELECT * FROM free_days ORDER BY faculty_id, day').all()
  ) as Array<{ faculty_id: string; day: string; reason: string; source: 'manual' | 'ics' }>
  return rows.map((r) => ({ facultyId: r.faculty_id, day: r.day, reason: r.reason, source: r.source }))
}

export function freeDaySet(db: Database.Database, facultyId: string | null | undefined): Set<string> {
  if (!facultyId) return new Set()
  return new Set(
    (stmt(db, 'SELECT day FROM free_days WHERE faculty_id = ?').all(facultyId) as Array<{ day: string }>).map(
      (r) => r.day
    )
  )
}

export function freeDayReasons(
  db: Database.Database,
  facultyId: string | null | undefined
): Map<string, string> {
  if (!facultyId) return new Map()
  return new Map(
    (
      stmt(db, 'SELECT day, reason FROM free_days WHERE faculty_id = ?').all(facultyId) as Array<{
        day: string
        reason: string
      }>
    ).map((r) => [r.day, r.reason])
  )
}

function checkDay(day: string): void {
  const d = DAY.test(day) ? new UTCDate(`${day}T00:00:00Z`) : new UTCDate(NaN)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day)
    throw new AppError(
      'invalid_argument',
      `"${day}" is not a real date (YYYY-MM-DD).`,
      { field: 'day' },
      { key: 'badDay', params: { value: day } }
    )
}

export function addFreeDay(db: Database.Database, facultyId: string, day: string, reason: string): void {
  checkDay(day)
  stmt(
    db,
    `INSERT INTO free_days (faculty_id, day, reason, source) VALUES (?, ?, ?, 'manual')
     ON CONFLICT (faculty_id, day) DO UPDATE SET reason = excluded.reason, source = 'manual'`
  ).run(facultyId, day, reason.trim())
}

export function removeFreeDay(db: Database.Database, facultyId: string, day: string): boolean {
  return stmt(db, 'DELETE FROM free_days WHERE faculty_id = ? AND day = ?').run(facultyId, day).changes > 0
}

/** The days an ICS file marks, with each event's summary as the reason. Throws on a broken file. */
export function freeDaysFromIcs(text: string): Array<{ day: string; reason: string }> {
  let root: ICAL.Component
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[])
  } catch (e) {
    throw new AppError(
      'invalid_argument',
      `This is not a readable iCalendar (.ics) file: ${e instanceof Error ? e.message : String(e)}`,
      { field: 'file' },
      { key: 'icsUnreadable' }
    )
  }
  if (root.name !== 'vcalendar')
    throw new AppError(
      'invalid_argument',
      'This is not an iCalendar file (no VCALENDAR).',
      { field: 'file' },
      { key: 'icsUnreadable' }
    )
  const out = new Map<string, string>()
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent)
    if (!event.startDate) continue
    const reason = (event.summary ?? '').trim()
    const days = eventDays(event)
    if (days.length > MAX_EVENT_DAYS)
      throw new AppError(
        'invalid_argument',
        `The event "${reason || '?'}" covers ${days.length} days; free days are at most ${MAX_EVENT_DAYS} in a row.`,
        { field: 'file' },
        {
          key: 'freeDaysTooLong',
          params: { event: reason || '?', days: String(days.length), max: String(MAX_EVENT_DAYS) }
        }
      )
    for (const day of days) if (!out.has(day)) out.set(day, reason)
  }
  return [...out].map(([day, reason]) => ({ day, reason })).sort((a, b) => (a.day < b.day ? -1 : 1))
}

/** The calendar days (in the installation's zone) an event covers: all-day [start, end), timed start..end. */
function eventDays(event: ICAL.Event): string[] {
  const start = event.startDate
  const end = event.endDate ?? start
  if (start.isDate) {
    const first = new UTCDate(start.year, start.month - 1, start.day)
    const last = end.isDate ? addDays(new UTCDate(end.year, end.month - 1, end.day), -1) : first
    const days: string[] = []
    for (let d = first; d <= (last < first ? first : last); d = addDays(d, 1)) {
      days.push(d.toISOString().slice(0, 10))
      if (days.length > MAX_EVENT_DAYS) break
    }
    return days
  }
  const local = (t: ICAL.Time) => format(new TZDate(t.toJSDate().getTime(), INSTALLATION_ZONE), 'yyyy-MM-dd')
  const a = local(start)
  // An event ending exactly at midnight does not take the next day.
  const endJs = new Date(end.toJSDate().getTime() - 1)
  const b = format(
    new TZDate(Math.max(endJs.getTime(), start.toJSDate().getTime()), INSTALLATION_ZONE),
    'yyyy-MM-dd'
  )
  const days: string[] = []
  for (let d = new UTCDate(`${a}T00:00:00Z`); d.toISOString().slice(0, 10) <= b; d = addDays(d, 1)) {
    days.push(d.toISOString().slice(0, 10))
    if (days.length > MAX_EVENT_DAYS) break
  }
  return days
}

/**
 * Imports an ICS file's days as one faculty's free days, in one transaction: a broken file changes
 * nothing. Days typed in by hand keep their own reason.
 */
export function importFreeDays(
  db: Database.Database,
  facultyId: string,
  text: string
): { imported: number; days: FreeDayView[] } {
  const days = freeDaysFromIcs(text)
  if (days.length === 0)
    throw new AppError(
      'invalid_argument',
      'The file has no events, so no free days were imported.',
      { field: 'file' },
      { key: 'icsNoEvents' }
    )
  const insert = stmt(
    db,
    `INSERT INTO free_days (faculty_id, day, reason, source) VALUES (?, ?, ?, 'ics')
     ON CONFLICT (faculty_id, day) DO UPDATE SET reason = excluded.reason WHERE free_days.source = 'ics'`
  )
  db.transaction(() => {
    for (const d of days) insert.run(facultyId, d.day, d.reason)
  })()
  return { imported: days.length, days: listFreeDays(db, facultyId) }
}
