import { usosDateTime as fromInstant, warsawInstant } from '../support/warsaw'

/** A moment as USOS writes it: "YYYY-MM-DD HH:MM:SS", wall-clock time in Europe/Warsaw. */
export function usosDateTime(moment: Date | number): string {
  return fromInstant(typeof moment === 'number' ? new Date(moment) : moment)
}

export function usosDate(moment: Date | number): string {
  return usosDateTime(moment).slice(0, 10)
}

/** A USOS wall-clock datetime back to the moment it names (support/warsaw.ts: PEP 495, fold=0). */
export function fromUsosDateTime(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) throw new Error(`not a USOS datetime: ${value}`)
  return warsawInstant(value)
}

/** Today in Warsaw, as YYYY-MM-DD. */
export function warsawToday(now: Date): string {
  return usosDate(now)
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight UTC of a YYYY-MM-DD day: day arithmetic without the machine's zone (and its DST jumps). */
export function dayToUtc(day: string): Date {
  const m = DAY_RE.exec(day)
  if (!m) throw new Error(`not a USOS date: ${day}`)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

/** A YYYY-MM-DD day moved by n calendar days. */
export function addDaysToDay(day: string, n: number): string {
  const d = dayToUtc(day)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** ISO weekday of a YYYY-MM-DD day: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((dayToUtc(day).getUTCDay() + 6) % 7) + 1
}

/** Whole days from one YYYY-MM-DD day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtc(to).getTime() - dayToUtc(from).getTime()) / 86_400_000)
}
