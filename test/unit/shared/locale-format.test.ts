import { describe, expect, it } from 'vitest'
import {
  compareNames,
  formatDayRange,
  formatDayShort,
  formatDayTime,
  formatMonthTitle,
  formatWarsawStamp,
  formatWarsawTime,
  sortByText
} from '../../../src/shared/locale-format'

describe('Polish order and formats', () => {
  it('sorts names by Polish collation, not by code point', () => {
    const names = [
      'Dąbrowska',
      'Duda',
      'Głowacka',
      'Górski',
      'Żak',
      'Zając',
      'Łukasik',
      'Lis',
      'Śliwa',
      'Szewc'
    ]
    expect(sortByText(names, (n) => n)).toEqual([
      'Dąbrowska',
      'Duda',
      'Głowacka',
      'Górski',
      'Lis',
      'Łukasik',
      'Szewc',
      'Śliwa',
      'Zając',
      'Żak'
    ])
    // Code-point order would put every letter with a diacritic after "Z".
    expect([...names].sort()).not.toEqual(sortByText(names, (n) => n))
  })

  it('orders people by last name, then first name', () => {
    const people = [
      { lastName: 'Nowak', firstName: 'Łucja' },
      { lastName: 'Nowak', firstName: 'Anna' },
      { lastName: 'Kowalska', firstName: 'Zofia' }
    ]
    expect([...people].sort((a, b) => compareNames(a, b)).map((p) => p.firstName)).toEqual([
      'Zofia',
      'Anna',
      'Łucja'
    ])
  })

  it('writes days and ranges as Polish readers write them', () => {
    expect(formatDayShort(new Date(2027, 0, 2))).toBe('sob., 2 stycznia')
    expect(formatDayShort(new Date(2027, 0, 2), 'en')).toBe('Sat, 2 January')
    expect(formatDayRange(new Date(2026, 10, 30), new Date(2026, 11, 6))).toBe(
      '30 listopada – 6 grudnia 2026'
    )
    expect(formatDayRange(new Date(2026, 11, 1), new Date(2026, 11, 7))).toBe('1–7 grudnia 2026')
    expect(formatDayRange(new Date(2026, 11, 28), new Date(2027, 0, 3))).toBe(
      '28 grudnia 2026 – 3 stycznia 2027'
    )
    expect(formatDayTime(new Date(2026, 10, 30, 8, 0))).toBe('pon., 30 listopada, 8:00')
    expect(formatMonthTitle(new Date(2026, 11, 1))).toBe('grudzień 2026')
  })

  it('stamps an instant in Warsaw time, whatever the zone of the machine', () => {
    // 16:14 UTC in December is 17:14 in Warsaw (CET); in July 18:14 (CEST).
    expect(formatWarsawTime(new Date('2026-12-04T16:14:00Z'))).toBe('17:14')
    expect(formatWarsawTime(new Date('2027-07-20T16:14:00Z'))).toBe('18:14')
    expect(formatWarsawStamp(new Date('2026-12-04T16:14:00Z'))).toBe('4 grudnia 2026 17:14')
  })
})
