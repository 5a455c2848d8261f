import {
  FREQUENCIES,
  GenerateInputError,
  generateMeetingDates,
  type Frequency
} from '../../core/schedule/generate'
import { CLOCK_TIME, timedDate } from '../../core/schedule/timed'
import { freeDaySet } from '../../core/planner/free-days'
import { dataDirOf, openActiveMirror } from './profile'
import { intOption, parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import { cliJson } from '../json'
import type { CliCommand } from './index'

export const generateCommand: CliCommand = {
  summary: 'generate meeting dates locally (as services/meetings/generate_meeting_dates)',
  async run(args, io) {
    const o = parseOptions(args, {
      'start-date': { type: 'string' },
      'end-date': { type: 'string' },
      number: { type: 'string' },
      frequency: { type: 'string' },
      'week-day': { type: 'string' },
      'use-calendar': { type: 'boolean', default: false },
      'fac-id': { type: 'string' },
      'start-even': { type: 'boolean', default: false },
      time: { type: 'string' },
      duration: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false }
    })
    const frequency = requireOption(o.frequency, 'frequency')
    if (!(FREQUENCIES as readonly string[]).includes(frequency)) {
      throw new CliError(`--frequency must be one of ${FREQUENCIES.join(', ')}, got "${frequency}"`)
    }
    const time = o.time ?? '10:00'
    if (!CLOCK_TIME.test(time)) throw new CliError(`--time must be HH:MM (24-hour), got "${time}"`)
    const duration = intOption(o.duration, 'duration', 1, 24 * 60) ?? 90
    const weekDay = intOption(o['week-day'], 'week-day', 1, 7)
    // --fac-id with --use-calendar: the faculty's free days kept in the profile's mirror (the planner's).
    // Without the calendar no free day is skipped, so a faculty given alone is a mistake, not a no-op.
    let freeDays: Set<string> = new Set()
    const facId = o['fac-id']
    if (facId !== undefined && facId.trim() === '') throw new CliError('--fac-id must not be empty')
    if (facId !== undefined && o['use-calendar'] !== true) {
      throw new CliError(
        "--fac-id needs --use-calendar: the faculty's free days are skipped only with the calendar"
      )
    }
    if (facId !== undefined) {
      const profile = openActiveMirror(dataDirOf(o['data-dir']), io)
      try {
        freeDays = freeDaySet(profile.mirror, facId)
      } finally {
        profile.close()
      }
    }
    let dates: string[]
    try {
      dates = generateMeetingDates({
        startDate: requireOption(o['start-date'], 'start-date'),
        endDate: requireOption(o['end-date'], 'end-date'),
        number: intOption(requireOption(o.number, 'number'), 'number', 1, 5000) as number,
        frequency: frequency as Frequency,
        ...(weekDay !== undefined ? { weekDay } : {}),
        useCalendar: o['use-calendar'] === true,
        startEven: o['start-even'] === true,
        freeDays
      })
    } catch (error) {
      if (error instanceof GenerateInputError) throw new CliError(error.message)
      throw error
    }
    const items = dates.map((day) => timedDate(day, time, duration))
    if (o.json) io.out(`${cliJson(items)}\n`)
    else
      for (const item of items) {
        // The end's time alone when on the same day; its full datetime when past midnight.
        const sameDay = item.end_time.slice(0, 10) === item.start_time.slice(0, 10)
        io.out(`${item.start_time} - ${sameDay ? item.end_time.slice(11) : item.end_time}\n`)
      }
    return 0
  }
}
