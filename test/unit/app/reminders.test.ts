/**
 * Reminders before an office hour, with the clock pinned: which dates fire, at which instant
 * (Warsaw wall clock, across the daylight-saving changes), once only (a restart included), and
 * how the scheduler plans its next look. Fixed dates, so the result never depends on the day the
 * tests run.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/core/store/db'
import { mirrorMigrations } from '../../../src/core/mirror/schema'
import {
  MAX_WAIT_MS,
  ReminderScheduler,
  isReminderDue,
  nextReminderAt,
  reminderDueAt,
  takeDueReminders,
  type Timers
} from '../../../src/core/app/reminders'
import type { ReminderNotification } from '../../../src/shared/types-notifications'
import type { Settings } from '../../../src/shared/types'
import { defaultSettings } from '../../../src/core/store/settings'

const MINUTE = 60_000
const at = (iso: string) => new Date(iso)

describe('when a reminder falls due', () => {
  it('is the lead before the Warsaw start: winter (UTC+1) and summer (UTC+2)', () => {
    expect(reminderDueAt('2026-12-07 10:00:00', 15).toISOString()).toBe('2026-12-07T08:45:00.000Z')
    expect(reminderDueAt('2027-06-07 10:00:00', 15).toISOString()).toBe('2027-06-07T07:45:00.000Z')
    expect(reminderDueAt('2027-06-07 10:00:00', 60).toISOString()).toBe('2027-06-07T07:00:00.000Z')
  })

  it('counts elapsed time across the clock changes, not wall-clock time', () => {
    // Last Sunday of March 2027: 02:00 CET jumps to 03:00 CEST. An hour before 03:30 CEST (01:30 UTC)
    // is 01:30 CET on the wall clock, two hours earlier by the clock's face.
    expect(reminderDueAt('2027-03-28 03:30:00', 60).toISOString()).toBe('2027-03-28T00:30:00.000Z')
    // A start in the skipped hour is read with the offset before the jump: 02:30 is 03:30 CEST.
    expect(reminderDueAt('2027-03-28 02:30:00', 15).toISOString()).toBe('2027-03-28T01:15:00.000Z')
    // Last Sunday of October 2026: 03:00 CEST goes back to 02:00 CET. A start in the repeated hour
    // is its first occurrence (summer time); 03:30 is CET and came 90 minutes of real time after 02:30.
    expect(reminderDueAt('2026-10-25 02:30:00', 15).toISOString()).toBe('2026-10-25T00:15:00.000Z')
    expect(reminderDueAt('2026-10-25 03:30:00', 60).toISOString()).toBe('2026-10-25T01:30:00.000Z')
  })

  it('is due from its instant until the date starts, never after, never with the reminder off', () => {
    const start = '2026-12-07 10:00:00'
    expect(isReminderDue(start, at('2026-12-07T08:44:59.999Z'), 15)).toBe(false)
    expect(isReminderDue(start, at('2026-12-07T08:45:00.000Z'), 15)).toBe(true)
    expect(isReminderDue(start, at('2026-12-07T08:59:59.999Z'), 15)).toBe(true)
    expect(isReminderDue(start, at('2026-12-07T09:00:00.000Z'), 15)).toBe(false)
    expect(isReminderDue(start, at('2026-12-07T08:50:00.000Z'), 0)).toBe(false)
  })

  it('plans the next look at the soonest reminder still ahead', () => {
    const starts = ['2026-12-07 12:00:00', '2026-12-07 10:00:00', '2026-12-07 09:00:00']
    // 09:00's reminder (07:45 UTC) has passed; 10:00's is at 08:45 UTC.
    expect(nextReminderAt(starts, at('2026-12-07T08:00:00Z'), 15)?.toISOString()).toBe(
      '2026-12-07T08:45:00.000Z'
    )
    expect(nextReminderAt(starts, at('2026-12-07T11:00:00Z'), 15)).toBeNull()
    expect(nextReminderAt(starts, at('2026-12-07T08:00:00Z'), 0)).toBeNull()
  })
})

/** A mirror with one meeting and the dates given (USOS wall-clock starts), each an hour long. */
function mirrorWith(
  dates: Array<{ id: string; start: string; main?: number; reserve?: number; rejected?: number }>
) {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'reminders-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  })
  db.prepare("INSERT INTO meetings (id, name_pl, name_en) VALUES ('m1', 'Dyżur', 'Office hour')").run()
  let participant = 0
  for (const d of dates) {
    const end = d.start.replace(/ (\d{2})/, (_, h: string) => ` ${String(Number(h) + 1).padStart(2, '0')}`)
    db.prepare(
      'INSERT INTO meeting_dates (id, meeting_id, start_time, end_time, seats_limit) VALUES (?, ?, ?, ?, 5)'
    ).run(d.id, 'm1', d.start, end)
    const add = (n: number, isReserve: number, status: string) => {
      for (let i = 0; i < n; i++)
        db.prepare(
          'INSERT INTO participants (id, meeting_date_id, status, is_reserve, external_first_name, external_last_name) VALUES (?, ?, ?, ?, ?, ?)'
        ).run(String(++participant), d.id, status, isReserve, 'Anna', `Nowak${participant}`)
    }
    add(d.main ?? 0, 0, 'accepted')
    add(d.reserve ?? 0, 1, 'awaiting')
    add(d.rejected ?? 0, 0, 'rejected')
  }
  return db
}

function moveDate(db: Database.Database, id: string, start: string): void {
  db.prepare('UPDATE meeting_dates SET start_time = ? WHERE id = ?').run(start, id)
}

describe('reminders taken from the mirror', () => {
  it('fires each date once, with its main list counted; again only when USOS moves the date', () => {
    const db = mirrorWith([
      { id: 'd1', start: '2026-12-07 10:00:00', main: 3, reserve: 2, rejected: 1 },
      { id: 'd2', start: '2026-12-07 12:00:00' }
    ])
    expect(takeDueReminders(db, at('2026-12-07T08:44:00Z'), 15)).toEqual([])
    const due = takeDueReminders(db, at('2026-12-07T08:45:00Z'), 15)
    expect(due).toEqual([
      {
        kind: 'reminder',
        meetingDateId: 'd1',
        meetingName: { pl: 'Dyżur', en: 'Office hour' },
        start: '2026-12-07 10:00:00',
        end: '2026-12-07 11:00:00',
        mainCount: 3,
        seatsLimit: 5
      }
    ])
    // Once: the next look (or a restart: the record is in the mirror) finds nothing for it.
    expect(takeDueReminders(db, at('2026-12-07T08:50:00Z'), 15)).toEqual([])
    // d2's own time.
    expect(takeDueReminders(db, at('2026-12-07T10:45:00Z'), 15).map((r) => r.meetingDateId)).toEqual(['d2'])
    // USOS moves d1 to the afternoon: a new start, a new reminder.
    moveDate(db, 'd1', '2026-12-07 15:00:00')
    expect(takeDueReminders(db, at('2026-12-07T13:40:00Z'), 30).map((r) => r.meetingDateId)).toEqual(['d1'])
  })

  it('gives none for a date already begun, and none with the reminder off', () => {
    const db = mirrorWith([{ id: 'd1', start: '2026-12-07 10:00:00' }])
    expect(takeDueReminders(db, at('2026-12-07T08:50:00Z'), 0)).toEqual([])
    expect(takeDueReminders(db, at('2026-12-07T09:00:00Z'), 15)).toEqual([])
    expect(takeDueReminders(db, at('2026-12-07T09:30:00Z'), 60)).toEqual([])
  })

  it('fires across the March change at the hour of elapsed time before', () => {
    const db = mirrorWith([{ id: 'd1', start: '2027-03-28 03:30:00' }])
    expect(takeDueReminders(db, at('2027-03-28T00:29:00Z'), 60)).toEqual([])
    expect(takeDueReminders(db, at('2027-03-28T00:30:00Z'), 60).map((r) => r.meetingDateId)).toEqual(['d1'])
  })
})

/** Timers that run nothing by themselves: the test reads what was planned. */
function manualTimers(): Timers & { planned: number[]; pending: number } {
  const handles = new Set<number>()
  let next = 0
  const timers = {
    planned: [] as number[],
    get pending() {
      return handles.size
    },
    set: (_run: () => void, ms: number) => {
      timers.planned.push(ms)
      handles.add(++next)
      return next
    },
    clear: (handle: unknown) => void handles.delete(handle as number)
  }
  return timers
}

function schedulerOver(db: Database.Database, settings: Partial<Settings>, clock: { now: Date }) {
  const shown: Array<{ accountId: string; reminder: ReminderNotification }> = []
  const timers = manualTimers()
  const ctx = {
    now: () => clock.now,
    settings: { get: () => ({ ...defaultSettings, ...settings }) },
    accounts: { active: () => ({ id: 'acc' }) },
    mirrors: { get: () => db }
  } as unknown as ConstructorParameters<typeof ReminderScheduler>[0]
  const scheduler = new ReminderScheduler(
    ctx,
    (accountId, reminder) => shown.push({ accountId, reminder }),
    timers
  )
  return { scheduler, shown, timers }
}

describe('the reminder scheduler', () => {
  it('shows what is due at each look, once, and sleeps until the next reminder (at most a minute)', () => {
    const db = mirrorWith([
      { id: 'd1', start: '2026-12-07 10:00:00', main: 1 },
      { id: 'd2', start: '2026-12-07 10:30:00' }
    ])
    const clock = { now: at('2026-12-07T08:44:30Z') }
    const { scheduler, shown, timers } = schedulerOver(db, { reminderMinutes: 15 }, clock)
    scheduler.start()
    expect(shown).toEqual([])
    // d1's reminder is 30 s away.
    expect(timers.planned.at(-1)).toBe(30_000)

    clock.now = at('2026-12-07T08:45:00Z')
    expect(scheduler.check().map((r) => r.meetingDateId)).toEqual(['d1'])
    expect(shown).toMatchObject([{ accountId: 'acc', reminder: { meetingDateId: 'd1', mainCount: 1 } }])
    // d2's is 30 minutes away: the scheduler looks again within a minute anyway.
    expect(timers.planned.at(-1)).toBe(MAX_WAIT_MS)
    expect(scheduler.check()).toEqual([])
    expect(timers.pending).toBe(1)

    // A restart (a new scheduler on the same mirror) does not show d1 again.
    const again = schedulerOver(db, { reminderMinutes: 15 }, clock)
    again.scheduler.start()
    expect(again.shown).toEqual([])

    clock.now = new Date(at('2026-12-07T09:15:00Z').getTime() + MINUTE / 2)
    expect(scheduler.check().map((r) => r.meetingDateId)).toEqual(['d2'])
    scheduler.stop()
    expect(timers.pending).toBe(0)
    expect(scheduler.check()).toEqual([])
  })

  it('shows nothing with the reminder turned off, and a longer lead takes effect at the next look', () => {
    const db = mirrorWith([{ id: 'd1', start: '2026-12-07 10:00:00' }])
    const clock = { now: at('2026-12-07T08:30:00Z') }
    const settings: Partial<Settings> = { reminderMinutes: 0 }
    const { scheduler, shown } = schedulerOver(db, settings, clock)
    scheduler.start()
    expect(shown).toEqual([])
    settings.reminderMinutes = 60
    expect(scheduler.check().map((r) => r.meetingDateId)).toEqual(['d1'])
  })
})
