import { describe, expect, it } from 'vitest'
import { NOW_ENV, parseInstant, pinnedClock, processClock, systemClock } from '../../../src/shared/clock'

describe('the one clock', () => {
  it('reads ISO date-times with a zone, and bare dates as noon UTC (the same day in Warsaw)', () => {
    expect(parseInstant('2027-07-20T10:00:00+02:00').toISOString()).toBe('2027-07-20T08:00:00.000Z')
    expect(parseInstant('2026-12-24T23:30Z').toISOString()).toBe('2026-12-24T23:30:00.000Z')
    expect(parseInstant('2027-02-03').toISOString()).toBe('2027-02-03T12:00:00.000Z')
  })

  it('refuses what is not an instant, with a line naming the option', () => {
    for (const bad of ['2027-07-20T10:00:00', 'tomorrow', '2026-02-31', '9999-12-31', '', '20270720'])
      expect(() => parseInstant(bad, '--now')).toThrow(/--now/)
  })

  it('a pinned clock starts at the instant and runs on with real time', () => {
    let real = 1_000_000
    const clock = pinnedClock(new Date('2027-07-20T08:00:00Z'), () => real)
    expect(clock().toISOString()).toBe('2027-07-20T08:00:00.000Z')
    real += 90_000
    expect(clock().toISOString()).toBe('2027-07-20T08:01:30.000Z')
  })

  it('the process clock is the system clock unless OFFICE_HOURS_NOW or --now pins it (--now wins)', () => {
    expect(processClock({})).toBe(systemClock)
    expect(processClock({ [NOW_ENV]: '' })).toBe(systemClock)
    const pinned = processClock({ [NOW_ENV]: '2027-07-20' })
    expect(Math.abs(pinned().getTime() - Date.parse('2027-07-20T12:00:00Z'))).toBeLessThan(60_000)
    const option = processClock({ [NOW_ENV]: '2027-07-20' }, '2026-12-24')
    expect(option().toISOString().slice(0, 10)).toBe('2026-12-24')
    expect(() => processClock({ [NOW_ENV]: 'soon' })).toThrow(/OFFICE_HOURS_NOW/)
  })
})
