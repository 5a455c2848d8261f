/**
 * Generated dates at a wall-clock time in Europe/Warsaw, across daylight-saving changes, in any
 * machine zone. The rule (README, "Meeting-date generation"): start and end are Warsaw wall-clock
 * times; the duration is elapsed time; a time the clock repeats (last Sunday of October,
 * 02:00-02:59) is its first occurrence, one it skips (last Sunday of March, 02:00-02:59) is read with
 * the offset before the jump (RFC 5545, 3.3.5). Expected instants come from Intl, independently of
 * the code under test (which uses @date-fns/tz).
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { generateMeetingDates } from '../../../src/core/schedule'
import { timedDate, warsawInstant } from '../../../src/core/schedule/timed'

const MIN = 60_000
const DAY_MS = 86_400_000

/** Machine zones with DST at other dates, at midnight, by 30 minutes, south of the equator, or none. */
const MACHINE_ZONES = [
  'UTC',
  'Europe/Warsaw',
  'America/New_York',
  'America/Havana',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Pacific/Apia'
]
const savedTz = process.env.TZ
afterEach(() => {
  process.env.TZ = savedTz
})
function inEveryMachineZone(check: () => void): void {
  for (const zone of MACHINE_ZONES) {
    process.env.TZ = zone
    check()
  }
}

const warsawParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23'
})
/** The oracle's Warsaw wall clock of an instant, as a USOS datetime. */
function oracleWall(t: number): string {
  const p = Object.fromEntries(warsawParts.formatToParts(new Date(t)).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}
/** The oracle's instant of a Warsaw wall clock: the first instant showing it, by search. */
function oracleInstant(wall: string): number | null {
  const asUtc = Date.parse(`${wall.replace(' ', 'T')}Z`)
  for (let t = asUtc - 3 * 3_600_000; t <= asUtc + 3 * 3_600_000; t += 15 * MIN) {
    if (oracleWall(t) === wall) return t
  }
  return null // the clock skips it
}

const lastSunday = (year: number, month: number): string => {
  const last = new Date(Date.UTC(year, month, 0))
  return new Date(last.getTime() - last.getUTCDay() * DAY_MS).toISOString().slice(0, 10)
}
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
const utcHour = (wall: string) => warsawInstant(wall).getUTCHours()

describe('meeting dates at a Warsaw wall-clock time across daylight-saving changes', () => {
  it('is UTC+1 before and UTC+2 from the last Sunday of March, and back on the last Sunday of October', () => {
    inEveryMachineZone(() => {
      for (const year of [2025, 2026, 2027, 2031]) {
        for (const [month, before, after] of [
          [3, 9, 8],
          [10, 8, 9]
        ] as const) {
          const change = lastSunday(year, month)
          // Every day from a week before the change to a week after, at 10:00 for 90 minutes.
          const days = generateMeetingDates({
            startDate: plusDays(change, -7),
            endDate: plusDays(change, 7),
            number: 100,
            frequency: 'daily',
            useCalendar: false,
            startEven: false
          })
          expect(days).toHaveLength(15)
          for (const day of days) {
            const t = timedDate(day, '10:00', 90)
            expect(t).toEqual({ date: day, start_time: `${day} 10:00:00`, end_time: `${day} 11:30:00` })
            const hour = day < change ? before : after
            expect([day, utcHour(t.start_time)]).toEqual([day, hour])
            expect([day, utcHour(t.end_time)]).toEqual([day, hour + 1])
            expect(warsawInstant(t.start_time).getTime()).toBe(oracleInstant(t.start_time))
          }
        }
      }
    })
  })

  it('keeps a weekly Sunday series at 10:00 through both changes of 2026', () => {
    inEveryMachineZone(() => {
      const sundays = generateMeetingDates({
        startDate: '2026-03-15',
        endDate: '2026-11-08',
        number: 100,
        frequency: 'weekly',
        weekDay: 7,
        useCalendar: false,
        startEven: false
      }).map((day) => timedDate(day, '10:00', 60))
      const byDay = new Map(sundays.map((t) => [t.date, warsawInstant(t.start_time).toISOString()]))
      expect(byDay.get('2026-03-22')).toBe('2026-03-22T09:00:00.000Z')
      expect(byDay.get('2026-03-29')).toBe('2026-03-29T08:00:00.000Z')
      expect(byDay.get('2026-10-18')).toBe('2026-10-18T08:00:00.000Z')
      expect(byDay.get('2026-10-25')).toBe('2026-10-25T09:00:00.000Z')
      expect(
        sundays.every((t) => t.start_time.endsWith(' 10:00:00') && t.end_time.endsWith(' 11:00:00'))
      ).toBe(true)
    })
  })

  it('counts the duration as elapsed time across the jump, midnight included', () => {
    inEveryMachineZone(() => {
      // March 29, 2026: 02:00 CET is 03:00 CEST. 90 minutes from 01:30 end at 04:00 on the clock.
      expect(timedDate('2026-03-29', '01:30', 90)).toEqual({
        date: '2026-03-29',
        start_time: '2026-03-29 01:30:00',
        end_time: '2026-03-29 04:00:00'
      })
      // From the evening before: past midnight and past the jump; 3 hours are 03:30 on the clock.
      expect(timedDate('2026-03-28', '23:30', 180).end_time).toBe('2026-03-29 03:30:00')
      // October 25, 2026: 03:00 CEST is 02:00 CET. 90 minutes from 01:30 end at 02:00 (CET).
      expect(timedDate('2026-10-25', '01:30', 90).end_time).toBe('2026-10-25 02:00:00')
      expect(timedDate('2026-10-24', '23:00', 240).end_time).toBe('2026-10-25 02:00:00')
      // An ordinary night: past midnight onto the next day.
      expect(timedDate('2026-11-20', '23:30', 90)).toEqual({
        date: '2026-11-20',
        start_time: '2026-11-20 23:30:00',
        end_time: '2026-11-21 01:00:00'
      })
      expect(timedDate('2026-12-31', '22:00', 24 * 60).end_time).toBe('2027-01-01 22:00:00')
    })
  })

  it('takes the first of a repeated hour and moves a skipped one past the jump', () => {
    inEveryMachineZone(() => {
      // 02:30 on Oct 25, 2026 happens twice; the first is summer time (00:30 UTC).
      expect(warsawInstant('2026-10-25 02:30:00').toISOString()).toBe('2026-10-25T00:30:00.000Z')
      expect(timedDate('2026-10-25', '02:30', 90)).toEqual({
        date: '2026-10-25',
        start_time: '2026-10-25 02:30:00',
        end_time: '2026-10-25 03:00:00'
      })
      // 02:30 on Mar 29, 2026 never happens; read with the winter offset it is 03:30 summer time.
      expect(warsawInstant('2026-03-29 02:30:00').toISOString()).toBe('2026-03-29T01:30:00.000Z')
      expect(timedDate('2026-03-29', '02:30', 60)).toEqual({
        date: '2026-03-29',
        start_time: '2026-03-29 03:30:00',
        end_time: '2026-03-29 04:30:00'
      })
    })
  })

  it('agrees with the Intl oracle for any day, time and duration, in any machine zone', () => {
    // Half the days are within a day of a change, half the times in the small hours around it.
    const day = fc.oneof(
      fc
        .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
        .map((t) => new Date(t).toISOString().slice(0, 10)),
      fc
        .record({
          year: fc.integer({ min: 2020, max: 2035 }),
          month: fc.constantFrom(3, 10),
          shift: fc.integer({ min: -1, max: 1 })
        })
        .map((r) => plusDays(lastSunday(r.year, r.month), r.shift))
    )
    const time = fc.oneof(
      fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }),
      fc.record({ h: fc.integer({ min: 0, max: 3 }), m: fc.constantFrom(0, 15, 30, 45, 59) })
    )
    const pad = (n: number) => String(n).padStart(2, '0')
    fc.assert(
      fc.property(
        day,
        time,
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.constantFrom(...MACHINE_ZONES),
        (d, { h, m }, duration, zone) => {
          process.env.TZ = zone
          const clock = `${pad(h)}:${pad(m)}`
          const t = timedDate(d, clock, duration)
          const wall = `${d} ${clock}:00`
          // A skipped wall-clock time read with the winter offset is the one an hour later in summer time.
          const start = oracleInstant(wall) ?? (oracleInstant(`${d} ${pad(h + 1)}:${pad(m)}:00`) as number)
          expect(t.date).toBe(d)
          expect(t.start_time).toBe(oracleWall(start))
          expect(t.end_time).toBe(oracleWall(start + duration * MIN))
        }
      ),
      { numRuns: 400, seed: 20260329 }
    )
  })
})
