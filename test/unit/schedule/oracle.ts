/**
 * An independent model of meeting-date generation for property tests: recurrence by the `rrule`
 * package (RFC 5545), Polish holidays from the statute with Easter by the Meeus/Jones/Butcher
 * algorithm. It shares no code with src/core/schedule.
 */
import { RRule, type Options, type Weekday } from 'rrule'

const DAY_MS = 86_400_000
const utc = (s: string) => new Date(`${s}T00:00:00Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)

export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Statutory days off in Poland (ustawa o dniach wolnych od pracy), Dec 24 from 2025. */
export function statutoryHolidays(year: number): Set<string> {
  const easter = utc(easterSunday(year)).getTime()
  const plus = (n: number) => iso(new Date(easter + n * DAY_MS))
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26']
  if (year >= 2025) fixed.push('12-24')
  return new Set([...fixed.map((md) => `${year}-${md}`), plus(0), plus(1), plus(49), plus(60)])
}

const WEEKDAYS: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU]

export interface OracleInput {
  startDate: string
  endDate: string
  number: number
  frequency: 'daily' | 'weekly' | 'week_days' | 'weekends' | 'biweekly_odd' | 'biweekly_even' | 'monthly'
  weekDay?: number
  useCalendar: boolean
  startEven: boolean
  freeDays?: ReadonlySet<string>
}

export function oracleDates(input: OracleInput): string[] {
  const start = utc(input.startDate)
  const end = utc(input.endDate)
  const isoDay = ((start.getUTCDay() + 6) % 7) + 1
  const weekDay = WEEKDAYS[(input.weekDay ?? isoDay) - 1] as Weekday
  const base: Partial<Options> = { dtstart: start, until: end, wkst: RRule.MO }
  let rule: Partial<Options>
  switch (input.frequency) {
    case 'daily':
      rule = { freq: RRule.DAILY }
      break
    case 'weekly':
      rule = { freq: RRule.WEEKLY, byweekday: [weekDay] }
      break
    case 'week_days':
      rule = { freq: RRule.WEEKLY, byweekday: WEEKDAYS.slice(0, 5) }
      break
    case 'weekends':
      rule = { freq: RRule.WEEKLY, byweekday: WEEKDAYS.slice(5) }
      break
    case 'biweekly_odd':
    case 'biweekly_even': {
      // Week 1 (odd, or even with startEven) is the Monday-based week holding the start date.
      const monday = new Date(start.getTime() - (isoDay - 1) * DAY_MS)
      const firstWanted = (input.frequency === 'biweekly_odd') !== input.startEven ? 0 : 7
      rule = {
        freq: RRule.WEEKLY,
        interval: 2,
        byweekday: [weekDay],
        dtstart: new Date(monday.getTime() + firstWanted * DAY_MS)
      }
      break
    }
    case 'monthly': {
      const day = start.getUTCDate()
      rule =
        day <= 28
          ? { freq: RRule.MONTHLY, bymonthday: [day] }
          : {
              freq: RRule.MONTHLY,
              bymonthday: Array.from({ length: day - 27 }, (_, i) => 28 + i),
              bysetpos: [-1]
            }
      break
    }
  }
  const dates = new RRule({ ...base, ...rule })
    .all()
    .map(iso)
    .filter((d) => d >= input.startDate)
  const kept = input.useCalendar
    ? dates.filter((d) => !statutoryHolidays(Number(d.slice(0, 4))).has(d) && !input.freeDays?.has(d))
    : dates
  return kept.slice(0, input.number)
}
