import { processClock } from '../../src/shared/clock'

/**
 * The clock the tests run by: the same one the app and the demo installation read (pinned by
 * OFFICE_HOURS_NOW, which `.ci/run` sets for a second run far from today; the system's otherwise).
 */
export const testClock = processClock(process.env)

/** Today in Europe/Warsaw by the tests' clock, as YYYY-MM-DD. */
export function testToday(now: Date = testClock()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(now)
}

/** A calendar day `n` days from `day` (both YYYY-MM-DD; counted at noon UTC, so no DST shift). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
