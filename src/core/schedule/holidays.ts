import Holidays from 'date-holidays'

/**
 * Polish public holidays (days off by law), movable ones included, from the date-holidays library,
 * whose PL table matches the statutory list (Dec 24 from 2025 on). Cached per year: the library
 * computes a whole year at a time and that is the slow part.
 */
const byYear = new Map<number, ReadonlyMap<string, string>>()
let calendar: Holidays | null = null

export function polishHolidays(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year)
  if (!days) {
    calendar ??= new Holidays('PL')
    const map = new Map<string, string>()
    for (const h of calendar.getHolidays(year)) {
      if (h.type === 'public') map.set(h.date.slice(0, 10), h.name)
    }
    days = map
    byYear.set(year, days)
  }
  return days
}

/** The holiday's Polish name, or null when the date (YYYY-MM-DD) is not a public holiday. */
export function publicHolidayName(date: string): string | null {
  return polishHolidays(Number(date.slice(0, 4))).get(date) ?? null
}
