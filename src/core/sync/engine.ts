/**
 * Brings an account's mirror in step with USOS, with as few requests as the API allows:
 *   1. in parallel: the lecturer's meetings (`meetings/lecturer`, nested selectors for faculty and
 *      term) and all their dates in the window (`meetings/user_calendar`, one call for the window);
 *   2. participants (`meetings/meeting_date_participants`) only for dates that are new or whose
 *      counts changed (all of them with `full`), in parallel up to the client's concurrency bound,
 *      today's first, then this week's, then the rest by nearness to now (see order.ts).
 * A no-change sync is therefore 2 requests. Each batch is written in one synchronous transaction,
 * so a crash leaves the last consistent mirror.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { replaceParticipants, upsertMeeting, upsertMeetingDate, pendingTargets } from '../mirror/write'
import { stmt } from '../mirror/statements'
import { recordedRun } from './runs'
import { readingOrder } from './order'
import {
  MEETING_DATE_FIELDS,
  MEETING_FIELDS,
  PARTICIPANT_FIELDS,
  expectList,
  toMeeting,
  toMeetingDate,
  toParticipant,
  type WireMeetingDate
} from './wire'

export interface UsosCaller {
  call<T = unknown>(
    method: string,
    params?: Record<string, string | number | boolean | undefined>,
    opts?: { signal?: AbortSignal }
  ): Promise<T>
}

export interface SyncProgress {
  phase: 'meetings' | 'participants' | 'done'
  done: number
  total: number
}

export interface SyncOptions {
  lecturerId: string
  /** The window of dates kept in step (YYYY-MM-DD, from inclusive, to exclusive). */
  from: string
  to: string
  /** Re-read every date's participants, not only the changed ones. */
  full?: boolean
  signal?: AbortSignal
  onProgress?: (p: SyncProgress) => void
  /** The clock the run is recorded by (default: the system's). */
  now?: () => Date
}

export interface SyncSummary {
  requests: number
  elapsed_ms: number
  meetings: number
  meeting_dates: number
  participants: number
  participant_lists_read: number
  deleted: { meetings: number; meeting_dates: number }
}

const DAY_MS = 86_400_000
/** How long arrived participant lists may wait to be written together. */
const PARTICIPANTS_FLUSH_MS = 50

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new AppError(
      'conflict',
      'The sync was cancelled; the mirror keeps what was already written.',
      { kind: 'cancelled' },
      { key: 'syncCancelled' }
    )
}

export async function syncMeetings(
  db: Database.Database,
  usos: UsosCaller,
  options: SyncOptions
): Promise<SyncSummary> {
  const days = daysBetween(options.from, options.to)
  if (!(days > 0))
    throw new AppError('invalid_argument', `The sync window ${options.from}..${options.to} is empty.`)
  return recordedRun(db, 'meetings', options.now ?? (() => new Date()), (syncId) =>
    runSync(db, usos, options, syncId, days)
  )
}

async function runSync(
  db: Database.Database,
  usos: UsosCaller,
  options: SyncOptions,
  syncId: number,
  days: number
): Promise<SyncSummary> {
  const started = Date.now()
  let requests = 0
  const call = async <T>(
    method: string,
    params: Record<string, string | number | boolean | undefined>
  ): Promise<T> => {
    checkCancelled(options.signal)
    requests++
    return usos.call<T>(method, params, options.signal ? { signal: options.signal } : {})
  }
  options.onProgress?.({ phase: 'meetings', done: 0, total: 2 })

  const [rawMeetings, rawDates] = await Promise.all([
    call<unknown>('services/meetings/lecturer', { user_id: options.lecturerId, fields: MEETING_FIELDS }),
    call<unknown>('services/meetings/user_calendar', {
      lecturer_id: options.lecturerId,
      start: options.from,
      days,
      fields: MEETING_DATE_FIELDS
    })
  ])
  // Parse everything before writing anything: a malformed answer leaves the mirror untouched.
  const meetings = expectList(rawMeetings, 'the lecturer’s meetings').map(toMeeting)
  const dates = expectList(rawDates, 'the lecturer’s calendar')
    .map(toMeetingDate)
    .filter((d) => d.start_time >= `${options.from} 00:00:00` && d.start_time < `${options.to} 00:00:00`)
  checkCancelled(options.signal)

  const deleted = { meetings: 0, meeting_dates: 0 }
  const stale: WireMeetingDate[] = []
  db.transaction(() => {
    for (const m of meetings) upsertMeeting(db, m, syncId)
    const known = new Set(meetings.map((m) => m.id))
    for (const d of dates) {
      // A date of a meeting the lecturer list did not name (a colleague's shared meeting): keep the
      // date's meeting as a bare row so the date is not lost.
      if (!known.has(d.meeting.id)) {
        stmt(db, 'INSERT OR IGNORE INTO meetings (id, sync_id) VALUES (?, ?)').run(d.meeting.id, syncId)
        known.add(d.meeting.id)
      }
      if (upsertMeetingDate(db, d, syncId) || options.full) stale.push(d)
    }
    const pendingDates = pendingTargets(db, 'meeting_dates')
    const goneDates = stmt(
      db,
      'SELECT id FROM meeting_dates WHERE start_time >= ? AND start_time < ? AND sync_id <> ?'
    ).all(`${options.from} 00:00:00`, `${options.to} 00:00:00`, syncId) as Array<{ id: string }>
    for (const { id } of goneDates) {
      if (pendingDates.has(id)) continue
      stmt(db, 'DELETE FROM meeting_dates WHERE id = ?').run(id)
      deleted.meeting_dates++
    }
    deleted.meetings = stmt(db, 'DELETE FROM meetings WHERE sync_id <> ?').run(syncId).changes
  })()
  options.onProgress?.({ phase: 'participants', done: 0, total: stale.length })

  let done = 0
  let participants = 0
  // Lists are written whole, each with its fingerprint, a few at a time: one commit (an fsync,
  // the mirror is synchronous=FULL) per list would hold the event loop for ~1 ms each and delay
  // the next requests. What arrived is written on failure or cancellation too.
  const arrived: Array<{ date: WireMeetingDate; list: ReturnType<typeof toParticipant>[] }> = []
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  // After a failure, answers still in flight are dropped: the sync is over, the db may be closing.
  let over = false
  // A write that failed in the timer (a full disk, a lock held too long) ends the sync like a
  // foreground failure: kept here and thrown below, never an uncaught exception.
  let flushError: unknown = null
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer)
    flushTimer = null
    const batch = arrived.splice(0)
    if (batch.length === 0) return
    db.transaction(() => {
      for (const { date, list } of batch) replaceParticipants(db, date, list, syncId)
    })()
  }
  const flushInBackground = () => {
    try {
      flush()
    } catch (error) {
      flushError ??= error
      over = true
    }
  }
  // Requests go out in this order (the client's queue is first come, first served); this week's
  // lists are written as soon as the last of them is in, not at the next flush.
  const { ordered, thisWeek } = readingOrder(stale, (options.now ?? (() => new Date()))())
  let thisWeekLeft = thisWeek.size
  try {
    await Promise.all(
      ordered.map(async (date) => {
        const raw = await call<unknown>('services/meetings/meeting_date_participants', {
          meeting_date_id: date.id,
          fields: PARTICIPANT_FIELDS
        })
        const list = expectList(raw, 'a meeting date’s participants').map(toParticipant)
        if (over) return
        arrived.push({ date, list })
        if (thisWeek.has(date) && --thisWeekLeft === 0) flushInBackground()
        else flushTimer ??= setTimeout(flushInBackground, PARTICIPANTS_FLUSH_MS)
        participants += list.length
        options.onProgress?.({ phase: 'participants', done: ++done, total: stale.length })
      })
    )
  } finally {
    over = true
    if (flushError === null) flush()
    else if (flushTimer) clearTimeout(flushTimer)
  }
  if (flushError !== null) throw flushError

  const summary: SyncSummary = {
    requests,
    elapsed_ms: Date.now() - started,
    meetings: meetings.length,
    meeting_dates: dates.length,
    participants,
    participant_lists_read: stale.length,
    deleted
  }
  stmt(
    db,
    "UPDATE sync_runs SET finished_at = ?, state = 'done', requests = ?, summary = ? WHERE id = ?"
  ).run((options.now ?? (() => new Date()))().toISOString(), requests, JSON.stringify(summary), syncId)
  options.onProgress?.({ phase: 'done', done: stale.length, total: stale.length })
  return summary
}
