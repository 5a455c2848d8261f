/**
 * Calendar arithmetic on USOS strings. Dates are plain calendar days, so they are shifted in UTC
 * (no zone, no DST); moments come from the framework's Europe/Warsaw helpers.
 */
import { usosDateTime } from '../../framework/time'
import type { CallContext } from '../../framework/types'

/** `YYYY-MM-DD` plus n calendar days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** `YYYY-MM-DD` plus n calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, lastDay))).toISOString().slice(0, 10)
}

/** Whole days from a to b. */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number]
    return Date.UTC(y, m - 1, d)
  }
  return Math.round((t(b) - t(a)) / 86_400_000)
}

export const at = (date: string, time: string) => `${date} ${time}`

/** The server's clock as a USOS datetime in Warsaw: comparable with stored strings. */
export const nowUsos = (ctx: CallContext) => usosDateTime(ctx.now())
