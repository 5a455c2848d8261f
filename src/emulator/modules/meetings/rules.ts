import type Database from 'better-sqlite3'
import { stmt } from '../../support/statements'
import { UsosApiError, type CallContext } from '../../framework/types'
import { invalid } from '../../framework/params'
import { usosDateTime } from '../../framework/time'
import { dateById, facultyWithParents, meetingById, type DateRow, type MeetingRow } from './rows'

export const subscriptionError = (reason: string, message: string) =>
  new UsosApiError(400, 'meeting_subscription_exception', message, { reason: reason })

export const notFound = (param: string, what: string) =>
  new UsosApiError(400, 'object_not_found', `${what} does not exist.`, { param_name: param })

export function isStaff(db: Database.Database, userId: string): boolean {
  const row = stmt(db, 'SELECT staff_status FROM users WHERE id = ?').get(userId) as
    { staff_status: number } | undefined
  return (row?.staff_status ?? 0) > 0
}

/** "Only staff members or administrative consumers can access this method." */
export function requireStaff(ctx: CallContext): void {
  if (ctx.consumer.administrative) return
  const user = ctx.requireUser()
  if (!isStaff(ctx.db, user.id)) {
    throw new UsosApiError(403, 'method_forbidden', 'This method can only be invoked by staff members.', {
      reason: 'staff_only'
    })
  }
}

export function dateAndMeeting(
  ctx: CallContext,
  param: string,
  id: string
): { date: DateRow; meeting: MeetingRow } {
  // Ids are integers: anything else is a malformed parameter, not a missing object.
  if (!/^\d{1,15}$/.test(id)) throw invalid(param, `"${id}" is not an integer.`)
  const date = dateById(ctx.db, id)
  if (!date) throw notFound(param, 'Meeting date')
  const meeting = meetingById(ctx.db, date.meeting_id) as MeetingRow
  return { date, meeting }
}

/** A lecturer acts only on their own meetings (administrative consumers on any). */
export function requireLecturer(ctx: CallContext, meeting: MeetingRow): void {
  if (ctx.consumer.administrative) return
  const user = ctx.requireUser()
  if (meeting.lecturer_id !== user.id) {
    if (!isStaff(ctx.db, user.id)) {
      throw subscriptionError('user_is_not_staff', 'User is not staff.')
    }
    throw new UsosApiError(403, 'object_forbidden', 'Only the meeting’s lecturer may do this.', {
      reason: 'not_meeting_lecturer'
    })
  }
}

export const nowUsos = (ctx: CallContext) => usosDateTime(ctx.now())

/** Which faculties' substantiations a meeting accepts (its own, or with parents). */
export function allowedFaculties(db: Database.Database, meeting: MeetingRow): string[] {
  return meeting.substantiation_mode === 'this_faculty_and_parents'
    ? facultyWithParents(db, meeting.fac_id)
    : [meeting.fac_id]
}

export function checkSubstantiation(
  db: Database.Database,
  meeting: MeetingRow,
  id: string | undefined,
  type: 'meeting' | 'rejection'
): number | null {
  if (id === undefined) return null
  if (!/^\d{1,15}$/.test(id)) throw invalid('substantiation_id', `"${id}" is not an integer.`)
  const s = stmt(db, 'SELECT id, type, fac_id FROM meetings_substantiations WHERE id = ?').get(Number(id)) as
    { id: number; type: string; fac_id: string } | undefined
  if (!s || s.type !== type || !allowedFaculties(db, meeting).includes(s.fac_id)) {
    throw subscriptionError('invalid_substantiation', 'Selected substantiation cannot be used.')
  }
  return s.id
}

/**
 * Numbers the main list and the reserve list 1..n, keeping their order; the reserve fills free
 * seats, and on an auto-accept meeting whoever moves up to the main list is accepted.
 */
export function settleQueue(db: Database.Database, dateId: number): void {
  const date = dateById(db, dateId) as DateRow
  const meeting = meetingById(db, date.meeting_id) as MeetingRow
  type Entry = { id: number; is_reserve: number }
  const active = stmt(
    db,
    `SELECT id, is_reserve FROM meetings_participants WHERE meeting_date_id = ? AND status <> 'rejected'
     ORDER BY is_reserve, COALESCE(number_in_queue, 1e9), id`
  ).all(dateId) as Entry[]
  const main = active.filter((p) => p.is_reserve === 0)
  const reserve = active.filter((p) => p.is_reserve === 1)
  const movedUp: Entry[] = []
  while (main.length < date.seats_limit && reserve.length > 0) {
    const next = reserve.shift() as Entry
    main.push(next)
    movedUp.push(next)
  }
  const update = stmt(db, 'UPDATE meetings_participants SET is_reserve = ?, number_in_queue = ? WHERE id = ?')
  main.forEach((p, i) => update.run(0, i + 1, p.id))
  if (meeting.auto_accept) {
    const accept = stmt(
      db,
      "UPDATE meetings_participants SET status = 'accepted' WHERE id = ? AND status = 'waiting'"
    )
    for (const p of movedUp) accept.run(p.id)
  }
  reserve.forEach((p, i) => update.run(1, i + 1, p.id))
  stmt(
    db,
    "UPDATE meetings_participants SET number_in_queue = NULL, is_reserve = 0 WHERE meeting_date_id = ? AND status = 'rejected'"
  ).run(dateId)
}

/** Where a new sign-up goes: the main list, the reserve list, or nowhere (full). */
export function placeFor(db: Database.Database, date: DateRow): { isReserve: boolean; number: number } {
  const c = stmt(
    db,
    `SELECT COALESCE(SUM(CASE WHEN is_reserve = 0 THEN 1 ELSE 0 END), 0) AS main,
            COALESCE(SUM(CASE WHEN is_reserve = 1 THEN 1 ELSE 0 END), 0) AS reserve
     FROM meetings_participants WHERE meeting_date_id = ? AND status <> 'rejected'`
  ).get(date.id) as { main: number; reserve: number }
  if (c.main < date.seats_limit) return { isReserve: false, number: c.main + 1 }
  if (c.reserve < date.reserve_seats_limit) return { isReserve: true, number: c.reserve + 1 }
  throw subscriptionError('seats_limit_exceeded', 'There are no seats left on this meeting date.')
}
