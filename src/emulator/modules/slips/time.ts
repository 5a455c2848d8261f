/** USOS datetimes for the slips module: "YYYY-MM-DD HH:MM:SS", Europe/Warsaw, never the machine's zone. */
import { warsawInstant } from '../../support/warsaw'
import { usosDateTime } from '../../framework/time'

export const usosDatetime = (instant: Date): string => usosDateTime(instant)

/** Midday in Warsaw on a "YYYY-MM-DD" date: the anchor the seed data is generated around. */
export function warsawNoon(date: string): Date {
  return warsawInstant(`${date} 12:00:00`)
}
