/**
 * The demo installation's Warsaw wall clock (src/emulator/support/warsaw.ts), in any machine zone,
 * against the EU summer-time rule (Directive 2000/84/EC: from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October), which Poland has followed since 1996: an
 * oracle that uses no time-zone data at all.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { usosDateTime, warsawInstant } from '../../../src/emulator/support/warsaw'

const HOUR = 3_600_000
const savedTz = process.env.TZ
afterEach(() => {
  process.env.TZ = savedTz
})
const ZONES = ['UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Tehran', 'Pacific/Apia']

function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0, 1))
  return last.getTime() - last.getUTCDay() * 24 * HOUR
}
/** The oracle: Warsaw's wall clock of an instant as a USOS datetime. */
function euWall(t: number): string {
  const year = new Date(t).getUTCFullYear()
  const summer = lastSundayOneUtc(year, 3) <= t && t < lastSundayOneUtc(year, 10)
  return new Date(Math.floor(t / 1000) * 1000 + (summer ? 2 : 1) * HOUR)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ')
}

const instants = fc.oneof(
  fc.integer({ min: Date.UTC(1997, 0, 1), max: Date.UTC(2037, 11, 31) }),
  // Within three hours of a change.
  fc
    .record({
      year: fc.integer({ min: 1997, max: 2037 }),
      month: fc.constantFrom(3, 10),
      shift: fc.integer({ min: -3 * HOUR, max: 3 * HOUR })
    })
    .map((r) => lastSundayOneUtc(r.year, r.month) + r.shift)
)

describe('the demo installation’s Warsaw wall clock', () => {
  it('writes any instant as the EU rule’s wall clock, in any machine zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone
      fc.assert(
        fc.property(instants, (t) => {
          expect(usosDateTime(t)).toBe(euWall(t))
        }),
        { numRuns: 400, seed: 2026 }
      )
    }
  })

  it('reads a wall clock back to the first instant that shows it, in any machine zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone
      fc.assert(
        fc.property(instants, (t) => {
          const wall = euWall(t)
          const back = warsawInstant(wall).getTime()
          expect(euWall(back)).toBe(wall)
          // The first: an hour earlier shows another time (or the instant is the first anyway).
          expect(euWall(back - HOUR) === wall).toBe(false)
        }),
        { numRuns: 400, seed: 2027 }
      )
    }
  })

  it('reads the repeated October hour as summer time and the skipped March hour with winter’s offset', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone
      // 2026-10-25: 02:00-02:59 comes twice (00:00-00:59 UTC, then 01:00-01:59 UTC).
      expect(warsawInstant('2026-10-25 02:30:00').toISOString()).toBe('2026-10-25T00:30:00.000Z')
      expect(usosDateTime(Date.parse('2026-10-25T01:30:00Z'))).toBe('2026-10-25 02:30:00')
      // 2026-03-29: the clock goes from 02:00 to 03:00; 02:30 is read as 02:30+01:00.
      expect(warsawInstant('2026-03-29 02:30:00').toISOString()).toBe('2026-03-29T01:30:00.000Z')
      expect(usosDateTime(warsawInstant('2026-03-29 02:30:00'))).toBe('2026-03-29 03:30:00')
      expect(warsawInstant('2026-01-15 12:00:00').toISOString()).toBe('2026-01-15T11:00:00.000Z')
      expect(warsawInstant('2026-07-15 12:00:00').toISOString()).toBe('2026-07-15T10:00:00.000Z')
    }
  })

  it('refuses what is not a datetime', () => {
    for (const bad of [
      '2026-02-29 10:00:00',
      '2026-10-25 24:00:00',
      '2026-10-25 10:00',
      '2026-10-25T10:00:00'
    ]) {
      expect(() => warsawInstant(bad)).toThrow()
    }
  })
})
