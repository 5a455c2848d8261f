/**
 * The demo installation's own generate_meeting_dates, holiday table and Easter, against the
 * independent model in test/unit/schedule/oracle.ts (rrule for the recurrence, the statute for the
 * holidays, Easter by Meeus/Jones/Butcher) and against published dates. The parity test
 * (test/integration/generate-parity.test.ts) compares it with the client's generator over HTTP.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  FREQUENCIES,
  GenerateParamError,
  generateMeetingDates,
  type GenerateParams
} from '../../../src/emulator/modules/meetings/generate'
import { easterSunday, publicHolidays } from '../../../src/emulator/modules/meetings/holidays'
import { formatDay } from '../../../src/emulator/support/days'
import { easterSunday as oracleEaster, oracleDates, statutoryHolidays } from '../schedule/oracle'

const DAY_MS = 86_400_000
const day = (t: number) => new Date(t).toISOString().slice(0, 10)

const inputs = fc
  .record({
    start: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 0, 1) }),
    span: fc.integer({ min: 0, max: 1100 }),
    number: fc.integer({ min: 1, max: 400 }),
    frequency: fc.constantFrom(...FREQUENCIES),
    weekDay: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    useCalendar: fc.boolean(),
    startEven: fc.boolean(),
    freeDayOffsets: fc.array(fc.integer({ min: 0, max: 1100 }), { maxLength: 10 })
  })
  .map((r): GenerateParams => {
    const startMs = Math.floor(r.start / DAY_MS) * DAY_MS
    return {
      startDate: day(startMs),
      endDate: day(startMs + r.span * DAY_MS),
      number: r.number,
      frequency: r.frequency,
      ...(r.weekDay !== undefined ? { weekDay: r.weekDay } : {}),
      useCalendar: r.useCalendar,
      startEven: r.startEven,
      freeDays: new Set(r.freeDayOffsets.map((o) => day(startMs + o * DAY_MS)))
    }
  })

const savedTz = process.env.TZ
afterEach(() => {
  process.env.TZ = savedTz
})

describe('the demo installation’s generate_meeting_dates', () => {
  it('agrees with an independent RFC 5545 model for every frequency, in any machine zone', () => {
    for (const zone of ['UTC', 'Europe/Warsaw', 'Pacific/Apia', 'America/Havana']) {
      process.env.TZ = zone
      fc.assert(
        fc.property(inputs, (input) => {
          expect(generateMeetingDates(input)).toEqual(oracleDates(input))
        }),
        { numRuns: 150, seed: 16 }
      )
    }
  })

  it('counts odd weeks from the week holding start_date; start_even makes it even', () => {
    // 2026-10-01 is a Thursday of ISO week 40; its week is still the first (odd) one.
    const base = {
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      number: 9,
      weekDay: 2,
      useCalendar: false
    }
    const gen = (frequency: 'biweekly_odd' | 'biweekly_even', startEven: boolean, weekDay = 2) =>
      generateMeetingDates({ ...base, frequency, startEven, weekDay })
    // Tuesday Sep 29 of the first week is before the start: the first odd Tuesday is in week 3.
    expect(gen('biweekly_odd', false)).toEqual(['2026-10-13', '2026-10-27'])
    expect(gen('biweekly_even', false)).toEqual(['2026-10-06', '2026-10-20'])
    expect(gen('biweekly_odd', true)).toEqual(['2026-10-06', '2026-10-20'])
    expect(gen('biweekly_odd', false, 4)).toEqual(['2026-10-01', '2026-10-15', '2026-10-29'])
  })

  it('with use_calendar skips holidays and free days without counting them', () => {
    const week = (useCalendar: boolean) =>
      generateMeetingDates({
        startDate: '2026-04-27',
        endDate: '2026-05-31',
        number: 8,
        frequency: 'week_days',
        useCalendar,
        startEven: false,
        freeDays: new Set(['2026-05-04'])
      })
    expect(week(true)).toEqual([
      '2026-04-27',
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      // May 1 (Labour Day) is a holiday; May 4 the faculty's free day.
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08'
    ])
    expect(week(false)).toContain('2026-05-01')
    expect(week(false)).toContain('2026-05-04')
  })

  it('keeps the start date’s day of the month, or the month’s last day', () => {
    expect(
      generateMeetingDates({
        startDate: '2028-01-31',
        endDate: '2028-05-30',
        number: 9,
        frequency: 'monthly',
        useCalendar: false,
        startEven: false
      })
    ).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30'])
  })

  it.each([
    [{ startDate: '2026-02-29' }, 'start_date'],
    [{ startDate: '1.10.2026' }, 'start_date'],
    [{ endDate: '2026-13-01' }, 'end_date'],
    [{ endDate: '2026-09-30' }, 'end_date'],
    [{ endDate: '2036-10-09' }, 'end_date'], // 3,660 days after the start is 2036-10-08
    [{ number: 0 }, 'number'],
    [{ number: 5001 }, 'number'],
    [{ number: 2.5 }, 'number'],
    [{ frequency: 'hourly' }, 'frequency'],
    [{ weekDay: 0 }, 'week_day'],
    [{ weekDay: 8, frequency: 'daily' }, 'week_day']
  ])('refuses %j naming %s', (patch, param) => {
    const input = {
      startDate: '2026-10-01',
      endDate: '2026-12-31',
      number: 5,
      frequency: 'weekly',
      useCalendar: false,
      startEven: false,
      ...patch
    } as GenerateParams
    expect(() => generateMeetingDates(input)).toThrow(GenerateParamError)
    try {
      generateMeetingDates(input)
    } catch (e) {
      expect((e as GenerateParamError).param).toBe(param)
    }
  })

  it('accepts the longest range and the largest number', () => {
    const dates = generateMeetingDates({
      startDate: '2026-10-01',
      endDate: '2036-10-08',
      number: 5000,
      frequency: 'daily',
      useCalendar: false,
      startEven: false
    })
    expect(dates).toHaveLength(3661)
    expect(dates.at(-1)).toBe('2036-10-08')
  })
})

describe('the demo installation’s holiday table', () => {
  it('is the statutory list, 2025 on with Dec 24, for 2011-2100', () => {
    for (let year = 2011; year <= 2100; year++) {
      expect([year, new Set(publicHolidays(year).keys())]).toEqual([year, statutoryHolidays(year)])
    }
    expect(publicHolidays(2024).has('2024-12-24')).toBe(false)
    expect(publicHolidays(2010).has('2010-01-06')).toBe(false) // Epiphany is a day off from 2011
  })

  it('has Easter on the published dates, Gauss’s two exceptions included', () => {
    const published: Record<number, string> = {
      1954: '1954-04-18', // exception: paschal full moon April 18 in a late cycle
      1981: '1981-04-19', // exception: paschal full moon April 19
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25', // the latest possible
      2049: '2049-04-18',
      2076: '2076-04-19',
      2285: '2285-03-22' // the earliest possible
    }
    for (const [year, date] of Object.entries(published)) {
      expect(formatDay(easterSunday(Number(year)))).toBe(date)
    }
    for (let year = 1583; year <= 4099; year++) {
      expect(formatDay(easterSunday(year))).toBe(oracleEaster(year))
    }
  })
})
