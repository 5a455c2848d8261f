/**
 * The demo installation's `services/meetings/generate_meeting_dates`, written from its reference
 * page (usos-api/meetings.txt) and usos-conventions.md ("Calendar conventions"):
 *
 * - up to `number` dates from `start_date` to `end_date` inclusive (fewer when the range ends);
 * - `daily`; `weekly` on `week_day` (1 = Monday ... 7 = Sunday, "if needed by frequency": by default
 *   the start date's weekday); `week_days` Monday to Friday; `weekends` Saturday and Sunday;
 *   `biweekly_odd` / `biweekly_even` on `week_day` in odd / even weeks, weeks counted from the first
 *   week of the range (the Monday-to-Sunday week holding `start_date`, as a term's first week), which
 *   is odd, or even with `start_even`; `monthly` on the start date's day of the month (in a shorter
 *   month, its last day);
 * - `use_calendar`: public holidays and the faculty's free days (its own and those of the units above
 *   it, given by the caller) are skipped and do not count towards `number`.
 *
 * USOS documents no limits; this installation refuses ranges over MAX_RANGE_DAYS days and `number`
 * outside 1..MAX_NUMBER, each naming the parameter.
 */
import { civilDay, daysInMonth, dayNumber, formatDay, isoWeekdayOf, parseDay } from '../../support/days'
import { isPublicHoliday } from './holidays'

export const FREQUENCIES = [
  'daily',
  'weekly',
  'week_days',
  'weekends',
  'biweekly_odd',
  'biweekly_even',
  'monthly'
] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const MAX_RANGE_DAYS = 3_660
export const MAX_NUMBER = 5_000

export interface GenerateParams {
  startDate: string
  endDate: string
  number: number
  frequency: Frequency
  weekDay?: number
  useCalendar: boolean
  startEven: boolean
  /** Days the faculty (and the units above it) keep free: skipped with use_calendar. */
  freeDays?: ReadonlySet<string>
}

/** A refused parameter, reported by the method as param_invalid. */
export class GenerateParamError extends Error {
  constructor(
    readonly param: string,
    message: string
  ) {
    super(message)
    this.name = 'GenerateParamError'
  }
}

function day(param: string, value: string): number {
  const n = parseDay(value)
  if (n === null) throw new GenerateParamError(param, `"${value}" is not a date (YYYY-MM-DD).`)
  return n
}

/** Day numbers the frequency yields from start to end, in order, before the calendar is applied. */
function* series(p: GenerateParams, start: number, end: number, weekDay: number): Generator<number> {
  switch (p.frequency) {
    case 'monthly': {
      const first = civilDay(start)
      for (let k = 0; ; k++) {
        const months = first.month - 1 + k
        const year = first.year + Math.floor(months / 12)
        const month = (months % 12) + 1
        const n = dayNumber({ year, month, day: Math.min(first.day, daysInMonth(year, month)) })
        if (n > end) return
        yield n
      }
    }
    case 'daily':
      for (let n = start; n <= end; n++) yield n
      return
    case 'week_days':
    case 'weekends':
      for (let n = start; n <= end; n++) {
        if (isoWeekdayOf(n) <= 5 === (p.frequency === 'week_days')) yield n
      }
      return
    default: {
      // weekly, biweekly_odd, biweekly_even: the first wanted weekday on or after the start, then
      // every week, or every other week from the first week of the wanted parity.
      const firstWeekMonday = start - (isoWeekdayOf(start) - 1)
      let n = firstWeekMonday + (weekDay - 1)
      if (p.frequency !== 'weekly') {
        const firstWeekOdd = !p.startEven
        const wantOdd = p.frequency === 'biweekly_odd'
        if (firstWeekOdd !== wantOdd) n += 7
      }
      const step = p.frequency === 'weekly' ? 7 : 14
      if (n < start) n += step
      for (; n <= end; n += step) yield n
    }
  }
}

/** The method's answer: the dates, "YYYY-MM-DD", in order. */
export function generateMeetingDates(p: GenerateParams): string[] {
  const start = day('start_date', p.startDate)
  const end = day('end_date', p.endDate)
  if (end < start) throw new GenerateParamError('end_date', 'end_date must not be before start_date.')
  if (end - start > MAX_RANGE_DAYS) {
    throw new GenerateParamError('end_date', `the range may span at most ${MAX_RANGE_DAYS} days.`)
  }
  if (!Number.isInteger(p.number) || p.number < 1 || p.number > MAX_NUMBER) {
    throw new GenerateParamError('number', `must be a whole number from 1 to ${MAX_NUMBER}.`)
  }
  if (!(FREQUENCIES as readonly string[]).includes(p.frequency)) {
    throw new GenerateParamError('frequency', `must be one of ${FREQUENCIES.join(', ')}.`)
  }
  const weekDay = p.weekDay ?? isoWeekdayOf(start)
  if (!Number.isInteger(weekDay) || weekDay < 1 || weekDay > 7) {
    throw new GenerateParamError('week_day', 'must be 1 (Monday) to 7 (Sunday).')
  }
  const dates: string[] = []
  for (const n of series(p, start, end, weekDay)) {
    const date = formatDay(n)
    if (p.useCalendar && (isPublicHoliday(date) || p.freeDays?.has(date))) continue
    dates.push(date)
    if (dates.length === p.number) break
  }
  return dates
}
