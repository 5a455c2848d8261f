import { TZDate } from '@date-fns/tz'
import { addMinutes, format } from 'date-fns'

export const INSTALLATION_ZONE = 'Europe/Warsaw'
const USOS_DATETIME = 'yyyy-MM-dd HH:mm:ss'
export const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * A generated day at a wall-clock time in the installation's zone, as USOS datetimes: correct on
 * daylight-saving days whatever the machine's zone is (10:00 stays 10:00 in March and October).
 */
export function timedDate(
  day: string,
  time: string,
  durationMin: number
): { date: string; start_time: string; end_time: string } {
  const m = CLOCK_TIME.exec(time)
  if (!m) throw new Error(`a time must be HH:MM (24-hour), got "${time}"`)
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number]
  const start = new TZDate(y, mo - 1, d, Number(m[1]), Number(m[2]), 0, INSTALLATION_ZONE)
  const end = addMinutes(start, durationMin)
  return { date: day, start_time: format(start, USOS_DATETIME), end_time: format(end, USOS_DATETIME) }
}

/** An instant as USOS writes datetimes: "YYYY-MM-DD HH:MM:SS" in the installation's zone. */
export function usosDateTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), INSTALLATION_ZONE), USOS_DATETIME)
}
