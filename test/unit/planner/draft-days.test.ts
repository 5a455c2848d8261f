import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { beforeEach, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { buildDraftIcs } from '../../../src/core/export/ics'
import { draftCsv } from '../../../src/core/export/drafts'
import { mirrorMigrations } from '../../../src/core/mirror'
import {
  deleteDraft,
  draftsInRange,
  getDraft,
  listDrafts,
  previewDraft,
  saveDraft
} from '../../../src/core/planner/drafts'
import { addFreeDay } from '../../../src/core/planner/free-days'
import { matchDraftWithUsos, usosWebParameters } from '../../../src/core/planner/usos-match'
import { openDatabase } from '../../../src/core/store'
import {
  editedDays,
  effectiveEdits,
  editsWithin,
  hasDay,
  normalizeEdits,
  toggleDay
} from '../../../src/shared/draft-days'
import type { DraftInput } from '../../../src/shared/types-planner'

const days = (p: { dates: Array<{ date: string }> }) => p.dates.map((d) => d.date)

describe('the edited set of a draft’s days (shared by the core and the month grid)', () => {
  const generated = ['2026-10-13', '2026-10-27', '2026-11-24']

  it('is the generated days less the removed, with the added, in order and each once', () => {
    expect(
      editedDays(generated, { addedDays: ['2026-11-11', '2026-10-13'], removedDays: ['2026-10-27'] })
    ).toEqual(['2026-10-13', '2026-11-11', '2026-11-24'])
    // A day both added and removed counts as added.
    expect(normalizeEdits({ addedDays: ['2026-11-11', '2026-11-11'], removedDays: ['2026-11-11'] })).toEqual({
      addedDays: ['2026-11-11'],
      removedDays: []
    })
  })

  it('toggles a day: a generated one is excluded and let back, another added and forgotten', () => {
    const none = { addedDays: [], removedDays: [] }
    const removed = toggleDay(generated, none, '2026-10-27')
    expect(removed).toEqual({ addedDays: [], removedDays: ['2026-10-27'] })
    expect(hasDay(generated, removed, '2026-10-27')).toBe(false)
    expect(toggleDay(generated, removed, '2026-10-27')).toEqual(none)
    const added = toggleDay(generated, none, '2026-11-11')
    expect(added).toEqual({ addedDays: ['2026-11-11'], removedDays: [] })
    expect(toggleDay(generated, added, '2026-11-11')).toEqual(none)
    // An exclusion the rule no longer makes is kept; clicking the day then adds it.
    const stale = { addedDays: [], removedDays: ['2026-10-20'] }
    expect(hasDay(generated, stale, '2026-10-20')).toBe(false)
    expect(toggleDay(generated, stale, '2026-10-20')).toEqual({ addedDays: ['2026-10-20'], removedDays: [] })
  })

  it('names only the edits that change the dates (what USOSweb needs done by hand)', () => {
    expect(
      effectiveEdits(generated, {
        addedDays: ['2026-10-13', '2026-11-11'],
        removedDays: ['2026-10-20', '2026-11-24']
      })
    ).toEqual({ addedDays: ['2026-11-11'], removedDays: ['2026-11-24'] })
  })

  it('keeps the edits within a term and counts those left out', () => {
    expect(
      editsWithin(
        { addedDays: ['2026-11-11', '2027-03-04'], removedDays: ['2026-10-27', '2027-09-30'] },
        '2027-03-01',
        '2027-09-30'
      )
    ).toEqual({ addedDays: ['2027-03-04'], removedDays: ['2027-09-30'], droppedAdded: 1, droppedRemoved: 1 })
  })
})

let db: Database.Database
let file: string
beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'draft-days-')), 'mirror.sqlite')
  db = openDatabase(file, { migrations: mirrorMigrations }).db
})

// Wednesdays of odd weeks from the week of Thu Oct 1, 2026: Nov 11 (Independence Day) is skipped.
const wednesdays: DraftInput = {
  name: 'Dyżur środowy',
  facultyId: 'WMIM',
  startDate: '2026-10-01',
  endDate: '2026-12-31',
  number: 100,
  frequency: 'biweekly_odd',
  weekDay: 3,
  useCalendar: true,
  startTime: '10:00',
  durationMin: 90
}

describe('a draft with days added and removed by hand', () => {
  it('previews the edited set, a holiday added back deliberately, and the days off of the months it spans', () => {
    addFreeDay(db, 'WMIM', '2026-10-30', 'Dzień sportu')
    const plain = previewDraft(db, wednesdays)
    expect(plain.skipped.map((s) => s.day)).toEqual(['2026-11-11'])
    expect(days(plain)).toContain('2026-10-28')
    const edited = previewDraft(db, {
      ...wednesdays,
      addedDays: ['2026-11-11', '2026-10-16'],
      removedDays: ['2026-10-28']
    })
    expect(days(edited)).toEqual(
      [...days(plain).filter((d) => d !== '2026-10-28'), '2026-10-16', '2026-11-11'].sort()
    )
    expect(edited.dates).toHaveLength(plain.dates.length + 1)
    // Added back: no longer among the skipped, and at the draft's time.
    expect(edited.skipped).toEqual([])
    expect(edited.dates.find((d) => d.date === '2026-11-11')).toMatchObject({
      start: '2026-11-11 10:00:00',
      end: '2026-11-11 11:30:00'
    })
    expect(edited.generatedDays).toEqual(days(plain))
    // The month grid's days off: every holiday and free day of October to December.
    expect(edited.daysOff.map((d) => [d.day, d.kind])).toEqual([
      ['2026-10-30', 'free_day'],
      ['2026-11-01', 'holiday'],
      ['2026-11-11', 'holiday'],
      ['2026-12-24', 'holiday'],
      ['2026-12-25', 'holiday'],
      ['2026-12-26', 'holiday']
    ])
  })

  it('keeps its edits when saved, reloaded and regenerated under a changed rule, and drops them with the draft', () => {
    const saved = saveDraft(db, { ...wednesdays, addedDays: ['2026-11-11'], removedDays: ['2026-10-14'] })
    expect(getDraft(db, saved.id)).toMatchObject({ addedDays: ['2026-11-11'], removedDays: ['2026-10-14'] })
    // A new time and every week now: the edits still apply to the regenerated dates.
    const changed = saveDraft(db, { ...saved, frequency: 'weekly', startTime: '12:00' }, saved.id)
    const again = openDatabase(file, { migrations: mirrorMigrations }).db
    const reloaded = previewDraft(again, getDraft(again, changed.id))
    expect(days(reloaded)).toContain('2026-11-11')
    expect(days(reloaded)).not.toContain('2026-10-14')
    expect(days(reloaded)).toContain('2026-10-21')
    expect(reloaded.dates.find((d) => d.date === '2026-11-11')?.start).toBe('2026-11-11 12:00:00')
    // Every other way the draft's dates are read uses the edited set: the calendar, ICS, CSV.
    expect(draftsInRange(again, '2026-11-01', '2026-11-30').map((d) => d.date)).toContain('2026-11-11')
    const ics = buildDraftIcs(again, changed, reloaded.dates, { uidDomain: 'usos.example' })
    const starts = new ICAL.Component(ICAL.parse(ics.text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).startDate.toString().slice(0, 10))
    expect(starts).toEqual(days(reloaded))
    expect(draftCsv(reloaded, 'pl')).toContain('"2026-11-11"')
    expect(listDrafts(again)[0]).toMatchObject({ addedDays: ['2026-11-11'], removedDays: ['2026-10-14'] })
    // Saved without edits: they are gone; deleted: no row is left behind.
    saveDraft(again, { ...changed, addedDays: [], removedDays: [] }, changed.id)
    expect(getDraft(again, changed.id)).toMatchObject({ addedDays: [], removedDays: [] })
    saveDraft(again, { ...changed }, changed.id)
    expect(again.prepare('SELECT COUNT(*) AS n FROM planner_draft_days').get()).toEqual({ n: 2 })
    deleteDraft(again, changed.id)
    expect(again.prepare('SELECT COUNT(*) AS n FROM planner_draft_days').get()).toEqual({ n: 0 })
  })

  it('refuses a day that does not exist, naming the field', () => {
    expect(() => saveDraft(db, { ...wednesdays, addedDays: ['2026-02-30'] })).toThrow(
      expect.objectContaining({ code: 'invalid_argument', details: { field: 'addedDays' } })
    )
  })

  it('flags clashes and meets USOS with the edited set, and says what to do by hand in USOSweb', () => {
    db.prepare("INSERT INTO meetings (id, name_pl) VALUES ('m1', 'Konsultacje')").run()
    // USOS has the added day, and something else on a generated day the draft removed.
    db.prepare(
      `INSERT INTO meeting_dates (id, meeting_id, start_time, end_time) VALUES
         ('d1', 'm1', '2026-11-11 10:00:00', '2026-11-11 11:30:00'),
         ('d2', 'm1', '2026-10-14 10:30:00', '2026-10-14 11:00:00')`
    ).run()
    const plain = previewDraft(db, wednesdays)
    expect(plain.clashes.map((c) => c.draftDate.date)).toEqual(['2026-10-14'])
    const saved = saveDraft(db, { ...wednesdays, addedDays: ['2026-11-11'], removedDays: ['2026-10-14'] })
    const edited = previewDraft(db, saved)
    expect(edited.clashes.map((c) => [c.draftDate.date, c.with.id])).toEqual([['2026-11-11', 'd1']])
    const match = matchDraftWithUsos(db, saved.id)
    expect(match.total).toBe(edited.dates.length)
    expect(match.matched.map((m) => m.meetingDateId)).toEqual(['d1'])
    expect(match.missing.map((d) => d.date)).not.toContain('2026-10-14')
    expect(usosWebParameters(db, saved)).toMatchObject({
      add_by_hand: ['2026-11-11'],
      remove_by_hand: ['2026-10-14']
    })
  })
})

describe('migration 12 (planner days)', () => {
  it('brings a mirror with drafts from version 11, the drafts unedited', () => {
    const old = join(mkdtempSync(join(tmpdir(), 'draft-days-old-')), 'mirror.sqlite')
    const v11 = openDatabase(old, { migrations: mirrorMigrations.slice(0, 11) }).db
    expect(v11.pragma('user_version', { simple: true })).toBe(11)
    v11
      .prepare(
        `INSERT INTO planner_drafts (id, name, start_date, end_date, number, frequency, start_time, duration_min, created_at, updated_at)
         VALUES ('x', 'Stary szkic', '2026-10-01', '2026-10-31', 3, 'weekly', '09:00', 60, '', '')`
      )
      .run()
    v11.close()
    const v12 = openDatabase(old, { migrations: mirrorMigrations }).db
    expect(v12.pragma('user_version', { simple: true })).toBe(mirrorMigrations.length)
    expect(getDraft(v12, 'x')).toMatchObject({ name: 'Stary szkic', addedDays: [], removedDays: [] })
    saveDraft(v12, { ...getDraft(v12, 'x'), addedDays: ['2026-10-30'] }, 'x')
    expect(days(previewDraft(v12, getDraft(v12, 'x')))).toEqual([
      '2026-10-01',
      '2026-10-08',
      '2026-10-15',
      '2026-10-30'
    ])
  })
})
