import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

export const INSTALLATION_ZONE = 'Europe/Warsaw'

/** A moment as USOS writes it: "YYYY-MM-DD HH:MM:SS", wall-clock time in Europe/Warsaw. */
export function usosDateTime(moment: Date | number): string {
  return format(
    new TZDate(typeof moment === 'number' ? moment : moment.getTime(), INSTALLATION_ZONE),
    'yyyy-MM-dd HH:mm:ss'
  )
}

export function usosDate(moment: Date | number): string {
  return usosDateTime(moment).slice(0, 10)
}

/** A USOS wall-clock datetime back to the moment it names. */
export function fromUsosDateTime(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value)
  if (!m) throw new Error(`not a USOS datetime: ${value}`)
  return new TZDate(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
    INSTALLATION_ZONE
  )
}

/** Today in Warsaw, as YYYY-MM-DD. */
export function warsawToday(now: Date = new Date()): string {
  return usosDate(now)
}
