/**
 * Polish public holidays (days off by law, "ustawa o dniach wolnych od pracy"), as listed in
 * usos-conventions.md: Jan 1, Jan 6 (from 2011), Easter Sunday and Monday, May 1, May 3, Pentecost
 * Sunday (Easter + 49), Corpus Christi (Easter + 60), Aug 15, Nov 1, Nov 11, Dec 24 (from 2025),
 * Dec 25, Dec 26. The demo installation's own table, with its own Easter computation.
 */
import { dayNumber, formatDay } from '../../support/days'

/**
 * Western (Gregorian) Easter Sunday by Gauss's rule, with Lichtenberg's correction for the two
 * exceptions (paschal full moon on April 19, or on April 18 in a late lunar cycle): a day number.
 */
export function easterSunday(year: number): number {
  const k = Math.floor(year / 100)
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25) // secular moon shift
  const s = 2 - Math.floor((3 * k + 3) / 4) // secular sun shift
  const a = year % 19 // position in the Metonic cycle
  const d = (19 * a + m) % 30 // seed of the first spring full moon
  const r = Math.floor((d + Math.floor(a / 11)) / 29) // calendar correction
  const fullMoon = 21 + d - r // Easter limit, as a day of March (32 = April 1)
  const firstSunday = 7 - ((year + Math.floor(year / 4) + s) % 7)
  const sunday = fullMoon + 7 - ((fullMoon - firstSunday) % 7)
  return dayNumber({ year, month: 3, day: 1 }) + sunday - 1
}

const FIXED: Array<[month: number, day: number, name: string, since?: number]> = [
  [1, 1, 'Nowy Rok'],
  [1, 6, 'Święto Trzech Króli', 2011],
  [5, 1, 'Święto Pracy'],
  [5, 3, 'Święto Konstytucji 3 Maja'],
  [8, 15, 'Wniebowzięcie Najświętszej Maryi Panny'],
  [11, 1, 'Wszystkich Świętych'],
  [11, 11, 'Narodowe Święto Niepodległości'],
  [12, 24, 'Wigilia Bożego Narodzenia', 2025],
  [12, 25, 'Boże Narodzenie (pierwszy dzień)'],
  [12, 26, 'Boże Narodzenie (drugi dzień)']
]

const MOVABLE: Array<[daysAfterEaster: number, name: string]> = [
  [0, 'Wielkanoc'],
  [1, 'Poniedziałek Wielkanocny'],
  [49, 'Zielone Świątki'],
  [60, 'Boże Ciało']
]

const byYear = new Map<number, ReadonlyMap<string, string>>()

/** The year's public holidays: "YYYY-MM-DD" to the holiday's Polish name. */
export function publicHolidays(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year)
  if (days === undefined) {
    const map = new Map<string, string>()
    for (const [month, day, name, since] of FIXED) {
      if (since === undefined || year >= since) map.set(formatDay(dayNumber({ year, month, day })), name)
    }
    const easter = easterSunday(year)
    for (const [offset, name] of MOVABLE) map.set(formatDay(easter + offset), name)
    days = map
    byYear.set(year, days)
  }
  return days
}

export function isPublicHoliday(date: string): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(date)
}
