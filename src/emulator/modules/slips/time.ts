/** USOS datetimes for the slips module: "YYYY-MM-DD HH:MM:SS", Europe/Warsaw, never the machine's zone. */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

export const USOS_ZONE = 'Europe/Warsaw'

export function usosDatetime(instant: Date): string {
  return format(new TZDate(instant, USOS_ZONE), 'yyyy-MM-dd HH:mm:ss')
}

/** Midday in Warsaw on a "YYYY-MM-DD" date: the anchor the seed data is generated around. */
export function warsawNoon(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12, 0, 0, USOS_ZONE)
}
