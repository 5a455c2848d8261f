import { describe, expect, it } from 'vitest'
import { TZDate } from '@date-fns/tz'
import { copyAge, syncAtOpen } from '../../../src/shared/sync-schedule'
import { testToday } from '../../helpers/clock'

const minutes = (n: number) => n * 60 * 1000
const ago = (now: Date, n: number) => new Date(now.getTime() - minutes(n))

describe('when the window syncs by itself and warns of an old copy', () => {
  // Times in Warsaw on the tests' day (pinned by OFFICE_HOURS_NOW where it is set).
  const [y, m, d] = testToday().split('-').map(Number) as [number, number, number]
  const at = (hour: number, minute: number) =>
    new Date(new TZDate(y, m - 1, d, hour, minute, 'Europe/Warsaw').getTime())
  const noon = at(12, 0)

  it('calls a copy fresh within the hour, old after it, and old when it is from an earlier day', () => {
    expect(copyAge(null, noon)).toBe('never')
    expect(copyAge(ago(noon, 59), noon)).toBe('fresh')
    expect(copyAge(ago(noon, 61), noon)).toBe('old')
    // Ten past midnight in Warsaw: a sync twenty minutes before was yesterday's; five minutes before, today's.
    const justAfterMidnight = at(0, 10)
    expect(copyAge(ago(justAfterMidnight, 20), justAfterMidnight)).toBe('old')
    expect(copyAge(ago(justAfterMidnight, 5), justAfterMidnight)).toBe('fresh')
  })

  it('syncs at opening when the copy is older than the interval, never when automatic syncs are off', () => {
    expect(syncAtOpen(null, noon, 10)).toBe(true)
    expect(syncAtOpen(ago(noon, 11), noon, 10)).toBe(true)
    expect(syncAtOpen(ago(noon, 3), noon, 10)).toBe(false)
    expect(syncAtOpen(ago(noon, 600), noon, 0)).toBe(false)
    expect(syncAtOpen(null, noon, 0)).toBe(false)
  })
})
