import { UTCDate } from '@date-fns/utc'
import { addDays, addMonths, format, getISODay } from 'date-fns'
import { publicHolidayName } from './holidays'

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

export interface GenerateInput {
  startDate: string
  endDate: string
  number: number
  frequency: Frequency
  /** 1 = Monday ... 7 = Sunday; for weekly and biweekly (default: the start date's weekday). */
  weekDay?: number
  useCalendar: boolean
  /** The first week of the range counts as even instead of odd. */
  startEven: boolean
  /** The faculty's own free days (YYYY-MM-DD), skipped with use_calendar. */
  freeDays?: ReadonlySet<string>
}

export type SkipReason = { kind: 'holiday'; name: string } | { kind: 'free_day' }

export interface GenerateResult {
  dates: string[]
  /** Dates the frequency produced but the calendar skipped, with why. */
  skipped: Array<{ date: string; reason: SkipReason }>
}

/** Longest range accepted: ten years and a day (also bounds the work one call can ask for). */
export const MAX_RANGE_DAYS = 3_660
export const MAX_NUMBER = 5_000

export class GenerateInputError extends Error {
  constructor(
    readonly param: 'start_date' | 'end_date' | 'number' | 'frequency' | 'week_day',
    message: string,
    /** The message's id in the window's translations (`errors.<key>`), with its values. */
    readonly text: { key: string; params?: Record<string, string> }
  ) {
    super(message)
    this.name = 'GenerateInputError'
  }
}

const DAY = 'yyyy-MM-dd'

/**
 * A calendar day as a UTC date: date-fns then counts days and weeks without the machine's zone,
 * whose daylight-saving jumps (at midnight in some zones) would otherwise shift or repeat days.
 */
export function parseDay(value: string, param: GenerateInputError['param']): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const d = m ? new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new UTCDate(NaN)
  if (Number.isNaN(d.getTime()) || format(d, DAY) !== value) {
    throw new GenerateInputError(param, `${param} must be a real date as YYYY-MM-DD, got "${value}"`, {
      key: 'badDay',
      params: { value }
    })
  }
  return d
}

function validate(input: GenerateInput): { start: Date; end: Date; weekDay: number } {
  const start = parseDay(input.startDate, 'start_date')
  const end = parseDay(input.endDate, 'end_date')
  if (end < start)
    throw new GenerateInputError('end_date', 'end_date is before start_date', { key: 'endBeforeStart' })
  if (addDays(start, MAX_RANGE_DAYS) < end) {
    throw new GenerateInputError('end_date', `the range may span at most ${MAX_RANGE_DAYS} days`, {
      key: 'rangeTooLong',
      params: { max: String(MAX_RANGE_DAYS) }
    })
  }
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > MAX_NUMBER) {
    throw new GenerateInputError('number', `number must be a whole number from 1 to ${MAX_NUMBER}`, {
      key: 'badNumber',
      params: { max: String(MAX_NUMBER) }
    })
  }
  if (!(FREQUENCIES as readonly string[]).includes(input.frequency)) {
    throw new GenerateInputError('frequency', `frequency must be one of ${FREQUENCIES.join(', ')}`, {
      key: 'badFrequency'
    })
  }
  const weekDay = input.weekDay ?? getISODay(start)
  if (!Number.isInteger(weekDay) || weekDay < 1 || weekDay > 7) {
    throw new GenerateInputError('week_day', 'week_day must be 1 (Monday) to 7 (Sunday)', {
      key: 'badWeekDay'
    })
  }
  return { start, end, weekDay }
}

const DAY_MS = 86_400_000
/** ISO weekday (1 = Monday ... 7 = Sunday) of a UTC midnight. */
const isoDay = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1
/** A UTC midnight as its calendar day, YYYY-MM-DD (much faster than format()). */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Candidate days in order (YYYY-MM-DD), before the calendar is applied. Days are counted on UTC
 * midnights in plain numbers: no zone, and no date object per day (the first call in a process
 * runs this loop unoptimized, thousands of times for a long range).
 */
function* candidates(input: GenerateInput, start: Date, end: Date, weekDay: number): Generator<string> {
  const f = input.frequency
  if (f === 'monthly') {
    // Same day of the month as the start date; in shorter months the month's last day.
    for (let i = 0; ; i++) {
      const d = addMonths(start, i)
      if (d > end) return
      yield dayOf(d.getTime())
    }
  }
  // Weeks are counted from the week (Monday-based) holding the start date: week 1 is odd,
  // unless start_even makes it even.
  const first = start.getTime()
  const last = end.getTime()
  const firstMonday = first - (isoDay(first) - 1) * DAY_MS
  for (let d = first; d <= last; d += DAY_MS) {
    const iso = isoDay(d)
    if (f === 'daily') yield dayOf(d)
    else if (f === 'week_days') {
      if (iso <= 5) yield dayOf(d)
    } else if (f === 'weekends') {
      if (iso >= 6) yield dayOf(d)
    } else if (iso === weekDay) {
      if (f === 'weekly') yield dayOf(d)
      else {
        const weekIndex = Math.round((d - (iso - 1) * DAY_MS - firstMonday) / (7 * DAY_MS))
        const odd = (weekIndex % 2 === 0) !== input.startEven
        if ((f === 'biweekly_odd') === odd) yield dayOf(d)
      }
    }
  }
}

/**
 * Meeting dates as USOS's `generate_meeting_dates` makes them: up to `number` dates from
 * start_date to end_date inclusive (fewer when the range ends first); with use_calendar, public
 * holidays and the faculty's free days are skipped and do not count towards `number`.
 */
export function generateMeetingDatesDetailed(input: GenerateInput): GenerateResult {
  const { start, end, weekDay } = validate(input)
  const dates: string[] = []
  const skipped: GenerateResult['skipped'] = []
  for (const day of candidates(input, start, end, weekDay)) {
    if (input.useCalendar) {
      const holiday = publicHolidayName(day)
      if (holiday !== null) {
        skipped.push({ date: day, reason: { kind: 'holiday', name: holiday } })
        continue
      }
      if (input.freeDays?.has(day)) {
        skipped.push({ date: day, reason: { kind: 'free_day' } })
        continue
      }
    }
    dates.push(day)
    if (dates.length === input.number) break
  }
  return { dates, skipped }
}

export function generateMeetingDates(input: GenerateInput): string[] {
  return generateMeetingDatesDetailed(input).dates
}
