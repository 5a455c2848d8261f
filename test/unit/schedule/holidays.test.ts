import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { libraryHolidays, polishHolidays, publicHolidayName } from '../../../src/core/schedule'
import { FIRST_YEAR, YEARS } from '../../../src/core/schedule/holidays-pl.generated'
import { statutoryHolidays } from './oracle'

describe('Polish public holidays', () => {
  it('come from a table that is exactly what date-holidays computes, names included, 2000-2100', () => {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof import('date-holidays').default
    const library = new Holidays('PL')
    expect(FIRST_YEAR).toBe(2000)
    expect(YEARS).toHaveLength(101)
    for (let year = 2000; year <= 2100; year++) {
      const expected = library
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name])
      expect([year, [...polishHolidays(year)]]).toEqual([year, expected])
    }
  })

  it('are asked of date-holidays itself for years outside the table', () => {
    for (const year of [1999, 2101, 2150]) {
      expect([year, [...polishHolidays(year)]]).toEqual([year, [...libraryHolidays(year)]])
    }
    expect(new Set(polishHolidays(2101).keys())).toEqual(statutoryHolidays(2101))
    expect(polishHolidays(1999).has('1999-01-06')).toBe(false) // Epiphany is a day off from 2011
    expect(publicHolidayName('2150-11-11')).toBe('Narodowe Święto Niepodległości')
  })
})
