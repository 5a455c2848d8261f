import { usosDateTime } from '../schedule/timed'

const DAY_MS = 86_400_000
/** A USOS wall-clock datetime ("YYYY-MM-DD HH:MM:SS") on a zone-free scale: differences as on the clock. */
const wallMs = (datetime: string) => Date.parse(`${datetime.replace(' ', 'T')}Z`)
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Today and this week (Monday to Sunday; `to` is the next Monday) in the installation's zone, as
 * YYYY-MM-DD, by `now`.
 */
export function thisWeek(now: Date): { today: string; from: string; to: string } {
  const today = usosDateTime(now).slice(0, 10)
  const midnight = wallMs(`${today} 00:00:00`)
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY_MS
  return { today, from: day(monday), to: day(monday + 7 * DAY_MS) }
}

/**
 * The order in which a sync reads the participant lists: what the lecturer needs this morning
 * comes first. Today's dates (in the installation's zone), then the rest of this week's (Monday
 * to Sunday), then all the others; within each, the nearest to `now` first, past or future. `now`
 * is the app's clock (which tests and the demo may pin), never the machine's. `thisWeek`: the
 * dates of this week (today's among them).
 */
export function readingOrder<T extends { start_time: string }>(
  dates: readonly T[],
  now: Date
): { ordered: T[]; thisWeek: Set<T> } {
  const week = thisWeek(now)
  const nowMs = wallMs(usosDateTime(now))
  const group = (start: string) => {
    const on = start.slice(0, 10)
    return on === week.today ? 0 : on >= week.from && on < week.to ? 1 : 2
  }
  const ranked = dates.map((date) => ({
    date,
    group: group(date.start_time),
    distance: Math.abs(wallMs(date.start_time) - nowMs)
  }))
  ranked.sort((a, b) => a.group - b.group || a.distance - b.distance)
  return {
    ordered: ranked.map((r) => r.date),
    thisWeek: new Set(ranked.filter((r) => r.group < 2).map((r) => r.date))
  }
}
