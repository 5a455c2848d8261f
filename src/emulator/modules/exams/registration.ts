/**
 * Registering and unregistering one student, as the batch methods do it. Each step says what it
 * did, so that a repeated request changes nothing and answers "already" instead of applying twice.
 */
import { stmt } from '../../support/statements'
import type Database from 'better-sqlite3'
import { slotTaken, type ExamRow, type GroupRow } from './rows'
import { slotCapacity } from './slots'

export type RegisterStatus = 'success' | 'w_already_registered' | 'e_already_registered' | 'e_not_permitted'
export type UnregisterStatus = 'success' | 'w_already_not_registered'

/** Sessions whose registrations are over: nothing may be added to them. */
const FINISHED = new Set(['closed', 'archived'])

export function registerOne(
  db: Database.Database,
  exam: ExamRow,
  sessionStatus: string,
  group: GroupRow,
  slot: number,
  userId: string
): RegisterStatus {
  const existing = stmt(
    db,
    'SELECT group_number, slot_number FROM exams_registrations WHERE exam_id = ? AND user_id = ?'
  ).get(exam.id, userId) as { group_number: number; slot_number: number } | undefined
  // Warning: the place asked for is already theirs. Error: they hold another place of this exam.
  if (existing)
    return existing.group_number === group.number && existing.slot_number === slot
      ? 'w_already_registered'
      : 'e_already_registered'
  if (FINISHED.has(sessionStatus)) return 'e_not_permitted'
  // Only students who meet the admission conditions may hold a place (unknown users are not admitted).
  if (!stmt(db, 'SELECT 1 FROM exams_admitted WHERE exam_id = ? AND user_id = ?').get(exam.id, userId))
    return 'e_not_permitted'
  if (slotTaken(db, exam.id, group.number, slot) >= slotCapacity(group.capacity, group.number_of_slots, slot))
    return 'e_not_permitted'
  stmt(
    db,
    'INSERT INTO exams_registrations (exam_id, group_number, slot_number, user_id) VALUES (?, ?, ?, ?)'
  ).run(exam.id, group.number, slot, userId)
  return 'success'
}

export function unregisterOne(
  db: Database.Database,
  exam: ExamRow,
  group: GroupRow,
  slot: number,
  userId: string
): UnregisterStatus {
  const r = stmt(
    db,
    'DELETE FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ? AND user_id = ?'
  ).run(exam.id, group.number, slot, userId)
  return r.changes > 0 ? 'success' : 'w_already_not_registered'
}
