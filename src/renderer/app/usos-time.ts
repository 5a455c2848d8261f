import { usosDateTimeFields } from '../../shared/dates'

/**
 * USOS datetimes are wall-clock times of the installation (Europe/Warsaw). The calendar grid
 * works with the machine's Date, so a USOS time becomes a "floating" Date with the same wall
 * clock: 10:00 in Warsaw shows at 10:00 on a laptop in Lisbon too, as a lecturer expects.
 */
export function usosToFloating(value: string): Date {
  const fields = usosDateTimeFields(value)
  if (!fields) return new Date(NaN)
  const [y, mo, d, h, mi, s] = fields
  return new Date(y, mo - 1, d, h, mi, s)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A floating Date back to the calendar day it shows (YYYY-MM-DD). */
export function floatingDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** How far the main process's clock is from this page's (0 but where tests pin it). */
let clockOffsetMs = 0

/** The page's "now" follows the main process's (which tests and `npm run web --now` may pin). */
export function followMainClock(mainNowIso: string, pageNowMs = Date.now()): void {
  const main = Date.parse(mainNowIso)
  clockOffsetMs = Number.isNaN(main) ? 0 : main - pageNowMs
}

/** Now, as the app's one clock tells it. */
export function appNow(): Date {
  return new Date(Date.now() + clockOffsetMs)
}

/** One formatter per zone: making one costs far more than using it (the calendar asks often). */
const wallClocks = new Map<string, Intl.DateTimeFormat>()

/** Now, as wall-clock time in the installation's zone, floating. */
export function installationNow(timeZone = 'Europe/Warsaw', now = appNow()): Date {
  let wallClock = wallClocks.get(timeZone)
  if (!wallClock) {
    wallClock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23'
    })
    wallClocks.set(timeZone, wallClock)
  }
  const parts = wallClock.formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return usosToFloating(
    `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`
  )
}
