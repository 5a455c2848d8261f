/**
 * Calendar days as whole numbers (day 0 = 1970-01-01) in the proleptic Gregorian calendar, by
 * Howard Hinnant's civil-from-days algorithms: no Date object, so no machine time zone and no
 * daylight-saving jump can move a day.
 */

export interface CivilDay {
  year: number
  month: number // 1-12
  day: number // 1-31
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function dayNumber({ year, month, day }: CivilDay): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const shiftedMonth = (month + 9) % 12 // March = 0 ... February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

export function civilDay(n: number): CivilDay {
  const z = n + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** ISO weekday, 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export function formatDay(n: number): string {
  const { year, month, day } = civilDay(n)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** A "YYYY-MM-DD" date that exists in the calendar, as a day number; null otherwise. */
export function parseDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return dayNumber({ year, month, day })
}
