import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addFreeDay } from '../../../src/core/planner/free-days'
import { cli } from '../../helpers/cli'
import { profileWithAccount } from '../../helpers/profile'

/** A profile with one account whose mirror keeps a dean's day of WMIM on Friday, Nov 13, 2026. */
function profileWithFreeDay(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-generate-'))
  const mirrors = profileWithAccount(dataDir)
  addFreeDay(mirrors.get('acc1'), 'WMIM', '2026-11-13', 'Dzień dziekański')
  mirrors.closeAll()
  return dataDir
}

const week = ['--start-date', '2026-11-09', '--end-date', '2026-11-13', '--number', '10']
const datesOf = (out: string) => (JSON.parse(out) as Array<{ date: string }>).map((d) => d.date)

const savedTz = process.env.TZ
afterEach(() => {
  process.env.TZ = savedTz
})

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

  it('skips the faculty’s free days kept in the profile with --use-calendar --fac-id', async () => {
    const dataDir = profileWithFreeDay()
    const r = await cli(
      'generate',
      ...week,
      ...['--frequency', 'week_days', '--use-calendar', '--fac-id', 'WMIM', '--data-dir', dataDir, '--json']
    )
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    // Nov 11 is a public holiday, Nov 13 the dean's day.
    expect(datesOf(r.out)).toEqual(['2026-11-09', '2026-11-10', '2026-11-12'])
    const other = await cli(
      'generate',
      ...week,
      ...['--frequency', 'week_days', '--use-calendar', '--fac-id', 'WF', '--data-dir', dataDir, '--json']
    )
    expect(datesOf(other.out)).toEqual(['2026-11-09', '2026-11-10', '2026-11-12', '2026-11-13'])
  })

  it('refuses --fac-id without --use-calendar instead of ignoring it', async () => {
    const dataDir = profileWithFreeDay()
    for (const args of [
      [...week, '--frequency', 'week_days', '--fac-id', 'WMIM', '--data-dir', dataDir, '--json'],
      // Before looking for a profile: the mistake is in the command line.
      [...week, '--frequency', 'daily', '--fac-id', 'WMIM', '--data-dir', join(dataDir, 'nowhere')]
    ]) {
      const r = await cli('generate', ...args)
      expect(r.code).not.toBe(0)
      expect(r.out).toBe('')
      expect(r.err).toMatch(/^office-hours generate: --fac-id needs --use-calendar\b/)
      expect(r.err.trim().split('\n')).toHaveLength(1)
    }
    const empty = await cli('generate', ...week, '--frequency', 'daily', '--use-calendar', '--fac-id', '')
    expect(empty.code).not.toBe(0)
    expect(empty.out).toBe('')
    expect(empty.err.trim()).toBe('office-hours generate: --fac-id must not be empty')
  })

  it('prints the same Warsaw times in any machine zone, past midnight and in the repeated hour', async () => {
    const outputs = new Set<string>()
    for (const zone of ['UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Tehran']) {
      process.env.TZ = zone
      const r = await cli(
        'generate',
        ...[
          '--start-date',
          '2026-10-24',
          '--end-date',
          '2026-10-25',
          '--number',
          '2',
          '--frequency',
          'daily'
        ],
        ...['--time', '02:30', '--duration', '90', '--json']
      )
      expect(r.err).toBe('')
      outputs.add(r.out)
    }
    expect([...outputs].map((o) => JSON.parse(o))).toEqual([
      [
        { date: '2026-10-24', start_time: '2026-10-24 02:30:00', end_time: '2026-10-24 04:00:00' },
        // 02:30 comes twice on Oct 25: the first, summer-time one; 90 minutes later the clock shows 03:00.
        { date: '2026-10-25', start_time: '2026-10-25 02:30:00', end_time: '2026-10-25 03:00:00' }
      ]
    ])
    const text = await cli(
      'generate',
      ...['--start-date', '2026-11-20', '--end-date', '2026-11-21', '--number', '2', '--frequency', 'daily'],
      ...['--time', '23:00', '--duration', '120']
    )
    expect(text.out).toBe(
      '2026-11-20 23:00:00 - 2026-11-21 01:00:00\n2026-11-21 23:00:00 - 2026-11-22 01:00:00\n'
    )
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
