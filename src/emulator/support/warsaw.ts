/**
 * The demo installation's wall clock: USOS datetimes are "YYYY-MM-DD HH:MM:SS" in Europe/Warsaw
 * (usos-conventions.md), never in the machine's zone. The zone's offsets come from the runtime's
 * own time-zone data through Intl.DateTimeFormat; nothing here is shared with the client.
 *
 * Wall clock to instant, on the two days a year the clock jumps, follows Python's PEP 495 with
 * fold=0 (what a server using zoneinfo does by default; also java.time's and Temporal's
 * "compatible" choice): a time the clock shows twice (02:00-02:59 on the last Sunday of October) is
 * its first occurrence, still summer time; a time the clock skips (02:00-02:59 on the last Sunday of
 * March) is read with the offset in force before the jump, so 02:30 names the instant the clock
 * shows as 03:30.
 */
export const INSTALLATION_ZONE = 'Europe/Warsaw'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: INSTALLATION_ZONE,
  hourCycle: 'h23',
  era: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric'
})

/** Offset from UTC in ms, by UTC hour: Warsaw has changed offset only on whole hours since 1915. */
const offsetByHour = new Map<number, number>()

function computeOffset(hourStart: number): number {
  const p: Record<string, string> = {}
  for (const { type, value } of parts.formatToParts(new Date(hourStart))) p[type] = value
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year)
  const wall = new Date(0)
  wall.setUTCFullYear(year, Number(p.month) - 1, Number(p.day))
  wall.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0)
  return wall.getTime() - hourStart
}

/** Warsaw's offset from UTC, in ms, at an instant. */
export function warsawOffset(instant: number): number {
  const hour = Math.floor(instant / HOUR_MS) * HOUR_MS
  let offset = offsetByHour.get(hour)
  if (offset === undefined) {
    if (offsetByHour.size > 100_000) offsetByHour.clear()
    offset = computeOffset(hour)
    offsetByHour.set(hour, offset)
  }
  return offset
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** An instant as USOS writes datetimes: "YYYY-MM-DD HH:MM:SS", Warsaw wall-clock time. */
export function usosDateTime(instant: Date | number): string {
  const t = typeof instant === 'number' ? instant : instant.getTime()
  if (!Number.isFinite(t)) throw new Error('not a valid instant')
  const w = new Date(Math.floor(t / 1000) * 1000 + warsawOffset(t))
  return (
    `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ` +
    `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`
  )
}

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** The instant a Warsaw wall-clock datetime ("YYYY-MM-DD HH:MM:SS") names, by the rule above. */
export function warsawInstant(wallClock: string): Date {
  const m = WALL.exec(wallClock)
  if (!m) throw new Error(`not a USOS datetime: ${wallClock}`)
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const fields = new Date(0)
  fields.setUTCFullYear(y, mo - 1, d)
  fields.setUTCHours(h, mi, s, 0)
  if (fields.getUTCMonth() !== mo - 1 || fields.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new Error(`not a real datetime: ${wallClock}`)
  }
  // The wall clock read as if it were UTC; the true instant is that minus the offset in force.
  // Warsaw's offset changes at most once within two days, so the offsets a day either side are
  // the only candidates.
  const asUtc = fields.getTime()
  const before = warsawOffset(asUtc - DAY_MS)
  const after = warsawOffset(asUtc + DAY_MS)
  const fitting = [asUtc - before, asUtc - after].filter((t) => t + warsawOffset(t) === asUtc)
  // Shown twice: the earlier (fold=0). Never shown (the spring gap): the offset before the jump.
  return new Date(fitting.length > 0 ? Math.min(...fitting) : asUtc - before)
}
