import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildDraftIcs } from '../../../src/core/export/ics'
import { draftCsv, draftHtml } from '../../../src/core/export/drafts'
import { mirrorMigrations } from '../../../src/core/mirror'
import {
  deleteDraft,
  draftsInRange,
  listDrafts,
  previewDraft,
  saveDraft
} from '../../../src/core/planner/drafts'
import {
  addFreeDay,
  freeDaysFromIcs,
  importFreeDays,
  listFreeDays
} from '../../../src/core/planner/free-days'
import { openDatabase } from '../../../src/core/store'
import type { DraftInput } from '../../../src/shared/types-planner'
import type Database from 'better-sqlite3'

let db: Database.Database
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'planner-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  }).db
})

// Winter term 2026/27 Tuesdays, 10:00-11:30, odd weeks counted from the week of Oct 1.
const tuesdays: DraftInput = {
  name: 'Dyżur wtorkowy',
  facultyId: 'WMIM',
  startDate: '2026-10-01',
  endDate: '2027-01-31',
  number: 100,
  frequency: 'biweekly_odd',
  weekDay: 2,
  useCalendar: true,
  startTime: '10:00',
  durationMin: 90,
  room: '3180'
}

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n')
const allDay = (start: string, end: string, summary: string) =>
  `BEGIN:VEVENT\r\nUID:${start}-${summary}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:${start}\r\nDTEND;VALUE=DATE:${end}\r\nSUMMARY:${summary}\r\nEND:VEVENT`

describe('faculty free days from an ICS file', () => {
  it('takes all-day events as the days [start, end) and timed ones as the days they touch in Warsaw', () => {
    const days = freeDaysFromIcs(
      ics(
        allDay('20261102', '20261104', 'Dni rektorskie'),
        'BEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261208T230000Z\r\nDTEND:20261209T010000Z\r\nSUMMARY:Awaria\r\nEND:VEVENT'
      )
    )
    expect(days).toEqual([
      { day: '2026-11-02', reason: 'Dni rektorskie' },
      { day: '2026-11-03', reason: 'Dni rektorskie' },
      // 23:00 UTC on Dec 8 is already Dec 9 in Warsaw, and 01:00 UTC still Dec 9.
      { day: '2026-12-09', reason: 'Awaria' }
    ])
  })

  it('refuses a broken file with a clear message and changes nothing', () => {
    addFreeDay(db, 'WMIM', '2026-11-12', 'Dzień dziekański')
    for (const broken of ['not a calendar at all', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n', ics()]) {
      expect(() => importFreeDays(db, 'WMIM', broken)).toThrow(/iCalendar|no events/)
    }
    expect(() => importFreeDays(db, 'WMIM', ics(allDay('20260101', '20270101', 'Cały rok')))).toThrow(
      /at most/
    )
    expect(listFreeDays(db, 'WMIM')).toEqual([
      { facultyId: 'WMIM', day: '2026-11-12', reason: 'Dzień dziekański', source: 'manual' }
    ])
  })

  it('imports into one faculty, keeping the reasons typed by hand', () => {
    addFreeDay(db, 'WMIM', '2026-11-02', 'mój powód')
    const r = importFreeDays(db, 'WMIM', ics(allDay('20261102', '20261104', 'Dni rektorskie')))
    expect(r.imported).toBe(2)
    expect(r.days.map((d) => [d.day, d.reason, d.source])).toEqual([
      ['2026-11-02', 'mój powód', 'manual'],
      ['2026-11-03', 'Dni rektorskie', 'ics']
    ])
    expect(listFreeDays(db, 'WF')).toEqual([])
  })

  it('refuses an impossible day', () => {
    expect(() => addFreeDay(db, 'WMIM', '2026-02-30', '')).toThrow(/not a real date/)
  })
})

describe('a draft of office hours', () => {
  it('lists its dates, the holidays and free days it skips with their reasons, in Warsaw time across DST', () => {
    addFreeDay(db, 'WMIM', '2026-11-24', 'Dzień sportu')
    const p = previewDraft(db, tuesdays)
    // Odd weeks from the week of Thu Oct 1: Tue Sep 29 is before the start, so Oct 13 is the first.
    expect(p.dates[0]).toMatchObject({
      date: '2026-10-13',
      start: '2026-10-13 10:00:00',
      end: '2026-10-13 11:30:00'
    })
    // After the clocks go back on Oct 25 it is still 10:00 local.
    expect(p.dates.find((d) => d.date === '2026-11-10')).toMatchObject({ start: '2026-11-10 10:00:00' })
    expect(p.skipped).toEqual([{ day: '2026-11-24', kind: 'free_day', reason: 'Dzień sportu' }])
    expect(p.dates.map((d) => d.date)).not.toContain('2026-11-24')
    const christmas = previewDraft(db, {
      ...tuesdays,
      frequency: 'weekly',
      startDate: '2026-12-20',
      endDate: '2027-01-10'
    })
    expect(christmas.skipped).toEqual([])
    const holidays = previewDraft(db, {
      ...tuesdays,
      frequency: 'daily',
      startDate: '2026-12-24',
      endDate: '2026-12-27'
    })
    expect(holidays.skipped.map((s) => s.kind === 'holiday' && s.day)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26'
    ])
    expect(holidays.dates.map((d) => d.date)).toEqual(['2026-12-27'])
  })

  it('flags clashes with meeting dates, exam groups and other drafts', () => {
    db.prepare("INSERT INTO meetings (id, name_pl) VALUES ('m1', 'Konsultacje')").run()
    db.prepare(
      "INSERT INTO meeting_dates (id, meeting_id, start_time, end_time) VALUES ('d1', 'm1', '2026-10-13 11:00:00', '2026-10-13 12:00:00')"
    ).run()
    db.prepare("INSERT INTO exams (id, name_pl) VALUES ('e1', 'Egzamin')").run()
    db.prepare(
      "INSERT INTO exam_groups (exam_id, number, exam_start, exam_end, is_examiner) VALUES ('e1', 1, '2026-10-27 09:00:00', '2026-10-27 10:00:01', 1)"
    ).run()
    // Touching end to start is not a clash.
    db.prepare(
      "INSERT INTO meeting_dates (id, meeting_id, start_time, end_time) VALUES ('d2', 'm1', '2026-11-10 11:30:00', '2026-11-10 12:00:00')"
    ).run()
    const other = saveDraft(db, {
      ...tuesdays,
      name: 'Inny',
      frequency: 'weekly',
      startDate: '2026-12-01',
      endDate: '2026-12-01',
      startTime: '11:00',
      durationMin: 30
    })
    const p = previewDraft(db, tuesdays)
    expect(p.clashes.map((c) => [c.draftDate.date, c.with.kind, c.with.id])).toEqual([
      ['2026-10-13', 'meeting_date', 'd1'],
      ['2026-10-27', 'exam_group', 'exam:e1:1']
    ])
    // The other draft is on Tue Dec 1 11:00-11:30; Dec 1 is in an even week, so no clash with odd Tuesdays.
    const weekly = previewDraft(db, { ...tuesdays, frequency: 'weekly' })
    expect(
      weekly.clashes.filter((c) => c.with.kind === 'draft').map((c) => [c.draftDate.date, c.with.id])
    ).toEqual([['2026-12-01', `draft:${other.id}:2026-12-01`]])
  })

  it('is kept in the mirror, edited with a growing revision, shown in a range and deleted', () => {
    const saved = saveDraft(db, tuesdays)
    expect(listDrafts(db)).toHaveLength(1)
    const edited = saveDraft(db, { ...tuesdays, startTime: '12:15' }, saved.id)
    expect(edited.revision).toBe(saved.revision + 1)
    const inNovember = draftsInRange(db, '2026-11-01', '2026-12-01')
    expect(inNovember.map((d) => d.start)).toEqual(['2026-11-10 12:15:00', '2026-11-24 12:15:00'])
    deleteDraft(db, saved.id)
    expect(listDrafts(db)).toEqual([])
    expect(() => deleteDraft(db, saved.id)).toThrow(/no longer exists/)
  })

  it('refuses impossible input with the field at fault', () => {
    expect(() => saveDraft(db, { ...tuesdays, endDate: '2026-09-01' })).toThrow(
      expect.objectContaining({ code: 'invalid_argument', details: { field: 'end_date' } })
    )
  })

  it('exports as ICS that parses back event by event, with stable UIDs and a SEQUENCE that grows on change', () => {
    const saved = saveDraft(db, { ...tuesdays, comment: 'Proszę o zapis; pokój 3180, II piętro\nwejście B' })
    const { dates } = previewDraft(db, saved)
    const first = buildDraftIcs(db, saved, dates, { uidDomain: 'usos.example', language: 'pl' })
    // Saved again unchanged: the same events, the same SEQUENCE.
    const same = buildDraftIcs(db, saveDraft(db, saved, saved.id), dates, { uidDomain: 'usos.example' })
    const renamed = saveDraft(db, { ...saved, name: `${saved.name} (nowa nazwa)` }, saved.id)
    const again = buildDraftIcs(db, renamed, dates, { uidDomain: 'usos.example' })
    const events = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const a = events(first.text)
    const b = events(again.text)
    expect(a).toHaveLength(dates.length)
    expect(a.map((e) => e.uid)).toEqual(b.map((e) => e.uid))
    expect(events(same.text).map((e) => e.sequence)).toEqual(a.map((e) => e.sequence))
    expect(b.map((e) => e.sequence)).toEqual(a.map((e) => e.sequence + 1))
    expect(b[0]!.summary).toBe(`${saved.name} (nowa nazwa)`)
    expect(a[0]!.startDate.toString()).toBe(dates[0]!.start.replace(' ', 'T'))
    expect(a[0]!.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Warsaw')
    expect(a[0]!.description).toBe('Proszę o zapis; pokój 3180, II piętro\nwejście B')
    expect(a[0]!.location).toBe('3180')
  })

  it('prints and exports CSV with every date and the skipped days, hostile text escaped', () => {
    addFreeDay(db, 'WMIM', '2026-11-24', '<b>Dzień</b> sportu')
    const saved = saveDraft(db, { ...tuesdays, name: '<img src=x onerror=alert(1)>' })
    const p = previewDraft(db, saved)
    const html = draftHtml(p, 'pl', '2026-11-22 10:00 UTC')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x')
    for (const d of p.dates) expect(html).toContain(d.date)
    expect(html).toContain('&lt;b&gt;Dzień&lt;/b&gt; sportu')
    const csv = draftCsv(p, 'en')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(1 + p.dates.length + p.skipped.length)
  })
})
