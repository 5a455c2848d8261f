/**
 * The local generator (the core, as the planner calls it, and the CLI's `generate`) and the demo
 * installation's `services/meetings/generate_meeting_dates`, called over HTTP with the app's own
 * signed client, give the same answer for any parameters: every frequency, week_day given or not,
 * start_even and use_calendar given, false or true, fac_id or none, ranges over several years with
 * the weeks of both daylight-saving changes, and refused input (refused by both, naming the same
 * parameter). The two share no code: the installation's generator, holiday table and Easter are its
 * own (src/emulator/modules/meetings/generate.ts, holidays.ts; lint keeps src/emulator and src/core
 * apart), written from the method's reference page, so agreement here is evidence, not identity.
 *
 * Free days. With fac_id the installation skips the faculty's and its parent units' free days,
 * from its own table `meetings_fac_free_days`; USOS has no method that lists them, so this test
 * reads them from the demo's database file (and, while the demo is stopped, first adds more days
 * there across the years the ranges cover, so that free days fall in many ranges). The app keeps
 * free days per faculty in the mirror's `free_days` table, a flat list with no faculty tree: here,
 * as a user would, the units above's days (the university's calendar) are imported from an ICS
 * file and the faculty's own typed in, both under the faculty's id.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MirrorSet } from '../../src/core/app/mirrors'
import { addFreeDay, freeDaySet, importFreeDays } from '../../src/core/planner/free-days'
import {
  FREQUENCIES,
  GenerateInputError,
  generateMeetingDates,
  type GenerateInput
} from '../../src/core/schedule'
import { UsosClient, UsosError } from '../../src/core/usos'
import { startDemoServer, type DemoServer } from '../../src/emulator'
import { cli } from '../helpers/cli'
import { profileWithAccount } from '../helpers/profile'

const DAY_MS = 86_400_000
const ROOT = '00000000'
/** The university, a faculty, an institute under it, another faculty: three levels of the tree. */
const FACULTIES = [ROOT, 'WMIM', 'WMIM-II', 'WF', 'WF-IFT']
const YEARS = [2025, 2026, 2027, 2028, 2029]

const day = (t: number) => new Date(t).toISOString().slice(0, 10)
const plusDays = (d: string, n: number) => day(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS)
const lastSunday = (year: number, month: number): string => {
  const last = new Date(Date.UTC(year, month, 0))
  return day(last.getTime() - last.getUTCDay() * DAY_MS)
}

/** Free days added to the demo's own table, by unit: breaks, bridge days, days by the DST weekends. */
function extraFreeDays(year: number): Array<[string, string]> {
  const spring = lastSunday(year, 3)
  const autumn = lastSunday(year, 10)
  const run = (from: string, n: number) => Array.from({ length: n }, (_, i) => plusDays(from, i))
  return [
    ...run(`${year}-02-01`, 7).map((d) => [ROOT, d] as [string, string]),
    ...run(`${year}-12-27`, 5).map((d) => [ROOT, d] as [string, string]),
    [ROOT, `${year}-05-02`],
    [ROOT, plusDays(spring, -1)],
    [ROOT, plusDays(autumn, 1)],
    ['WMIM', `${year}-11-10`],
    ['WMIM', `${year}-06-05`],
    ['WMIM', spring],
    ['WMIM', plusDays(autumn, -2)],
    ['WMIM', `${year}-11-11`], // also a public holiday
    ['WMIM-II', `${year}-04-15`],
    ['WMIM-II', plusDays(spring, 1)],
    ['WF', `${year}-03-10`],
    ['WF', `${year}-11-12`],
    ['WF-IFT', plusDays(autumn, 2)]
  ]
}

let dataDir: string
let server: DemoServer
let client: UsosClient
let mirrors: MirrorSet
/** The installation's free days for each fac_id (its own and its parent units'), from its tables. */
const serverFreeDays = new Map<string, Set<string>>()

/** An ICS calendar with one all-day event per run of consecutive days. */
function icsOf(days: string[], summary: string): string {
  const sorted = [...days].sort()
  const events: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === plusDays(sorted[j] as string, 1)) j++
    const compact = (d: string) => d.replaceAll('-', '')
    events.push(
      [
        'BEGIN:VEVENT',
        `UID:${sorted[i]}-${summary}`,
        'DTSTAMP:20250101T000000Z',
        `DTSTART;VALUE=DATE:${compact(sorted[i] as string)}`,
        `DTEND;VALUE=DATE:${compact(plusDays(sorted[j] as string, 1))}`,
        `SUMMARY:${summary}`,
        'END:VEVENT'
      ].join('\r\n')
    )
    i = j + 1
  }
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n')
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'generate-parity-'))
  const demoDir = join(dataDir, 'demo')
  const options = { scale: 'small', seed: 7, dataDir: demoDir, referenceDate: '2026-10-15' } as const
  // Seed the demo, then, while it is stopped, add free days to its own table and read them back.
  await (await startDemoServer(options)).close()
  const demoDb = new Database(join(demoDir, 'demo-installation.sqlite'))
  const setup: Array<{ fac: string; own: string[]; above: string[] }> = []
  try {
    const insert = demoDb.prepare('INSERT OR IGNORE INTO meetings_fac_free_days (fac_id, day) VALUES (?, ?)')
    demoDb.transaction(() => {
      for (const year of YEARS) for (const [fac, d] of extraFreeDays(year)) insert.run(fac, d)
    })()
    const parent = demoDb.prepare('SELECT parent_id FROM faculties WHERE id = ?')
    const daysOf = demoDb.prepare('SELECT day FROM meetings_fac_free_days WHERE fac_id = ?')
    for (const fac of FACULTIES) {
      // The faculty, then the units above it up to the university.
      const chain = [fac]
      let up = (parent.get(fac) as { parent_id: string | null }).parent_id
      while (up !== null) {
        chain.push(up)
        up = (parent.get(up) as { parent_id: string | null }).parent_id
      }
      const own = (daysOf.all(fac) as Array<{ day: string }>).map((r) => r.day)
      const above = chain.slice(1).flatMap((f) => (daysOf.all(f) as Array<{ day: string }>).map((r) => r.day))
      serverFreeDays.set(fac, new Set([...own, ...above]))
      setup.push({ fac, own, above })
    }
  } finally {
    demoDb.close()
  }

  mirrors = profileWithAccount(dataDir, '100001')
  const mirror = mirrors.get('acc1')
  // The app's side: the units above's calendar imported from ICS, the faculty's own days typed in.
  for (const { fac, own, above } of setup) {
    if (above.length > 0) importFreeDays(mirror, fac, icsOf(above, 'Kalendarz uczelni'))
    for (const d of own) addFreeDay(mirror, fac, d, 'Dzień wolny wydziału')
  }

  server = await startDemoServer(options)
  const base = new UsosClient({
    baseUrl: server.baseUrl,
    consumer: { key: server.consumerKey, secret: server.consumerSecret }
  })
  const rt = await base.requestToken('oob', ['offline_access', 'staff_perspective'])
  client = base.withToken(await base.accessToken(rt, server.approve(rt.key, 'lecturer')))
})

afterAll(async () => {
  mirrors?.closeAll()
  await server?.close()
})

/** Any start from 2025 to 2029, a third of them within days of a DST change; now and then refused input. */
const cases = fc.record({
  start: fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2029, 11, 31) }).map(day) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          year: fc.constantFrom(...YEARS),
          month: fc.constantFrom(3, 10),
          shift: fc.integer({ min: -10, max: 3 })
        })
        .map((r) => plusDays(lastSunday(r.year, r.month), r.shift))
    }
  ),
  span: fc.oneof(
    { weight: 40, arbitrary: fc.integer({ min: 0, max: 1100 }) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 3658, max: 3662 }) }
  ),
  number: fc.oneof(
    { weight: 40, arbitrary: fc.integer({ min: 1, max: 400 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 5000, 5001) }
  ),
  frequency: fc.constantFrom(...FREQUENCIES),
  weekDay: fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    { weight: 20, arbitrary: fc.integer({ min: 1, max: 7 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 8) }
  ),
  startEven: fc.constantFrom(undefined, false, true),
  useCalendar: fc.constantFrom(undefined, false, true, true),
  facId: fc.constantFrom(undefined, ...FACULTIES),
  machineZone: fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York', 'Pacific/Apia')
})
type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never

/** The installation's answer: the dates, or the parameter it refused. */
async function server_(c: Case, endDate: string): Promise<string[] | { refused: string | null }> {
  try {
    return await client.call<string[]>('meetings/generate_meeting_dates', {
      start_date: c.start,
      end_date: endDate,
      number: c.number,
      frequency: c.frequency,
      week_day: c.weekDay,
      start_even: c.startEven,
      use_calendar: c.useCalendar,
      fac_id: c.facId
    })
  } catch (e) {
    if (e instanceof UsosError && e.usosCode === 'param_invalid') return { refused: e.paramName }
    throw e
  }
}

/** The core's answer with the free days the app keeps for the faculty (as the planner and CLI read them). */
function local(c: Case, endDate: string): string[] | { refused: string | null } {
  const input: GenerateInput = {
    startDate: c.start,
    endDate,
    number: c.number,
    frequency: c.frequency,
    ...(c.weekDay !== undefined ? { weekDay: c.weekDay } : {}),
    useCalendar: c.useCalendar === true,
    startEven: c.startEven === true,
    freeDays: freeDaySet(mirrors.get('acc1'), c.facId)
  }
  try {
    return generateMeetingDates(input)
  } catch (e) {
    if (e instanceof GenerateInputError) return { refused: e.param }
    throw e
  }
}

/** The CLI's answer over the same profile; it takes --fac-id only with --use-calendar. */
async function viaCli(c: Case, endDate: string): Promise<string[] | { refused: true }> {
  const args = ['--start-date', c.start, '--end-date', endDate, '--number', String(c.number)]
  args.push('--frequency', c.frequency, '--data-dir', dataDir, '--json')
  if (c.weekDay !== undefined) args.push('--week-day', String(c.weekDay))
  if (c.startEven) args.push('--start-even')
  if (c.useCalendar) args.push('--use-calendar')
  if (c.useCalendar && c.facId !== undefined) args.push('--fac-id', c.facId)
  const r = await cli('generate', ...args)
  if (r.code !== 0) return { refused: true }
  return (JSON.parse(r.out) as Array<{ date: string }>).map((d) => d.date)
}

describe('local generation and the installation’s generate_meeting_dates', () => {
  it('start from the same free days: the mirror keeps, per faculty, what the installation skips', () => {
    for (const fac of FACULTIES) {
      expect([fac, [...freeDaySet(mirrors.get('acc1'), fac)].sort()]).toEqual([
        fac,
        [...(serverFreeDays.get(fac) ?? [])].sort()
      ])
    }
    // The seeded ones among them: WMIM's dean's days (and so its institutes'), the rector's day.
    for (const fac of ['WMIM', 'WMIM-II']) {
      expect(serverFreeDays.get(fac)?.has('2026-11-13')).toBe(true)
      expect(serverFreeDays.get(fac)?.has('2026-11-14')).toBe(true)
    }
    expect(serverFreeDays.get('WF')?.has('2026-11-13')).toBe(false)
    for (const fac of FACULTIES) expect(serverFreeDays.get(fac)?.has('2026-12-11')).toBe(true)
  })

  it('give the same dates, and refuse the same input, for any parameters', async () => {
    const seen = { runs: 0, refused: 0, freeDaySkipped: 0, dstWeek: 0 }
    const savedTz = process.env.TZ
    try {
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          process.env.TZ = c.machineZone
          const endDate = plusDays(c.start, c.span)
          const fromServer = await server_(c, endDate)
          expect(fromServer).toEqual(local(c, endDate))
          const fromCli = await viaCli(c, endDate)
          if (Array.isArray(fromServer)) expect(fromCli).toEqual(fromServer)
          else expect(fromCli).toEqual({ refused: true })

          seen.runs++
          if (!Array.isArray(fromServer)) {
            seen.refused++
            return
          }
          const holidaysOnly = local({ ...c, facId: undefined }, endDate) as string[]
          if (holidaysOnly.join() !== fromServer.join()) seen.freeDaySkipped++
          if (
            YEARS.some((y) =>
              [lastSunday(y, 3), lastSunday(y, 10)].some(
                (s) => c.start <= s && s <= (fromServer.at(-1) ?? '')
              )
            )
          )
            seen.dstWeek++
        }),
        { numRuns: 150, seed: 20261025 }
      )
    } finally {
      process.env.TZ = savedTz
    }
    // Not vacuous: free days changed the answer in many runs, some input was refused, DST crossed.
    expect(seen.runs).toBe(150)
    expect(seen.freeDaySkipped).toBeGreaterThanOrEqual(10)
    expect(seen.refused).toBeGreaterThanOrEqual(5)
    expect(seen.dstWeek).toBeGreaterThanOrEqual(30)
  })

  it('skip, with fac_id, the faculty’s and its parent units’ free days', async () => {
    // Dec 27-31 is the university's break; Nov 10 WMIM's day; Apr 15 the institute's (2027).
    const week = (start_date: string, end_date: string, fac_id?: string) =>
      client.call<string[]>('meetings/generate_meeting_dates', {
        start_date,
        end_date,
        number: 20,
        frequency: 'week_days',
        use_calendar: true,
        fac_id
      })
    for (const [start, end, fac] of [
      ['2027-12-20', '2028-01-07', 'WMIM-II'],
      ['2027-11-08', '2027-11-12', 'WMIM'],
      ['2027-04-12', '2027-04-16', 'WMIM-II'],
      ['2027-04-12', '2027-04-16', 'WMIM']
    ] as const) {
      const expected = generateMeetingDates({
        startDate: start,
        endDate: end,
        number: 20,
        frequency: 'week_days',
        useCalendar: true,
        startEven: false,
        freeDays: freeDaySet(mirrors.get('acc1'), fac)
      })
      expect(await week(start, end, fac)).toEqual(expected)
    }
    expect(await week('2027-12-20', '2028-01-07', 'WMIM-II')).toEqual([
      '2027-12-20',
      '2027-12-21',
      '2027-12-22',
      '2027-12-23',
      '2028-01-03',
      '2028-01-04',
      '2028-01-05',
      '2028-01-07'
    ])
    expect(await week('2027-04-12', '2027-04-16', 'WMIM-II')).not.toContain('2027-04-15')
    expect(await week('2027-04-12', '2027-04-16', 'WMIM')).toContain('2027-04-15')
    expect(await week('2027-11-08', '2027-11-12', 'WMIM')).toEqual(['2027-11-08', '2027-11-09', '2027-11-12'])
  })
})
