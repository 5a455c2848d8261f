import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { mirrorMigrations } from '../../../src/core/mirror'
import { copyDraftToTerm, copyName, draftForTerm } from '../../../src/core/planner/copy'
import { listDrafts, previewDraft, saveDraft } from '../../../src/core/planner/drafts'
import { addFreeDay } from '../../../src/core/planner/free-days'
import { plannerOptions } from '../../../src/core/planner/options'
import { plannerTerms } from '../../../src/core/planner/terms'
import { openDatabase } from '../../../src/core/store'
import { pinnedClock } from '../../../src/shared/clock'
import { testToday } from '../../helpers/clock'
import type { PlannerTermView } from '../../../src/shared/types-planner'

let db: Database.Database
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'planner-copy-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  }).db
})

const usosTerm = (id: string, pl: string, start: string, end: string) =>
  db
    .prepare('INSERT INTO terms (id, name_pl, name_en, start_date, end_date) VALUES (?, ?, ?, ?, ?)')
    .run(
      id,
      pl,
      pl.replace('Semestr zimowy', 'Winter semester').replace('Semestr letni', 'Summer semester'),
      start,
      end
    )

const brief = (terms: PlannerTermView[]) => terms.map((t) => [t.name.pl, t.startDate, t.endDate, t.source])

describe('the terms the planner offers', () => {
  it('are USOS’s from the mirror and the next semesters assumed by the academic year, those over left out', () => {
    usosTerm('2026Z', 'Semestr zimowy 2026/27', '2026-10-01', '2027-02-28')
    usosTerm('2025L', 'Semestr letni 2025/26', '2026-03-01', '2026-09-30')
    expect(brief(plannerTerms(db, '2026-11-20'))).toEqual([
      ['Semestr zimowy 2026/27', '2026-10-01', '2027-02-28', 'usos'],
      ['Semestr letni 2026/27', '2027-03-01', '2027-09-30', 'assumed'],
      // 2028 is a leap year: the winter semester runs to Feb 29.
      ['Semestr zimowy 2027/28', '2027-10-01', '2028-02-29', 'assumed'],
      ['Semestr letni 2027/28', '2028-03-01', '2028-09-30', 'assumed']
    ])
    // On a summer day the winter semester is over; USOS's summer one stands for the assumed one.
    usosTerm('2026L', 'Semestr letni 2026/27', '2027-02-22', '2027-09-30')
    expect(brief(plannerTerms(db, '2027-05-10'))).toEqual([
      ['Semestr letni 2026/27', '2027-02-22', '2027-09-30', 'usos'],
      ['Semestr zimowy 2027/28', '2027-10-01', '2028-02-21', 'assumed'],
      ['Semestr letni 2027/28', '2028-02-22', '2028-09-30', 'assumed']
    ])
  })

  it('place the two semesters where the latest USOS term ends, and are offered with the faculties and meetings', () => {
    usosTerm('2026Z', 'Semestr zimowy 2026/27', '2026-10-01', '2027-02-14')
    const terms = plannerOptions(db, '2026-12-01').terms
    expect(terms.find((t) => t.name.pl === 'Semestr letni 2026/27')).toMatchObject({
      id: 'assumed:2026/27-L',
      startDate: '2027-02-15',
      endDate: '2027-09-30',
      name: { en: 'Summer semester 2026/27' }
    })
  })

  it('are there whatever day it is, with at least one after the current one', () => {
    const today = testToday()
    const terms = plannerTerms(db, today)
    expect(terms.length).toBeGreaterThanOrEqual(3)
    expect(terms.every((t) => t.endDate >= today && t.startDate <= t.endDate)).toBe(true)
    expect(terms.some((t) => t.startDate > today)).toBe(true)
  })
})

describe('a draft copied to another term', () => {
  // Pinned: a day in the winter semester 2026/27.
  const now = pinnedClock(new Date('2026-11-20T10:00:00+01:00'))

  it('keeps the rule, skips the new term’s holidays and free days, and keeps only the edits inside it', () => {
    usosTerm('2026Z', 'Semestr zimowy 2026/27', '2026-10-01', '2027-02-28')
    addFreeDay(db, 'WMIM', '2027-04-15', 'Dzień sportu')
    // Thursdays of odd weeks from the week of Thu Oct 1 (the start date's weekday: no weekday named).
    const winter = saveDraft(db, {
      name: 'Dyżur czwartkowy',
      facultyId: 'WMIM',
      startDate: '2026-10-01',
      endDate: '2027-02-28',
      number: 40,
      frequency: 'biweekly_odd',
      useCalendar: true,
      startTime: '12:15',
      durationMin: 60,
      room: '3180',
      addedDays: ['2026-11-13', '2027-03-05'],
      removedDays: ['2026-10-15']
    })
    const summer = plannerTerms(db, '2026-11-20').find(
      (t) => t.startDate > winter.endDate && t.name.pl?.startsWith('Semestr letni')
    )!
    const copy = copyDraftToTerm(db, winter.id, summer.id, 'pl', now())
    expect(copy).toMatchObject({ droppedAdded: 1, droppedRemoved: 1 })
    expect(copy.draft).toMatchObject({
      name: 'Dyżur czwartkowy (kopia, semestr letni 2026/27)',
      startDate: summer.startDate,
      endDate: summer.endDate,
      frequency: 'biweekly_odd',
      weekDay: 4,
      startTime: '12:15',
      durationMin: 60,
      room: '3180',
      addedDays: ['2027-03-05'],
      removedDays: []
    })
    expect(copy.draft.id).not.toBe(winter.id)
    expect(listDrafts(db)).toHaveLength(2)
    const p = previewDraft(db, copy.draft)
    // Odd weeks counted from the week of Mon Mar 1, 2027: Mar 4 is the first Thursday.
    expect(p.dates[0]).toMatchObject({ date: '2027-03-04', start: '2027-03-04 12:15:00' })
    expect(p.dates.map((d) => d.date)).toContain('2027-03-05')
    expect(p.dates.every((d) => d.date >= summer.startDate && d.date <= summer.endDate)).toBe(true)
    // Corpus Christi (May 27, 2027) and the faculty's sports day fall on odd Thursdays: skipped.
    expect(p.skipped).toEqual([
      { day: '2027-04-15', kind: 'free_day', reason: 'Dzień sportu' },
      { day: '2027-05-27', kind: 'holiday', name: 'Dzień Bożego Ciała' }
    ])
  })

  it('starts a monthly series on the same day of the month, in the first month of the term that has it', () => {
    const monthly = saveDraft(db, {
      name: 'Raz w miesiącu',
      startDate: '2026-10-31',
      endDate: '2027-02-28',
      number: 5,
      frequency: 'monthly',
      startTime: '09:00',
      durationMin: 45
    })
    const summer = plannerTerms(db, '2026-11-20').find((t) => t.name.pl?.startsWith('Semestr letni'))!
    // March has a 31st; the copy of a series on the 15th starts on March 15.
    expect(draftForTerm(monthly, summer, 'pl').input).toMatchObject({
      startDate: '2027-03-31',
      weekDay: null
    })
    expect(draftForTerm({ ...monthly, startDate: '2026-10-15' }, summer, 'pl').input.startDate).toBe(
      `${summer.startDate.slice(0, 7)}-15`
    )
  })

  it('is refused for a term the planner does not offer, and names the term in English when asked', () => {
    const draft = saveDraft(db, {
      name: 'Office hours',
      startDate: '2026-10-01',
      endDate: '2026-10-31',
      number: 5,
      frequency: 'weekly',
      startTime: '10:00',
      durationMin: 30
    })
    expect(() => copyDraftToTerm(db, draft.id, 'assumed:1999/00-Z', 'pl', now())).toThrow(
      expect.objectContaining({ code: 'invalid_argument', details: { field: 'termId' } })
    )
    const term = plannerTerms(db, '2026-11-20').find((t) => t.startDate > '2026-11-20')!
    expect(copyName('Office hours', term, 'en')).toBe(`Office hours (copy, ${term.name.en!.toLowerCase()})`)
    expect(copyName('x'.repeat(300), term, 'pl')).toHaveLength(200)
  })
})
