/**
 * Reminders before an office hour starts. A date's reminder is due `lead` minutes before its start
 * (the start a Warsaw wall-clock time, read by RFC 5545's rule on the days the clock changes) and
 * is shown once: the mirror remembers each date reminded of (schema-reminders.ts), so a restart does
 * not show it again. One missed while the app was closed is shown when it opens, as long as the
 * date has not started; a date already begun gets none.
 *
 * "Now" is the app's clock (pinned in tests); the scheduler wakes at the next reminder's instant,
 * and at least every minute, so that a sync's new dates, a changed setting or a computer waking
 * from sleep are seen.
 */
import type Database from 'better-sqlite3'
import type { ReminderNotification } from '../../shared/types-notifications'
import type { Clock } from '../../shared/clock'
import { stmt } from '../mirror/statements'
import { usosDateTime, warsawInstant } from '../schedule/timed'
import type { AppContext } from './context'

const MINUTE = 60_000
/** How far ahead of the lead the mirror is asked (wall-clock bounds; the instants are then exact). */
const LOOKAHEAD_MS = 24 * 60 * MINUTE
/** Rows of dates that started longer ago than this are forgotten. */
const KEEP_SHOWN_MS = 31 * 24 * 60 * MINUTE

/** The instant a date's reminder is due: `leadMinutes` before its start. */
export function reminderDueAt(start: string, leadMinutes: number): Date {
  return new Date(warsawInstant(start).getTime() - leadMinutes * MINUTE)
}

/** Whether a date's reminder is to be shown at `now`: its time has come, and the date has not started. */
export function isReminderDue(start: string, now: Date, leadMinutes: number): boolean {
  if (leadMinutes <= 0) return false
  const begins = warsawInstant(start).getTime()
  return now.getTime() >= begins - leadMinutes * MINUTE && now.getTime() < begins
}

/** The soonest instant after `now` at which one of these dates' reminders falls due; null: none. */
export function nextReminderAt(starts: readonly string[], now: Date, leadMinutes: number): Date | null {
  if (leadMinutes <= 0) return null
  let soonest: number | null = null
  for (const start of starts) {
    const at = reminderDueAt(start, leadMinutes).getTime()
    if (at > now.getTime() && (soonest === null || at < soonest)) soonest = at
  }
  return soonest === null ? null : new Date(soonest)
}

interface Row {
  id: string
  start_time: string
  end_time: string
  seats_limit: number | null
  name_pl: string | null
  name_en: string | null
  main_count: number
}

// Dates of the account's meetings starting in the window, not yet reminded of at this start.
const CANDIDATES = `
  SELECT d.id, d.start_time, d.end_time, d.seats_limit, m.name_pl, m.name_en,
         (SELECT COUNT(*) FROM participants p
          WHERE p.meeting_date_id = d.id AND p.is_reserve = 0 AND p.status <> 'rejected') AS main_count
  FROM meeting_dates d JOIN meetings m ON m.id = d.meeting_id
  WHERE d.start_time > ? AND d.start_time <= ?
    AND NOT EXISTS (SELECT 1 FROM reminders_shown r WHERE r.meeting_date_id = d.id AND r.start_time = d.start_time)
  ORDER BY d.start_time, d.id`

function candidates(db: Database.Database, now: Date, leadMinutes: number): Row[] {
  // Wall-clock bounds an hour wider than needed on the early side (the repeated October hour);
  // isReminderDue and nextReminderAt then decide by the instants themselves.
  const from = usosDateTime(new Date(now.getTime() - 60 * MINUTE))
  const to = usosDateTime(new Date(now.getTime() + leadMinutes * MINUTE + LOOKAHEAD_MS))
  return stmt(db, CANDIDATES).all(from, to) as Row[]
}

/**
 * The reminders due at `now`, each recorded as shown in the same transaction (so it is shown once,
 * even by two processes on one profile: the one whose row went in shows it).
 */
export function takeDueReminders(
  db: Database.Database,
  now: Date,
  leadMinutes: number
): ReminderNotification[] {
  if (leadMinutes <= 0) return []
  return db
    .transaction(() => {
      stmt(db, 'DELETE FROM reminders_shown WHERE start_time < ?').run(
        usosDateTime(new Date(now.getTime() - KEEP_SHOWN_MS))
      )
      const record = stmt(
        db,
        'INSERT OR IGNORE INTO reminders_shown (meeting_date_id, start_time, shown_at) VALUES (?, ?, ?)'
      )
      const due: ReminderNotification[] = []
      for (const r of candidates(db, now, leadMinutes)) {
        if (!isReminderDue(r.start_time, now, leadMinutes)) continue
        if (record.run(r.id, r.start_time, now.toISOString()).changes === 0) continue
        due.push({
          kind: 'reminder',
          meetingDateId: r.id,
          meetingName: { pl: r.name_pl, en: r.name_en },
          start: r.start_time,
          end: r.end_time,
          mainCount: r.main_count,
          seatsLimit: r.seats_limit
        })
      }
      return due
    })
    .immediate()
}

/** When the next reminder of the mirror falls due after `now`; null: none in the next day. */
export function nextReminderCheck(db: Database.Database, now: Date, leadMinutes: number): Date | null {
  if (leadMinutes <= 0) return null
  return nextReminderAt(
    candidates(db, now, leadMinutes).map((r) => r.start_time),
    now,
    leadMinutes
  )
}

export interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = {
  set: (run, ms) => {
    const handle = setTimeout(run, ms)
    // A planned look never keeps a closing app (or a test run) alive.
    handle.unref?.()
    return handle
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** The longest the scheduler sleeps between two looks. */
export const MAX_WAIT_MS = MINUTE

/**
 * Looks at the active account's mirror when a reminder falls due (and at least every minute), and
 * hands each due reminder to `show`.
 */
export class ReminderScheduler {
  private handle: unknown = null
  private stopped = true

  constructor(
    private readonly ctx: Pick<AppContext, 'settings' | 'accounts' | 'mirrors'> & { now: Clock },
    private readonly show: (accountId: string, reminder: ReminderNotification) => void,
    private readonly timers: Timers = realTimers
  ) {}

  start(): void {
    this.stopped = false
    this.check()
  }

  stop(): void {
    this.stopped = true
    if (this.handle !== null) this.timers.clear(this.handle)
    this.handle = null
  }

  /** Shows what is due now and plans the next look; answers what it showed. */
  check(): ReminderNotification[] {
    if (this.stopped) return []
    if (this.handle !== null) this.timers.clear(this.handle)
    this.handle = null
    const now = this.ctx.now()
    let shown: ReminderNotification[] = []
    let next: Date | null = null
    try {
      const lead = this.ctx.settings.get().reminderMinutes
      const account = this.ctx.accounts.active()
      if (account && lead > 0) {
        const db = this.ctx.mirrors.get(account.id)
        shown = takeDueReminders(db, now, lead)
        for (const reminder of shown) this.show(account.id, reminder)
        next = nextReminderCheck(db, now, lead)
      }
    } catch {
      // A mirror that cannot be read now (closing, moved aside, locked): the next look tries
      // again, and the window's own calls report what is wrong with it.
    }
    const wait = next === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, next.getTime() - now.getTime())
    this.handle = this.timers.set(
      () => {
        this.handle = null
        this.check()
      },
      Math.max(1000, wait)
    )
    return shown
  }
}
