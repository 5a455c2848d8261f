/**
 * Attendance at a meeting date: present, absent or late, per participant, kept in the mirror and
 * never sent (USOS has no method for it). Summed per student over a meeting's dates ("3 z 4
 * obecności": present or late, out of the dates marked).
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { compareNames, compareText } from '../../shared/locale-format'
import { stmt } from '../mirror/statements'
import type {
  AttendanceRowView,
  AttendanceState,
  AttendanceSummaryView,
  MeetingAttendanceRowView
} from '../../shared/types-attendance'

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

/**
 * A meeting's attendance per person over all its dates: present, late and absent counted, each
 * person once (a USOS user by id, an outside person by name), in Polish order by last name. Those
 * never marked are not listed: a count of nothing says nothing.
 */
export function meetingAttendance(db: Database.Database, meetingId: string): MeetingAttendanceRowView[] {
  if (!stmt(db, 'SELECT 1 FROM meetings WHERE id = ?').get(meetingId))
    throw new AppError('not_found', `Meeting ${meetingId} is not in the local data; sync first.`, undefined, {
      key: 'meetingGone'
    })
  const marks = stmt(
    db,
    `SELECT a.user_id, a.person, a.state, u.first_name, u.last_name, u.student_number,
            p.external_first_name, p.external_last_name
     FROM attendance a
     LEFT JOIN users u ON u.id = a.user_id
     LEFT JOIN participants p ON p.id = a.participant_id
     WHERE a.meeting_id = ?`
  ).all(meetingId) as Array<{
    user_id: string | null
    person: string
    state: AttendanceState
    first_name: string | null
    last_name: string | null
    student_number: string | null
    external_first_name: string | null
    external_last_name: string | null
  }>
  const people = new Map<string, MeetingAttendanceRowView>()
  for (const m of marks) {
    const key = m.user_id !== null ? `user:${m.user_id}` : `person:${m.person}`
    let row = people.get(key)
    if (!row) {
      // The person's name as the mirror has it now; as it was when marked if the row is gone.
      const split = m.person.lastIndexOf(' ')
      const first = m.first_name ?? m.external_first_name ?? (split > 0 ? m.person.slice(0, split) : '')
      const last = m.last_name ?? m.external_last_name ?? (split > 0 ? m.person.slice(split + 1) : m.person)
      row = {
        user_id: m.user_id,
        first_name: first,
        last_name: last,
        student_number: m.student_number,
        present: 0,
        late: 0,
        absent: 0,
        attended: 0,
        marked: 0
      }
      people.set(key, row)
    }
    row[m.state] += 1
    row.marked += 1
    if (m.state !== 'absent') row.attended += 1
  }
  return [...people.values()].sort((a, b) =>
    compareNames(
      { lastName: a.last_name, firstName: a.first_name },
      { lastName: b.last_name, firstName: b.first_name }
    )
  )
}
