/**
 * A calendar day as every boundary takes it (the CLI's options, the handlers' arguments):
 * YYYY-MM-DD that exists (no 2026-02-31) in a sane range of years. Beyond it the day after is no
 * longer a four-digit year, so a range ending 9999-12-31 would compare wrongly and find nothing.
 */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2199

export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export const CALENDAR_DAY_RULE = `a date as YYYY-MM-DD (a real day, years ${MIN_YEAR}-${MAX_YEAR})`

/**
 * A USOS datetime ("2026-12-07 10:00:00", the installation's wall clock; a "T" for the space and
 * no seconds are taken too) as its fields: year, month (1-12), day, hour, minute, second; null when
 * it is not one. What each reader makes of them (a floating Date, a UTC one, an instant) is its own.
 */
export function usosDateTimeFields(
  value: string
): [year: number, month: number, day: number, hour: number, minute: number, second: number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!m) return null
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)]
}
