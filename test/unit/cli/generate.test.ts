import { describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'

describe('office-hours generate', () => {
  it('prints USOS datetimes in Warsaw time, across the October DST change', async () => {
    const r = await cli(
      'generate',
      '--start-date',
      '2026-10-19',
      '--end-date',
      '2026-11-30',
      '--number',
      '3',
      '--frequency',
      'weekly',
      '--week-day',
      '2',
      '--time',
      '10:00',
      '--duration',
      '90',
      '--json'
    )
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual([
      { date: '2026-10-20', start_time: '2026-10-20 10:00:00', end_time: '2026-10-20 11:30:00' },
      { date: '2026-10-27', start_time: '2026-10-27 10:00:00', end_time: '2026-10-27 11:30:00' },
      { date: '2026-11-03', start_time: '2026-11-03 10:00:00', end_time: '2026-11-03 11:30:00' }
    ])
  })

  it('skips public holidays with --use-calendar', async () => {
    const r = await cli(
      'generate',
      '--start-date',
      '2026-11-09',
      '--end-date',
      '2026-11-13',
      '--number',
      '10',
      '--frequency',
      'week_days',
      '--use-calendar',
      '--json'
    )
    expect(JSON.parse(r.out).map((d: { date: string }) => d.date)).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-12',
      '2026-11-13'
    ])
  })

  it.each([
    [
      ['--start-date', '2026-11-10', '--end-date', '2026-11-01', '--number', '3', '--frequency', 'daily'],
      /before start_date/
    ],
    [
      ['--start-date', '2026-11-01', '--end-date', '2026-11-10', '--number', '0', '--frequency', 'daily'],
      /--number must be from 1/
    ],
    [
      ['--start-date', '2026-11-01', '--end-date', '2026-11-10', '--number', '3', '--frequency', 'hourly'],
      /--frequency must be one of/
    ],
    [
      ['--start-date', '2026-02-30', '--end-date', '2026-03-10', '--number', '3', '--frequency', 'daily'],
      /real date/
    ],
    [
      [
        '--start-date',
        '2026-11-01',
        '--end-date',
        '2026-11-10',
        '--number',
        '3',
        '--frequency',
        'daily',
        '--time',
        '25:00'
      ],
      /--time/
    ],
    [['--start-date', '2026-11-01', '--number', '3', '--frequency', 'daily'], /--end-date is required/],
    [['--start-date', '2026-11-01', '--bogus'], /Unknown option/]
  ])('refuses bad input %j with one line on stderr and nothing on stdout', async (args, message) => {
    const r = await cli('generate', ...args)
    expect(r.code).not.toBe(0)
    expect(r.out).toBe('')
    expect(r.err).toMatch(message)
    expect(r.err.trim().split('\n')).toHaveLength(1)
  })

  it('reports an unknown command', async () => {
    const r = await cli('frobnicate')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/unknown command "frobnicate"/)
  })
})
