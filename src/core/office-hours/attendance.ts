/**
 * Attendance at a meeting date: present, absent or late, per participant, kept in the mirror and
 * never sent (USOS has no method for it). Summed per student over a meeting's dates ("3 z 4
 * obecności": present or late, out of the dates marked).
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { compareText } from '../../shared/locale-format'
import { stmt } from '../mirror/statements'
import type { AttendanceRowView, AttendanceState, AttendanceSummaryView } from '../../shared/types-attendance'

export const ATTENDANCE_STATES = ['present', 'absent', 'late'] as const
export type { AttendanceState }
type AttendanceRow = AttendanceRowView
type AttendanceSummary = AttendanceSummaryView

interface ParticipantRow {
  id: string
  meeting_date_id: string
  meeting_id: string
  start_time: string
  user_id: string | null
  first_name: string
  last_name: string
  is_reserve: number
  status: string
  attendance: AttendanceState | null
}

const PARTICIPANTS = `
  SELECT p.id, p.meeting_date_id, d.meeting_id, d.start_time, p.user_id, p.is_reserve, p.status,
         COALESCE(u.first_name, p.external_first_name, '') AS first_name,
         COALESCE(u.last_name, p.external_last_name, '') AS last_name,
         a.state AS attendance
  FROM participants p
  JOIN meeting_dates d ON d.id = p.meeting_date_id
  LEFT JOIN users u ON u.id = p.user_id
  LEFT JOIN attendance a ON a.participant_id = p.id`

function participantsOf(db: Database.Database, meetingDateId: string): ParticipantRow[] {
  if (!stmt(db, 'SELECT 1 FROM meeting_dates WHERE id = ?').get(meetingDateId))
    throw new AppError(
      'not_found',
      `Meeting date ${meetingDateId} is not in the local data; sync first.`,
      undefined,
      {
        key: 'meetingDateGone'
      }
    )
  return stmt(db, `${PARTICIPANTS} WHERE p.meeting_date_id = ?`).all(meetingDateId) as ParticipantRow[]
}

/** The date's participants with their attendance, main list first, each list in Polish order. */
export function dateAttendance(db: Database.Database, meetingDateId: string): AttendanceRow[] {
  return participantsOf(db, meetingDateId)
    .sort(
      (a, b) =>
        a.is_reserve - b.is_reserve ||
        compareText(a.last_name, b.last_name) ||
        compareText(a.first_name, b.first_name)
    )
    .map((p) => ({
      participant_id: p.id,
      user_id: p.user_id,
      first_name: p.first_name,
      last_name: p.last_name,
      list: p.is_reserve ? 'reserve' : 'main',
      status: p.status,
      attendance: p.attendance
    }))
}

/**
 * Marks (or with `null` clears) the attendance of participants of one date. Every id must be a
 * participant of that date; nothing is written otherwise.
 */
export function markAttendance(
  db: Database.Database,
  meetingDateId: string,
  marks: ReadonlyArray<{ participantId: string; state: AttendanceState | null }>,
  now: Date
): AttendanceRow[] {
  const byId = new Map(participantsOf(db, meetingDateId).map((p) => [p.id, p]))
  const seen = new Set<string>()
  for (const m of marks) {
    if (!byId.has(m.participantId))
      throw new AppError(
        'invalid_argument',
        `Participant ${m.participantId} is not on the lists of meeting date ${meetingDateId}.`,
        undefined,
        { key: 'participantGone' }
      )
    if (seen.has(m.participantId))
      throw new AppError('invalid_argument', `Participant ${m.participantId} is marked twice.`, undefined, {
        key: 'markedTwice'
      })
    seen.add(m.participantId)
  }
  const upsert = stmt(
    db,
    `INSERT INTO attendance (participant_id, meeting_date_id, meeting_id, start_time, user_id, person, state, marked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(participant_id) DO UPDATE SET state = excluded.state, marked_at = excluded.marked_at,
       person = excluded.person, user_id = excluded.user_id`
  )
  const clear = stmt(db, 'DELETE FROM attendance WHERE participant_id = ?')
  db.transaction(() => {
    for (const m of marks) {
      const p = byId.get(m.participantId)!
      if (m.state === null) clear.run(p.id)
      else
        upsert.run(
          p.id,
          p.meeting_date_id,
          p.meeting_id,
          p.start_time,
          p.user_id,
          `${p.first_name} ${p.last_name}`.trim(),
          m.state,
          now.toISOString()
        )
    }
  })()
  return dateAttendance(db, meetingDateId)
}

/** A student's attendance over the dates of one meeting (or of all meetings, without one). */
export function studentAttendance(
  db: Database.Database,
  userId: string,
  meetingId?: string
): AttendanceSummary {
  const rows = stmt(
    db,
    `SELECT state, COUNT(*) AS n FROM attendance WHERE user_id = ? AND (? IS NULL OR meeting_id = ?) GROUP BY state`
  ).all(userId, meetingId ?? null, meetingId ?? null) as Array<{ state: AttendanceState; n: number }>
  const count = (s: AttendanceState) => rows.find((r) => r.state === s)?.n ?? 0
  const present = count('present')
  const late = count('late')
  const absent = count('absent')
  return { user_id: userId, attended: present + late, present, late, absent, marked: present + late + absent }
}
