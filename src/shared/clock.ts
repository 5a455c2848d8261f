/**
 * "Now", injectable. The app, the core, the CLI and the demo installation read the time from a
 * `Clock` they are given; the product passes the system clock, tests and CI may pin it.
 *
 * A pinned clock starts at the instant named and then runs on with real time (as faketime does),
 * so timers, back-offs and elapsed times still behave; only "which day is it" changes. OAuth
 * timestamps are the exception on both sides: they go to another party's server and stay on the
 * machine's real clock.
 *
 * A plain utility with no Node or DOM dependency: the renderer, the core and the demo
 * installation (another party's server in spirit) may all use it without sharing any logic.
 */
export type Clock = () => Date

/** The environment variable that pins the clock for a whole process (tests, CI, `npm run web`). */
export const NOW_ENV = 'OFFICE_HOURS_NOW'

export const systemClock: Clock = () => new Date()

/**
 * Reads an instant as given on a command line or in the environment: an ISO 8601 date-time with
 * a zone (`2027-07-20T10:00:00+02:00`, `...Z`) or a bare date (`2027-07-20`, taken as noon UTC,
 * which is the same calendar day in Warsaw all year). Throws a one-line error otherwise.
 */
export function parseInstant(text: string, what = NOW_ENV): Date {
  const value = text.trim()
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  const instant = dateOnly ? new Date(`${value}T12:00:00Z`) : withZone ? new Date(value) : new Date(NaN)
  const year = instant.getUTCFullYear()
  if (Number.isNaN(instant.getTime()) || year < 2000 || year > 2100)
    throw new Error(
      `${what} must be an ISO date-time with a zone (2027-07-20T10:00:00+02:00) or a date (2027-07-20) between 2000 and 2100, got "${text}"`
    )
  if (dateOnly && instant.toISOString().slice(0, 10) !== value)
    throw new Error(`${what}: ${value} is not a calendar date`)
  return instant
}

/** A clock that reads `start` now and runs on with real time from here. */
export function pinnedClock(start: Date, real: () => number = Date.now): Clock {
  const offset = start.getTime() - real()
  return () => new Date(real() + offset)
}

/**
 * The process's clock: pinned when `OFFICE_HOURS_NOW` is set (tests and CI set it), the system
 * clock otherwise. `now` (a `--now` option) wins over the environment.
 */
export function processClock(env: Record<string, string | undefined>, now?: string): Clock {
  const text = now ?? env[NOW_ENV]
  if (text === undefined || text === '') return systemClock
  return pinnedClock(parseInstant(text, now !== undefined ? '--now' : NOW_ENV))
}
