import { describe, expect, it } from 'vitest'
import { calendarHash, parseCalendarPlace, parseRoute } from '../../../src/renderer/app/useHashRoute'

describe("the calendar's place in its address", () => {
  it('reads the view and the date back from what it wrote', () => {
    const hash = calendarHash({ view: 'agenda', date: '2027-01-02' })
    expect(hash).toBe('#/calendar?view=agenda&date=2027-01-02')
    expect(parseCalendarPlace(hash)).toEqual({ view: 'agenda', date: '2027-01-02' })
    expect(parseRoute(hash)).toEqual({ section: 'calendar' })
  })

  it('ignores what is not a view or a day, and other pages', () => {
    expect(parseCalendarPlace('#/calendar?view=day&date=2027-13')).toEqual({})
    expect(parseCalendarPlace('#/calendar')).toEqual({})
    expect(parseCalendarPlace('#/meetings?view=month')).toEqual({})
    expect(parseRoute('#/date/12')).toEqual({ section: 'date', id: '12' })
  })
})
