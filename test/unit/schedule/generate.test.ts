import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  FREQUENCIES,
  GenerateInputError,
  generateMeetingDates,
  generateMeetingDatesDetailed,
  polishHolidays
} from '../../../src/core/schedule'
import { easterSunday, oracleDates, statutoryHolidays } from './oracle'

const day = (t: number) => new Date(t).toISOString().slice(0, 10)
const DAY_MS = 86_400_000

/** Any range from 2020 to 2035 of up to ~3 years, any frequency and options. */
const inputs = fc
  .record({
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
    span: fc.integer({ min: 0, max: 1100 }),
    number: fc.integer({ min: 1, max: 400 }),
    frequency: fc.constantFrom(...FREQUENCIES),
    weekDay: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    useCalendar: fc.boolean(),
    startEven: fc.boolean(),
    freeDayOffsets: fc.array(fc.integer({ min: 0, max: 1100 }), { maxLength: 10 })
  })
  .map((r) => {
    const startDate = day(Math.floor(r.start / DAY_MS) * DAY_MS)
    const startMs = Date.parse(`${startDate}T00:00:00Z`)
    return {
      startDate,
      endDate: day(startMs + r.span * DAY_MS),
      number: r.number,
      frequency: r.frequency,
      ...(r.weekDay !== undefined ? { weekDay: r.weekDay } : {}),
      useCalendar: r.useCalendar,
      startEven: r.startEven,
      freeDays: new Set(r.freeDayOffsets.map((o) => day(startMs + o * DAY_MS)))
    }
  })

describe('generateMeetingDates', () => {
  it('agrees with an independent RFC 5545 model for every frequency over years of ranges', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(generateMeetingDates(input)).toEqual(oracleDates(input))
      }),
      { numRuns: 600, seed: 20261122 }
    )
  })

  it('matches the statutory holiday list for 2020-2040, movable feasts included', () => {
    for (let year = 2020; year <= 2040; year++) {
      expect(new Set(polishHolidays(year).keys())).toEqual(statutoryHolidays(year))
    }
  })

  it('knows published Easter dates and the new Christmas Eve holiday', () => {
    // Published Easter Sundays (Western): 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2038-04-25.
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25'
    ])
    expect(polishHolidays(2026).has('2026-06-04')).toBe(true) // Corpus Christi 2026
    expect(polishHolidays(2024).has('2024-12-24')).toBe(false)
    expect(polishHolidays(2025).has('2025-12-24')).toBe(true)
  })

  it('reports each skipped day with its reason', () => {
    const r = generateMeetingDatesDetailed({
      startDate: '2026-04-27',
      endDate: '2026-05-08',
      number: 20,
      frequency: 'week_days',
      useCalendar: true,
      startEven: false,
      freeDays: new Set(['2026-05-04'])
    })
    expect(r.dates).toEqual([
      '2026-04-27',
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08'
    ])
    expect(r.skipped).toEqual([
      { date: '2026-05-01', reason: { kind: 'holiday', name: 'Święto Państwowe; Święto Pracy' } },
      { date: '2026-05-04', reason: { kind: 'free_day' } }
    ])
  })

  it('counts odd weeks from the first week, not from ISO week numbers', () => {
    // 2026-10-01 is a Thursday in ISO week 40 (even); the term's first week is still week 1 (odd).
    const odd = generateMeetingDates({
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      number: 9,
      frequency: 'biweekly_odd',
      weekDay: 2,
      useCalendar: false,
      startEven: false
    })
    expect(odd).toEqual(['2026-10-13', '2026-10-27'])
    const oddThursday = generateMeetingDates({
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      number: 9,
      frequency: 'biweekly_odd',
      weekDay: 4,
      useCalendar: false,
      startEven: false
    })
    expect(oddThursday).toEqual(['2026-10-01', '2026-10-15', '2026-10-29'])
    const even = generateMeetingDates({
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      number: 9,
      frequency: 'biweekly_odd',
      weekDay: 4,
      useCalendar: false,
      startEven: true
    })
    expect(even).toEqual(['2026-10-08', '2026-10-22'])
  })

  it('answers the same in any machine time zone, midnight DST jumps included', () => {
    const saved = process.env.TZ
    try {
      for (const zone of [
        'Asia/Tehran',
        'America/Havana',
        'America/Sao_Paulo',
        'Pacific/Apia',
        'Europe/Warsaw'
      ]) {
        process.env.TZ = zone
        fc.assert(
          fc.property(inputs, (input) => {
            expect(generateMeetingDates(input)).toEqual(oracleDates(input))
          }),
          { numRuns: 60, seed: 7 }
        )
      }
    } finally {
      process.env.TZ = saved
    }
  })

  it('keeps calendar days through daylight-saving changes in any machine zone', () => {
    // The generator works on calendar days; the result must not depend on TZ. Spring and autumn 2026.
    const spring = generateMeetingDates({
      startDate: '2026-03-27',
      endDate: '2026-03-31',
      number: 9,
      frequency: 'daily',
      useCalendar: false,
      startEven: false
    })
    expect(spring).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'])
    const autumn = generateMeetingDates({
      startDate: '2026-10-23',
      endDate: '2026-11-06',
      number: 9,
      frequency: 'weekly',
      useCalendar: false,
      startEven: false
    })
    expect(autumn).toEqual(['2026-10-23', '2026-10-30', '2026-11-06'])
  })

  it('clamps monthly series to the last day of shorter months', () => {
    expect(
      generateMeetingDates({
        startDate: '2027-01-31',
        endDate: '2027-06-30',
        number: 6,
        frequency: 'monthly',
        useCalendar: false,
        startEven: false
      })
    ).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30'])
  })

  it.each([
    [{ endDate: '2026-09-30' }, 'end_date', /before start_date/],
    [{ number: 0 }, 'number', /number/],
    [{ number: 2.5 }, 'number', /number/],
    [{ frequency: 'hourly' }, 'frequency', /frequency/],
    [{ weekDay: 8 }, 'week_day', /week_day/],
    [{ startDate: '2026-02-29' }, 'start_date', /real date/],
    [{ startDate: '1.10.2026' }, 'start_date', /YYYY-MM-DD/],
    [{ endDate: '2040-01-01' }, 'end_date', /at most/]
  ])('refuses %j naming the parameter', (patch, param, message) => {
    const input = {
      startDate: '2026-10-01',
      endDate: '2026-12-31',
      number: 5,
      frequency: 'weekly',
      useCalendar: false,
      startEven: false,
      ...patch
    }
    let error: unknown
    try {
      generateMeetingDates(input as never)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(GenerateInputError)
    expect((error as GenerateInputError).param).toBe(param)
    expect((error as GenerateInputError).message).toMatch(message)
  })
})
