import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { profileWithAccount } from '../../helpers/profile'
import { syncMeetings } from '../../../src/core/sync'
import { fakeUsos } from '../../helpers/fake-usos'
import { MirrorSet } from '../../../src/core/app/mirrors'

/** A profile signed in to one account whose mirror holds what `usos` answers. */
async function signedInProfile(usos: ReturnType<typeof fakeUsos>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-mirror-'))
  const mirrors = profileWithAccount(dir)
  await syncMeetings(mirrors.get('acc1'), usos.usos, {
    lecturerId: '7',
    from: '2026-11-01',
    to: '2027-03-01'
  })
  mirrors.closeAll()
  return dir
}

let dataDir: string
beforeAll(async () => {
  dataDir = await signedInProfile(fakeUsos())
})

describe('CLI commands over the mirror', () => {
  it('calendar lists dates between two days inclusive, as JSON', async () => {
    const r = await cli(
      'calendar',
      '--from',
      '2026-11-24',
      '--to',
      '2026-12-01',
      '--json',
      '--data-dir',
      dataDir
    )
    expect(r.err).toBe('')
    const items = JSON.parse(r.out) as Array<{ id: string; kind: string; start: string; accepted: number }>
    expect(keysOf(items).filter((k) => !/^[a-z0-9_]+$/.test(k))).toEqual([])
    expect(items.map((i) => [i.id, i.kind, i.start, i.accepted])).toEqual([
      ['10', 'meeting_date', '2026-11-24 10:00:00', 1],
      ['11', 'meeting_date', '2026-12-01 10:00:00', 0]
    ])
    const one = await cli(
      'calendar',
      '--from',
      '2026-11-25',
      '--to',
      '2026-11-30',
      '--json',
      '--data-dir',
      dataDir
    )
    expect(JSON.parse(one.out)).toEqual([])
  })

  it('participants prints json, csv with BOM, and html', async () => {
    const json = await cli('participants', '--meeting-date', '10', '--format', 'json', '--data-dir', dataDir)
    const list = JSON.parse(json.out)
    expect(list.main.map((p: { last_name: string }) => p.last_name)).toEqual(['Nowak'])
    // One naming in every JSON the CLI prints: snake_case, as USOS names its fields.
    expect(keysOf(list).filter((k) => !/^[a-z0-9_]+$/.test(k))).toEqual([])
    expect(keysOf(list)).toContain('meeting_id')
    const csv = await cli('participants', '--meeting-date', '10', '--format', 'csv', '--data-dir', dataDir)
    expect(csv.out.startsWith('\uFEFF')).toBe(true)
    expect(csv.out).toContain('"Anna Nowak"')
    const html = await cli('participants', '--meeting-date', '10', '--format', 'html', '--data-dir', dataDir)
    expect(html.out).toContain('<table>')
    const missing = await cli('participants', '--meeting-date', '999', '--data-dir', dataDir)
    expect(missing.code).not.toBe(0)
    expect(missing.err).toMatch(/not in the local data/)
    expect(missing.out).toBe('')
  })

  it("attendance marks, prints and clears a date's attendance, kept across runs, never for a stranger", async () => {
    const shown = await cli('attendance', '--meeting-date', '10', '--data-dir', dataDir)
    expect(shown.code, shown.err).toBe(0)
    expect(JSON.parse(shown.out)).toEqual([
      expect.objectContaining({ participant_id: '100', name: 'Anna Nowak', list: 'main', attendance: null })
    ])
    const marked = await cli('attendance', '--meeting-date', '10', '--late', '100', '--data-dir', dataDir)
    expect(marked.code, marked.err).toBe(0)
    expect(JSON.parse(marked.out)[0]).toMatchObject({ participant_id: '100', attendance: 'late' })
    // Another run reads what the mirror kept.
    const again = await cli('attendance', '--meeting-date', '10', '--data-dir', dataDir)
    expect(JSON.parse(again.out)[0]).toMatchObject({ attendance: 'late' })
    const stranger = await cli(
      'attendance',
      '--meeting-date',
      '10',
      '--present',
      '100,999',
      '--data-dir',
      dataDir
    )
    expect(stranger.code).not.toBe(0)
    expect(stranger.err).toMatch(/999 is not on the lists/)
    expect(stranger.out).toBe('')
    // Nothing of a refused run was written: 100 is still late.
    expect(
      JSON.parse((await cli('attendance', '--meeting-date', '10', '--data-dir', dataDir)).out)[0]
    ).toMatchObject({
      attendance: 'late'
    })
    const cleared = await cli('attendance', '--meeting-date', '10', '--clear', '100', '--data-dir', dataDir)
    expect(JSON.parse(cleared.out)[0]).toMatchObject({ attendance: null })
    const missing = await cli('attendance', '--meeting-date', '999', '--data-dir', dataDir)
    expect(missing.code).not.toBe(0)
  })

  it('participants prints the lists and columns chosen, refuses unknown names in one line, and writes XLSX', async () => {
    await cli('attendance', '--meeting-date', '10', '--present', '100', '--data-dir', dataDir)
    const chosen = await cli(
      'participants',
      '--meeting-date',
      '10',
      '--lists',
      'main',
      '--columns',
      'name,attendance',
      '--format',
      'json',
      '--data-dir',
      dataDir
    )
    expect(chosen.code, chosen.err).toBe(0)
    expect(JSON.parse(chosen.out)).toEqual([
      { list: 'main', rows: [{ name: 'Anna Nowak', attendance: 'obecny' }] }
    ])
    const csv = await cli(
      'participants',
      '--meeting-date',
      '10',
      '--columns',
      'place,name',
      '--format',
      'csv',
      '--data-dir',
      dataDir
    )
    expect(csv.out).toBe('\uFEFF"Lista";"Lp.";"Imię i nazwisko"\r\n"Lista główna";"1";"Anna Nowak"\r\n')
    const unknown = await cli(
      'participants',
      '--meeting-date',
      '10',
      '--columns',
      'name,phone',
      '--data-dir',
      dataDir
    )
    expect(unknown.code).not.toBe(0)
    expect(unknown.err.trim().split('\n')).toHaveLength(1)
    expect(unknown.err).toMatch(/Unknown column: phone/)
    const noOut = await cli('participants', '--meeting-date', '10', '--format', 'xlsx', '--data-dir', dataDir)
    expect(noOut.err).toMatch(/needs --out/)
    const file = join(dataDir, 'lista.xlsx')
    const xlsx = await cli(
      'participants',
      '--meeting-date',
      '10',
      '--format',
      'xlsx',
      '--out',
      file,
      '--data-dir',
      dataDir
    )
    expect(xlsx).toMatchObject({ code: 0, out: '1\n' })
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')
    await cli('attendance', '--meeting-date', '10', '--clear', '100', '--data-dir', dataDir)
  })

  it('export-ics writes the file and prints the number of events', async () => {
    const out = join(dataDir, 'cal.ics')
    const r = await cli('export-ics', '--out', out, '--data-dir', dataDir)
    expect(r).toMatchObject({ code: 0, out: '2\n', err: '' })
    const events = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8'))).getAllSubcomponents('vevent')
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      'meeting-date-10@usos.example.edu.pl',
      'meeting-date-11@usos.example.edu.pl'
    ])
    expect(
      (
        await cli(
          'export-ics',
          '--out',
          out,
          '--from',
          '2026-12-01',
          '--to',
          '2026-12-01',
          '--data-dir',
          dataDir
        )
      ).out
    ).toBe('1\n')
  })

  it("export-ics --meeting writes that meeting's dates only", async () => {
    const usos = fakeUsos()
    usos.state.meetings.push({
      ...structuredClone(usos.state.meetings[0]!),
      id: 2,
      name: { pl: 'Konsultacje magisterskie', en: "Master's consultations" }
    })
    usos.state.dates.push(
      ...[12, 13].map((id, i) => ({
        ...structuredClone(usos.state.dates[1]!),
        id,
        meeting: { id: 2 },
        start_time: `2026-12-0${3 + i} 12:00:00`,
        end_time: `2026-12-0${3 + i} 13:00:00`
      }))
    )
    Object.assign(usos.state.participants, { 12: [], 13: [] })
    const dir = await signedInProfile(usos)
    // An exam group the user examines: in the whole calendar, never in one meeting's.
    const mirrors = new MirrorSet(dir)
    mirrors.get('acc1').exec(`
      INSERT INTO exams (id, course_id, name_pl, name_en) VALUES ('E1', '1000-ALG', 'Egzamin', 'Exam');
      INSERT INTO exam_groups (exam_id, number, exam_start, exam_end, is_examiner)
        VALUES ('E1', 1, '2026-12-03 09:00:00', '2026-12-03 11:00:00', 1);
    `)
    mirrors.closeAll()
    const exported = async (...args: string[]) => {
      const out = join(dir, `${args.join('-') || 'all'}.ics`)
      const r = await cli('export-ics', '--out', out, ...args, '--data-dir', dir)
      expect(r.err).toBe('')
      expect(r.code).toBe(0)
      const events = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
      expect(r.out).toBe(`${events.length}\n`)
      return events.map((e) => [e.uid.replace('@usos.example.edu.pl', ''), e.summary])
    }
    expect(await exported('--meeting', '2')).toEqual([
      ['meeting-date-12', 'Konsultacje magisterskie'],
      ['meeting-date-13', 'Konsultacje magisterskie']
    ])
    expect(await exported('--meeting', '1')).toEqual([
      ['meeting-date-10', 'Dyżur'],
      ['meeting-date-11', 'Dyżur']
    ])
    expect(await exported('--meeting', '2', '--from', '2026-12-04', '--to', '2026-12-31')).toEqual([
      ['meeting-date-13', 'Konsultacje magisterskie']
    ])
    expect(await exported('--meeting', '999')).toEqual([])
    expect((await exported()).map(([uid]) => uid)).toEqual([
      'meeting-date-10',
      'meeting-date-11',
      'meeting-date-12',
      'meeting-date-13',
      'exam-group-E1-1'
    ])
  })

  it('explains what is missing instead of failing obscurely', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cli-empty-'))
    const r = await cli('calendar', '--from', '2026-11-01', '--to', '2026-11-30', '--data-dir', empty)
    expect(r.code).not.toBe(0)
    expect(r.err).toMatch(/sign in first/)
    const bad = await cli('calendar', '--from', '2026-13-01', '--to', '2026-11-30', '--data-dir', dataDir)
    expect(bad.err).toMatch(/--from must be a date/)
    const noDir = await cli('export-ics', '--out', '/nonexistent/dir/x.ics', '--data-dir', dataDir)
    expect(noDir.err).toMatch(/does not exist/)
  })
})

describe("a meeting's attendance from the command line", () => {
  /** A demo-sized meeting: four students on Nov 24, two of them again on Dec 1. */
  async function profileWithStudents(): Promise<string> {
    const usos = fakeUsos()
    const student = (id: number, userId: string, first: string, last: string, number: string) => ({
      ...usos.state.participants[10]![0]!,
      id,
      user: { id: userId, first_name: first, last_name: last, student_number: number }
    })
    usos.state.participants[10] = [
      ...usos.state.participants[10]!,
      student(101, '56', 'Łucja', 'Żak', '400001'),
      student(102, '57', 'Adam', 'Dąbrowski', '400002'),
      student(103, '58', 'Ewa', 'Duda', '400003')
    ]
    usos.state.participants[11] = [
      student(111, '56', 'Łucja', 'Żak', '400001'),
      student(112, '57', 'Adam', 'Dąbrowski', '400002')
    ]
    for (const [i, n] of [
      [0, 4],
      [1, 2]
    ] as const)
      Object.assign(usos.state.dates[i]!, {
        registered_participants_count: n,
        accepted_participants_count: n
      })
    return signedInProfile(usos)
  }

  it('attendance --meeting sums each student over the dates as CSV in Polish order, or JSON, or into a file', async () => {
    const dir = await profileWithStudents()
    const run = (...args: string[]) => cli('attendance', ...args, '--data-dir', dir)
    expect(
      (await run('--meeting-date', '10', '--present', '100,101', '--absent', '102', '--late', '103')).code
    ).toBe(0)
    expect((await run('--meeting-date', '11', '--late', '111', '--present', '112')).code).toBe(0)
    const csv = await run('--meeting', '1', '--format', 'csv')
    expect(csv.err).toBe('')
    expect(csv.code).toBe(0)
    expect(csv.out).toBe(
      '\uFEFF' +
        [
          '"Imię i nazwisko";"Nr albumu";"Obecny";"Spóźniony";"Nieobecny";"Obecności"',
          '"Adam Dąbrowski";"400002";"1";"0";"1";"1 z 2"',
          '"Ewa Duda";"400003";"0";"1";"0";"1 z 1"',
          '"Anna Nowak";"123456";"1";"0";"0";"1 z 1"',
          '"Łucja Żak";"400001";"1";"1";"0";"2 z 2"'
        ].join('\r\n') +
        '\r\n'
    )
    const english = await run('--meeting', '1', '--format', 'csv', '--lang', 'en')
    expect(english.out.split('\r\n')[1]).toBe('"Adam Dąbrowski","400002","1","0","1","1 of 2"')
    const json = JSON.parse((await run('--meeting', '1')).out) as Array<Record<string, unknown>>
    expect(keysOf(json).filter((k) => !/^[a-z0-9_]+$/.test(k))).toEqual([])
    expect(json.at(-1)).toMatchObject({ name: 'Łucja Żak', student_number: '400001', attended: 2, marked: 2 })
    const file = join(dir, 'obecnosc.csv')
    expect(await run('--meeting', '1', '--format', 'csv', '--out', file)).toMatchObject({
      code: 0,
      out: '4\n'
    })
    expect(readFileSync(file, 'utf8')).toBe(csv.out)
  })

  it('refuses what does not fit in one line, printing nothing', async () => {
    const dir = await profileWithStudents()
    for (const args of [
      ['--meeting', '1', '--format', 'xlsx'],
      ['--meeting', '1', '--meeting-date', '10'],
      ['--meeting', '1', '--present', '100'],
      ['--meeting-date', '10', '--format', 'csv'],
      ['--meeting', '999']
    ]) {
      const r = await cli('attendance', ...args, '--data-dir', dir)
      expect(r.code, args.join(' ')).not.toBe(0)
      expect(r.out).toBe('')
      expect(r.err.trim().split('\n')).toHaveLength(1)
    }
  })
})

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
  return []
}
