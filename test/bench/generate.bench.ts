import { expect, it } from 'vitest'
import { generateMeetingDates } from '../../src/core/schedule'
import { medianMs, report } from './report'

it('generates 10 years of daily dates with holidays', () => {
  let count = 0
  const ms = medianMs(20, () => {
    count = generateMeetingDates({
      startDate: '2027-01-01',
      endDate: '2036-12-31',
      number: 5000,
      frequency: 'daily',
      useCalendar: true,
      startEven: false
    }).length
  })
  expect(count).toBeGreaterThan(3000)
  report(`generate 10y daily + holidays (${count} dates, warm holiday tables)`, ms, 10, 'ms')
})
