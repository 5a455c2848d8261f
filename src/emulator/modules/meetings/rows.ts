import type Database from 'better-sqlite3'
import { stmt } from '../../support/statements'

export interface MeetingRow {
  id: number
  name_pl: string
  name_en: string
  comment_pl: string | null
  comment_en: string | null
  fac_id: string
  term_id: string | null
  lecturer_id: string
  open: number
  state: string
  substantiation_mode: string
  auto_accept: number
}
export interface DateRow {
  id: number
  meeting_id: number
  comment_pl: string | null
  comment_en: string | null
  start_time: string
  end_time: string
  registration_start_time: string | null
  registration_end_time: string | null
  seats_limit: number
  reserve_seats_limit: number
  room_id: number | null
}
export interface ParticipantRow {
  id: number
  meeting_date_id: number
  user_id: string | null
  external_first_name: string | null
  external_last_name: string | null
  external_email: string | null
  external_contact: string | null
  status: string
  is_reserve: number
  number_in_queue: number | null
  substantiation_id: number | null
  substantiation_message: string | null
  rejection_substantiation_id: number | null
  rejection_substantiation_message: string | null
}
export interface SubstantiationRow {
  id: number
  name_pl: string
  name_en: string
  message_pl: string | null
  message_en: string | null
  type: string
  fac_id: string
}
export interface NoteRow {
  id: number
  author_id: string
  fac_id: string
  term_id: string
  user_id: string
  private_note: string | null
  public_note: string | null
  creation_date: string
}

export const meetingById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM meetings_meetings WHERE id = ?').get(Number(id)) as MeetingRow | undefined) ?? null
export const dateById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM meetings_dates WHERE id = ?').get(Number(id)) as DateRow | undefined) ?? null
export const participantById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM meetings_participants WHERE id = ?').get(Number(id)) as
    ParticipantRow | undefined) ?? null
export const substantiationById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM meetings_substantiations WHERE id = ?').get(Number(id)) as
    SubstantiationRow | undefined) ?? null
export const noteById = (db: Database.Database, id: number | string) =>
  (stmt(db, 'SELECT * FROM meetings_notes WHERE id = ?').get(Number(id)) as NoteRow | undefined) ?? null

export function counts(
  db: Database.Database,
  dateId: number
): { registered: number; accepted: number; waiting: number } {
  const r = stmt(
    db,
    `SELECT COUNT(*) AS registered,
            COALESCE(SUM(CASE WHEN is_reserve = 0 THEN 1 ELSE 0 END), 0) AS accepted,
            COALESCE(SUM(CASE WHEN is_reserve = 1 THEN 1 ELSE 0 END), 0) AS waiting
     FROM meetings_participants WHERE meeting_date_id = ? AND status <> 'rejected'`
  ).get(dateId) as { registered: number; accepted: number; waiting: number }
  return r
}

/** The faculty and, walking up the tree, its parents. */
export function facultyWithParents(db: Database.Database, facId: string): string[] {
  const out: string[] = []
  let current: string | null = facId
  while (current && !out.includes(current)) {
    out.push(current)
    current =
      (
        stmt(db, 'SELECT parent_id FROM faculties WHERE id = ?').get(current) as
          { parent_id: string | null } | undefined
      )?.parent_id ?? null
  }
  return out
}
