import { TZDate, tzOffset } from '@date-fns/tz'
import { format } from 'date-fns'
import { usosDateTimeFields } from '../../shared/dates'

export const INSTALLATION_ZONE = 'Europe/Warsaw'
const USOS_DATETIME = 'yyyy-MM-dd HH:mm:ss'
export const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const MINUTE = 60_000
const DAY = 86_400_000

/**
 * The instant of a wall-clock time in the installation's zone, by the rule of RFC 5545 (3.3.5),
 * whatever the machine's zone is: a time the clock shows twice (02:00-02:59 on the last Sunday of
 * October) is its first occurrence, still in summer time; a time the clock skips (02:00-02:59 on
 * the last Sunday of March) is read with the offset before the jump, so 02:30 is 03:30 summer time.
 */
export function warsawInstant(wallClock: string): Date {
  const fields = usosDateTimeFields(wallClock)
  if (!fields) throw new Error(`a datetime must be YYYY-MM-DD HH:MM[:SS], got "${wallClock}"`)
  const [y, mo, d, h, mi, s] = fields
  // The wall-clock fields read as if they were UTC; the zone's offsets a day either side bound
  // the offsets that can apply (Warsaw changes at most once in two days).
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s)
  const before = tzOffset(INSTALLATION_ZONE, new Date(asUtc - DAY))
  const after = tzOffset(INSTALLATION_ZONE, new Date(asUtc + DAY))
  const fits = [before, after]
    .map((offset) => asUtc - offset * MINUTE)
    .filter((t) => asUtc - tzOffset(INSTALLATION_ZONE, new Date(t)) * MINUTE === t)
  return new Date(fits.length > 0 ? Math.min(...fits) : asUtc - before * MINUTE)
}

/**
 * A generated day at a wall-clock time in the installation's zone, as USOS datetimes: correct on
 * daylight-saving days whatever the machine's zone is (10:00 stays 10:00 in March and October).
 * The start is that wall-clock time (see warsawInstant for the hour the clock skips or repeats);
 * the duration is real elapsed time, so the end is the wall clock `durationMin` minutes later:
 * it may be on the next day, and is an hour later or earlier on the clock across a DST change.
 */
export function timedDate(
  day: string,
  time: string,
  durationMin: number
): { date: string; start_time: string; end_time: string } {
  if (!CLOCK_TIME.test(time)) throw new Error(`a time must be HH:MM (24-hour), got "${time}"`)
  const start = warsawInstant(`${day} ${time}`)
  const end = new Date(start.getTime() + durationMin * MINUTE)
  return { date: day, start_time: usosDateTime(start), end_time: usosDateTime(end) }
}

/** An instant as USOS writes datetimes: "YYYY-MM-DD HH:MM:SS" in the installation's zone. */
export function usosDateTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), INSTALLATION_ZONE), USOS_DATETIME)
}
