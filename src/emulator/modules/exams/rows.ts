/** Rows of the exams_ tables and the queries that load them (prepared once per connection). */
import type Database from 'better-sqlite3'
import { stmt } from '../../support/statements'

export interface SessionRow {
  id: number
  name_pl: string
  name_en: string
  description_pl: string | null
  description_en: string | null
  status: string
  fac_id: string
  term_id: string
}
export interface ExamRow {
  id: number
  session_id: number
  term_id: string
  course_id: string
  name_pl: string
  name_en: string
  description_pl: string | null
  description_en: string | null
  code: string
  registration_start: string | null
  registration_end: string | null
  register_until: string | null
  unregister_until: string | null
  exchange_until: string | null
  examiners_visible: number
  has_priorities: number
  preferences_limit: number
  micro_round_length: number
  micro_break_length: number
  coordinator_id: string
  examrep_id: number
  examrep_session_number: number
}
export interface GroupRow {
  exam_id: number
  number: number
  exam_start: string
  exam_end: string
  capacity: number
  number_of_slots: number
  room_id: number | null
  registration_start: string | null
  register_until: string | null
  unregister_until: string | null
}
export interface ExamrepRow {
  id: number
  course_id: string
  term_id: string
  type_pl: string
  type_en: string
}
export interface ConditionRow {
  exam_id: number
  examrep_id: number
  grade_symbol: string | null
}

/** The statuses an examination session may have (examination_session page). */
export const SESSION_STATUSES = ['in_preparation', 'closed', 'archived', 'active_reg_only', 'active'] as const
/** Sessions in which students hold or take places: the "active" registrations. */
export const ACTIVE_STATUSES = ['active', 'active_reg_only'] as const

export const sessionById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM exams_sessions WHERE id = ?').get(Number(id)) as SessionRow | undefined) ?? null

export const examById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM exams_exams WHERE id = ?').get(Number(id)) as ExamRow | undefined) ?? null

export const groupOf = (db: Database.Database, examId: number, number: number) =>
  (stmt(db, 'SELECT * FROM exams_groups WHERE exam_id = ? AND number = ?').get(examId, number) as
    GroupRow | undefined) ?? null

export const groupsOf = (db: Database.Database, examId: number) =>
  stmt(db, 'SELECT * FROM exams_groups WHERE exam_id = ? ORDER BY number').all(examId) as GroupRow[]

export const examsOfSession = (db: Database.Database, sessionId: number) =>
  stmt(db, 'SELECT * FROM exams_exams WHERE session_id = ? ORDER BY id').all(sessionId) as ExamRow[]

export const conditionsOf = (db: Database.Database, examId: number) =>
  stmt(db, 'SELECT * FROM exams_conditions WHERE exam_id = ? ORDER BY examrep_id').all(
    examId
  ) as ConditionRow[]

export const examrepById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM exams_examreps WHERE id = ?').get(Number(id)) as ExamrepRow | undefined) ?? null

export const facultyExists = (db: Database.Database, id: string) =>
  Boolean(stmt(db, 'SELECT 1 FROM faculties WHERE id = ?').get(id))

export const userExists = (db: Database.Database, id: string) =>
  Boolean(stmt(db, 'SELECT 1 FROM users WHERE id = ?').get(id))

/** Attendees of a group, or of one of its slots, ordered by user id. */
export function attendeesOf(db: Database.Database, examId: number, group: number, slot?: number): string[] {
  const rows =
    slot === undefined
      ? stmt(
          db,
          'SELECT user_id FROM exams_registrations WHERE exam_id = ? AND group_number = ? ORDER BY CAST(user_id AS INTEGER), user_id'
        ).all(examId, group)
      : stmt(
          db,
          'SELECT user_id FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ? ORDER BY CAST(user_id AS INTEGER), user_id'
        ).all(examId, group, slot)
  return (rows as Array<{ user_id: string }>).map((r) => r.user_id)
}

export const slotTaken = (db: Database.Database, examId: number, group: number, slot: number) =>
  (
    stmt(
      db,
      'SELECT COUNT(*) AS n FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ?'
    ).get(examId, group, slot) as { n: number }
  ).n

/** The faculty and every faculty below it in the tree. */
export function facultyAndDescendants(db: Database.Database, facId: string): string[] {
  const rows = stmt(
    db,
    `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT f.id FROM faculties f JOIN sub ON f.parent_id = sub.id)
     SELECT id FROM sub ORDER BY id`
  ).all(facId) as Array<{ id: string }>
  return rows.map((r) => r.id)
}

/** The faculty and every faculty above it (a manager of a faculty manages its institutes too). */
export function facultyAndAncestors(db: Database.Database, facId: string): string[] {
  const rows = stmt(
    db,
    `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM faculties WHERE id = ?
       UNION SELECT f.id, f.parent_id FROM faculties f JOIN up ON f.id = up.parent_id)
     SELECT id FROM up`
  ).all(facId) as Array<{ id: string }>
  return rows.map((r) => r.id)
}
