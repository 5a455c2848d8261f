import { expect, it } from 'vitest'
import { generateMeetingDates, type GenerateInput } from '../../src/core/schedule'
import { medianMs, report } from './report'

const TARGET_MS = 10
/** The first call in a process: holidays ready without setting up a library (issue 19). */
const COLD_TARGET_MS = 20
const tenYears: GenerateInput = {
  startDate: '2027-01-01',
  endDate: '2036-12-31',
  number: 5000,
  frequency: 'daily',
  useCalendar: true,
  startEven: false
}

it('generates 10 years of daily dates with holidays, cold and warm', () => {
  // The first call in this process (its own fork): ten years of holidays are looked up and the
  // code is not yet optimized. Only this file's call comes before it.
  const t = performance.now()
  const count = generateMeetingDates(tenYears).length
  const coldMs = performance.now() - t
  expect(count).toBeGreaterThan(3000)
  let warmCount = 0
  const warmMs = medianMs(20, () => {
    warmCount = generateMeetingDates(tenYears).length
  })
  expect(warmCount).toBe(count)
  report(`generate 10y daily + holidays (${count} dates), first call (cold)`, coldMs, COLD_TARGET_MS, 'ms')
  report(`generate 10y daily + holidays (${count} dates), warm median of 20`, warmMs, TARGET_MS, 'ms')
})
