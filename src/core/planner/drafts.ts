/**
 * Office-hour drafts: a series planned for a term ("Tuesdays 10:00-11:30, odd weeks, skip
 * holidays"), kept in the mirror, previewed with the generator against public holidays, the
 * faculty's free days, and everything already in the calendar (meeting dates, exam groups, other
 * drafts), before anything is created in USOS.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { isCalendarDay } from '../../shared/dates'
import { editedDays, normalizeEdits, type DayEdits } from '../../shared/draft-days'
import type {
  ClashView,
  DraftDate,
  DraftInput,
  DraftPreview,
  DraftView,
  Frequency,
  SkipView
} from '../../shared/types-planner'
import { calendarWithExams } from '../mirror/calendar'
import { stmt } from '../mirror/statements'
import { GenerateInputError, generateMeetingDatesDetailed } from '../schedule/generate'
import { polishHolidays } from '../schedule/holidays'
import { timedDate } from '../schedule/timed'
import { freeDayReasons } from './free-days'

interface DraftRow {
  id: string
  name: string
  meeting_id: string | null
  faculty_id: string | null
  start_date: string
  end_date: string
  number: number
  frequency: string
  week_day: number | null
  start_even: number
  use_calendar: number
  start_time: string
  duration_min: number
  room: string | null
  comment: string | null
  revision: number
  updated_at: string
}

const NO_EDITS: DayEdits = { addedDays: [], removedDays: [] }

/** Every draft's days added and removed by hand (planner_draft_days), by draft. */
function editsByDraft(db: Database.Database, id?: string): Map<string, DayEdits> {
  const rows = (
    id === undefined
      ? stmt(db, 'SELECT draft_id, day, change FROM planner_draft_days ORDER BY draft_id, day').all()
      : stmt(db, 'SELECT draft_id, day, change FROM planner_draft_days WHERE draft_id = ? ORDER BY day').all(
          id
        )
  ) as Array<{ draft_id: string; day: string; change: 'added' | 'removed' }>
  const out = new Map<string, { addedDays: string[]; removedDays: string[] }>()
  for (const r of rows) {
    let edits = out.get(r.draft_id)
    if (!edits) out.set(r.draft_id, (edits = { addedDays: [], removedDays: [] }))
    ;(r.change === 'added' ? edits.addedDays : edits.removedDays).push(r.day)
  }
  return out
}

const toView = (r: DraftRow, edits: DayEdits = NO_EDITS): DraftView => ({
  id: r.id,
  name: r.name,
  meetingId: r.meeting_id,
  facultyId: r.faculty_id,
  startDate: r.start_date,
  endDate: r.end_date,
  number: r.number,
  frequency: r.frequency as Frequency,
  weekDay: r.week_day,
  startEven: r.start_even === 1,
  useCalendar: r.use_calendar === 1,
  startTime: r.start_time,
  durationMin: r.duration_min,
  room: r.room,
  comment: r.comment,
  addedDays: [...edits.addedDays],
  removedDays: [...edits.removedDays],
  revision: r.revision,
  updatedAt: r.updated_at
})

export function listDrafts(db: Database.Database): DraftView[] {
  const edits = editsByDraft(db)
  return (stmt(db, 'SELECT * FROM planner_drafts ORDER BY start_date, name, id').all() as DraftRow[]).map(
    (r) => toView(r, edits.get(r.id))
  )
}

export function getDraft(db: Database.Database, id: string): DraftView {
  const row = stmt(db, 'SELECT * FROM planner_drafts WHERE id = ?').get(id) as DraftRow | undefined
  if (!row)
    throw new AppError('not_found', 'This draft no longer exists.', undefined, {
      key: 'draftGone'
    })
  return toView(row, editsByDraft(db, id).get(id))
}

/** A draft's edits by hand, checked (real days) and normalized (each once, in order). */
function checkedEdits(d: DraftInput): { addedDays: string[]; removedDays: string[] } {
  for (const field of ['addedDays', 'removedDays'] as const)
    for (const day of d[field] ?? [])
      if (!isCalendarDay(day))
        throw new AppError(
          'invalid_argument',
          `"${day}" is not a real date (YYYY-MM-DD).`,
          { field },
          { key: 'badDay', params: { value: day } }
        )
  return normalizeEdits(d)
}

/** The generator's answer for a draft, with its errors as field-bound messages. */
function generate(db: Database.Database, d: DraftInput) {
  try {
    return generateMeetingDatesDetailed({
      startDate: d.startDate,
      endDate: d.endDate,
      number: d.number,
      frequency: d.frequency,
      ...(d.weekDay ? { weekDay: d.weekDay } : {}),
      useCalendar: d.useCalendar !== false,
      startEven: d.startEven === true,
      freeDays: new Set(freeDayReasons(db, d.facultyId).keys())
    })
  } catch (e) {
    if (e instanceof GenerateInputError)
      throw new AppError('invalid_argument', e.message, { field: e.param }, e.text)
    throw e
  }
}

/** Saves a draft (new without `id`); refuses one the generator cannot make dates from. */
export function saveDraft(
  db: Database.Database,
  input: DraftInput,
  id?: string,
  now = new Date()
): DraftView {
  generate(db, input)
  const edits = checkedEdits(input)
  const row = {
    id: id ?? randomUUID(),
    name: input.name.trim() || 'Office hours',
    meeting_id: input.meetingId ?? null,
    faculty_id: input.facultyId ?? null,
    start_date: input.startDate,
    end_date: input.endDate,
    number: input.number,
    frequency: input.frequency,
    week_day: input.weekDay ?? null,
    start_even: input.startEven ? 1 : 0,
    use_calendar: input.useCalendar === false ? 0 : 1,
    start_time: input.startTime,
    duration_min: input.durationMin,
    room: input.room?.trim() || null,
    comment: input.comment?.trim() || null,
    at: now.toISOString()
  }
  db.transaction(() => {
    writeRow(db, row, id !== undefined)
    stmt(db, 'DELETE FROM planner_draft_days WHERE draft_id = ?').run(row.id)
    const insert = stmt(db, 'INSERT INTO planner_draft_days (draft_id, day, change) VALUES (?, ?, ?)')
    for (const day of edits.addedDays) insert.run(row.id, day, 'added')
    for (const day of edits.removedDays) insert.run(row.id, day, 'removed')
  })()
  return getDraft(db, row.id)
}

function writeRow(db: Database.Database, row: Record<string, string | number | null>, update: boolean): void {
  if (update) {
    const changed = stmt(
      db,
      `UPDATE planner_drafts SET name = @name, meeting_id = @meeting_id, faculty_id = @faculty_id,
         start_date = @start_date, end_date = @end_date, number = @number, frequency = @frequency,
         week_day = @week_day, start_even = @start_even, use_calendar = @use_calendar, start_time = @start_time,
         duration_min = @duration_min, room = @room, comment = @comment, revision = revision + 1,
         updated_at = @at WHERE id = @id`
    ).run(row).changes
    if (changed === 0)
      throw new AppError('not_found', 'This draft no longer exists.', undefined, {
        key: 'draftGone'
      })
  } else {
    stmt(
      db,
      `INSERT INTO planner_drafts (id, name, meeting_id, faculty_id, start_date, end_date, number, frequency, week_day,
         start_even, use_calendar, start_time, duration_min, room, comment, created_at, updated_at)
       VALUES (@id, @name, @meeting_id, @faculty_id, @start_date, @end_date, @number, @frequency, @week_day,
         @start_even, @use_calendar, @start_time, @duration_min, @room, @comment, @at, @at)`
    ).run(row)
  }
}

export function deleteDraft(db: Database.Database, id: string): void {
  if (stmt(db, 'DELETE FROM planner_drafts WHERE id = ?').run(id).changes === 0)
    throw new AppError('not_found', 'This draft no longer exists.', undefined, {
      key: 'draftGone'
    })
}

/**
 * A draft's dates as full datetimes, each with a stable id: the generated days less those removed
 * by hand, with those added by hand; the days the rule skipped (unless added back), and the days
 * the rule alone makes.
 */
export function draftDates(
  db: Database.Database,
  d: DraftInput & { id?: string }
): { dates: DraftDate[]; skipped: SkipView[]; generatedDays: string[] } {
  const result = generate(db, d)
  const edits = checkedEdits(d)
  const added = new Set(edits.addedDays)
  const reasons = freeDayReasons(db, d.facultyId)
  return {
    dates: editedDays(result.dates, edits).map((day) => {
      const t = timedDate(day, d.startTime, d.durationMin)
      return { id: `draft:${d.id ?? 'new'}:${day}`, date: day, start: t.start_time, end: t.end_time }
    }),
    skipped: result.skipped
      .filter((s) => !added.has(s.date))
      .map((s): SkipView =>
        s.reason.kind === 'holiday'
          ? { day: s.date, kind: 'holiday', name: s.reason.name }
          : { day: s.date, kind: 'free_day', reason: reasons.get(s.date) ?? '' }
      ),
    generatedDays: result.dates
  }
}

/**
 * The public holidays and the faculty's free days from the first day of the month the draft (or
 * its first date) starts in to the last day of the month it (or its last date) ends in.
 */
function daysOffAround(db: Database.Database, d: DraftInput, dates: readonly DraftDate[]): SkipView[] {
  const first = [d.startDate, dates[0]?.date ?? d.startDate].sort()[0]!
  const last = [d.endDate, dates[dates.length - 1]?.date ?? d.endDate].sort()[1]!
  const from = `${first.slice(0, 7)}-01`
  const to = `${last.slice(0, 7)}-31`
  const out: SkipView[] = []
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const [day, name] of polishHolidays(year))
      if (day >= from && day <= to) out.push({ day, kind: 'holiday', name })
  const holidays = new Set(out.map((x) => x.day))
  for (const [day, reason] of freeDayReasons(db, d.facultyId))
    if (day >= from && day <= to && !holidays.has(day)) out.push({ day, kind: 'free_day', reason })
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start < b.end && b.start < a.end

/** The calendar (meeting dates, exam groups) over the days of a draft's dates, a day's margin after. */
export function calendarAround(db: Database.Database, dates: readonly DraftDate[]) {
  if (dates.length === 0) return []
  const last = dates[dates.length - 1]!.date
  const to = new Date(Date.parse(`${last}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10)
  return calendarWithExams(db, dates[0]!.date, to)
}

/**
 * The preview of a draft (saved or being edited): its dates, the days skipped and why, and every
 * overlap with the calendar (meeting dates, exam groups) and with the other drafts.
 */
export function previewDraft(db: Database.Database, d: DraftInput & { id?: string }): DraftPreview {
  const { dates, skipped, generatedDays } = draftDates(db, d)
  const clashes: ClashView[] = []
  if (dates.length > 0) {
    const existing = calendarAround(db, dates)
    const others = listDrafts(db)
      .filter((o) => o.id !== d.id)
      .flatMap((o) => draftDates(db, o).dates.map((x) => ({ ...x, title: o.name })))
    for (const date of dates) {
      for (const item of existing)
        if (overlaps(date, item))
          clashes.push({
            draftDate: date,
            with: { kind: item.kind, id: item.id, title: item.title, start: item.start, end: item.end }
          })
      for (const o of others)
        if (overlaps(date, o))
          clashes.push({
            draftDate: date,
            with: { kind: 'draft', id: o.id, title: o.title, start: o.start, end: o.end }
          })
    }
  }
  const draft: DraftView = {
    id: d.id ?? '',
    name: d.name,
    meetingId: d.meetingId ?? null,
    facultyId: d.facultyId ?? null,
    startDate: d.startDate,
    endDate: d.endDate,
    number: d.number,
    frequency: d.frequency,
    weekDay: d.weekDay ?? null,
    startEven: d.startEven === true,
    useCalendar: d.useCalendar !== false,
    startTime: d.startTime,
    durationMin: d.durationMin,
    room: d.room ?? null,
    comment: d.comment ?? null,
    ...checkedEdits(d),
    revision: 0,
    updatedAt: ''
  }
  return { draft, dates, generatedDays, skipped, clashes, daysOff: daysOffAround(db, d, dates) }
}

/** Every draft's dates in a range, for the calendar (from inclusive, to exclusive; days). */
export function draftsInRange(
  db: Database.Database,
  fromDay: string,
  toDay: string
): Array<DraftDate & { draftId: string; name: string; room: string | null }> {
  const out: Array<DraftDate & { draftId: string; name: string; room: string | null }> = []
  for (const d of listDrafts(db)) {
    if (d.endDate < fromDay || d.startDate >= toDay) continue
    for (const x of draftDates(db, d).dates)
      if (x.date >= fromDay && x.date < toDay) out.push({ ...x, draftId: d.id, name: d.name, room: d.room })
  }
  return out
}
