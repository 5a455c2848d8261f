import { createRequire } from 'node:module'
import type Holidays from 'date-holidays'
import { FIRST_YEAR, NAMES, YEARS } from './holidays-pl.generated'

/**
 * Polish public holidays (days off by law), movable ones included, from the date-holidays library,
 * whose PL table matches the statutory list (Dec 24 from 2025 on). For 2000-2100 they come from a
 * table the library made at build time (scripts/gen-holidays.mjs): setting the library up (its
 * data for every country, then a year's rules) took ~110 ms, most of the generator's first call.
 * Other years are asked of the library itself, loaded on first need. Cached per year.
 */
const byYear = new Map<number, ReadonlyMap<string, string>>()
let calendar: Holidays | null = null

function fromTable(year: number): ReadonlyMap<string, string> | null {
  const line = YEARS[year - FIRST_YEAR]
  if (line === undefined) return null
  const days = new Map<string, string>()
  for (const entry of line.split(' ')) {
    days.set(`${year}-${entry.slice(0, 2)}-${entry.slice(2, 4)}`, NAMES[Number(entry.slice(5))] as string)
  }
  return days
}

/** The year's public holidays as date-holidays computes them (the table is made by this too). */
export function libraryHolidays(year: number): ReadonlyMap<string, string> {
  if (!calendar) {
    const Library = createRequire(import.meta.url)('date-holidays') as typeof Holidays
    calendar = new Library('PL')
  }
  const days = new Map<string, string>()
  for (const h of calendar.getHolidays(year)) {
    if (h.type === 'public') days.set(h.date.slice(0, 10), h.name)
  }
  return days
}

export function polishHolidays(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year)
  if (!days) {
    days = fromTable(year) ?? libraryHolidays(year)
    byYear.set(year, days)
  }
  return days
}

/** The holiday's Polish name, or null when the date (YYYY-MM-DD) is not a public holiday. */
export function publicHolidayName(date: string): string | null {
  return polishHolidays(Number(date.slice(0, 4))).get(date) ?? null
}
