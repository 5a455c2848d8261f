/** The exams the user examines, their groups, slots and attendees, from the mirror. */
import { compareNames, sortByText } from '../../shared/locale-format'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { CalendarItem } from '../../shared/types'
import type {
  AdministeredSessionView,
  AdmissionConditionView,
  ExamGroupDetails,
  ExamGroupView,
  ExamView
} from '../../shared/types-exams'
import { calendarRange } from '../mirror/calendar'
import { stmt } from '../mirror/statements'

interface GroupRow {
  exam_id: string
  number: number
  exam_start: string
  exam_end: string
  capacity: number | null
  attendees_count: number | null
  attendees_read: number
  slots_read: number
  is_examiner: number
  room_number: string | null
  building_pl: string | null
}

const GROUPS = `
  SELECT g.exam_id, g.number, g.exam_start, g.exam_end, g.capacity, g.attendees_count, g.attendees_read,
         g.slots_read, g.is_examiner, r.number AS room_number, r.building_name_pl AS building_pl
  FROM exam_groups g LEFT JOIN rooms r ON r.id = g.room_id`

const overlapping = (db: Database.Database, start: string, end: string): CalendarItem[] =>
  calendarRange(db, start.slice(0, 10), nextDay(end.slice(0, 10))).filter(
    (m) => m.start < end && start < m.end
  )

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

function groupView(db: Database.Database, g: GroupRow): ExamGroupView {
  const slots = stmt(
    db,
    'SELECT number, capacity, attendees_count, start, "end" FROM exam_slots WHERE exam_id = ? AND group_number = ? ORDER BY number'
  ).all(g.exam_id, g.number) as Array<{
    number: number
    capacity: number | null
    attendees_count: number | null
    start: string | null
    end: string | null
  }>
  return {
    examId: g.exam_id,
    number: g.number,
    start: g.exam_start,
    end: g.exam_end,
    room:
      g.room_number === null ? null : g.building_pl ? `${g.room_number}, ${g.building_pl}` : g.room_number,
    capacity: g.capacity,
    attendeesCount: g.attendees_count,
    slots: slots.map((s) => ({
      number: s.number,
      capacity: s.capacity,
      attendeesCount: s.attendees_count,
      start: s.start,
      end: s.end
    })),
    examiner: g.is_examiner === 1,
    // Office hours clash only with the groups the user examines.
    clashes: g.is_examiner === 1 ? overlapping(db, g.exam_start, g.exam_end) : []
  }
}

interface ExamRow {
  id: string
  name_pl: string | null
  name_en: string | null
  course_id: string | null
  term_id: string | null
  examination_session_id: string | null
  registration_start: string | null
  registration_end: string | null
  session_pl: string | null
  session_en: string | null
  session_status: string | null
  examined: number
  administered: number
}

const EXAMS = `
  SELECT e.*, s.name_pl AS session_pl, s.name_en AS session_en, s.status AS session_status
  FROM exams e LEFT JOIN examination_sessions s ON s.id = e.examination_session_id`

const examHead = (db: Database.Database, e: ExamRow): Omit<ExamView, 'groups'> => ({
  id: e.id,
  name: { pl: e.name_pl, en: e.name_en },
  courseId: e.course_id,
  termId: e.term_id,
  sessionId: e.examination_session_id,
  session:
    e.session_pl === null && e.session_en === null && e.session_status === null
      ? null
      : { name: { pl: e.session_pl, en: e.session_en }, status: e.session_status },
  registrationStart: e.registration_start,
  registrationEnd: e.registration_end,
  examined: e.examined === 1,
  administered: e.administered === 1,
  conditions: conditionsOf(db, e.id)
})

function conditionsOf(db: Database.Database, examId: string): AdmissionConditionView[] {
  return (
    stmt(
      db,
      `SELECT examrep_id, examrep_name_pl, examrep_name_en, grade_symbol, grade_name_pl, grade_name_en
       FROM exam_admission_conditions WHERE exam_id = ? ORDER BY examrep_id`
    ).all(examId) as Array<Record<string, string | null>>
  ).map((c) => ({
    examrepId: c.examrep_id!,
    examrep: { pl: c.examrep_name_pl ?? null, en: c.examrep_name_en ?? null },
    grade:
      c.grade_symbol === null
        ? null
        : { symbol: c.grade_symbol!, name: { pl: c.grade_name_pl ?? null, en: c.grade_name_en ?? null } }
  }))
}

const bySoonestGroup = (a: ExamView, b: ExamView) =>
  (a.groups[0]?.start ?? '9999') < (b.groups[0]?.start ?? '9999') ? -1 : 1

function examsWithGroups(db: Database.Database, examWhere: string, groupWhere: string): ExamView[] {
  const exams = stmt(db, `${EXAMS} WHERE ${examWhere}`).all() as ExamRow[]
  const groups = stmt(db, `${GROUPS} WHERE ${groupWhere} ORDER BY g.exam_start, g.number`).all() as GroupRow[]
  const byExam = new Map<string, GroupRow[]>()
  for (const g of groups) {
    const list = byExam.get(g.exam_id)
    if (list) list.push(g)
    else byExam.set(g.exam_id, [g])
  }
  return exams.map((e) => ({
    ...examHead(db, e),
    groups: (byExam.get(e.id) ?? []).map((g) => groupView(db, g))
  }))
}

/** Every exam with the groups the user examines, soonest group first. */
export function listExams(db: Database.Database): ExamView[] {
  return examsWithGroups(db, 'e.examined = 1', 'g.is_examiner = 1')
    .filter((e) => e.groups.length > 0)
    .sort(bySoonestGroup)
}

/**
 * The examination sessions the user administers (exams/administrator), each with all its exams
 * and their groups, by faculty and then name.
 */
export function listAdministeredSessions(db: Database.Database): AdministeredSessionView[] {
  const sessions = stmt(
    db,
    `SELECT id, name_pl, name_en, status, faculty_id, faculty_name_pl, faculty_name_en
     FROM examination_sessions WHERE administered = 1 ORDER BY faculty_id, name_pl, id`
  ).all() as Array<Record<string, string | null>>
  const exams = examsWithGroups(db, 'e.administered = 1', '1 = 1')
  return sortByText(sessions, (s) => `${s.faculty_id ?? ''}\u0000${s.name_pl ?? s.name_en ?? ''}`).map(
    (s) => ({
      id: s.id!,
      name: { pl: s.name_pl ?? null, en: s.name_en ?? null },
      status: s.status ?? null,
      faculty: {
        id: s.faculty_id ?? null,
        name: { pl: s.faculty_name_pl ?? null, en: s.faculty_name_en ?? null }
      },
      exams: exams.filter((e) => e.sessionId === s.id).sort(bySoonestGroup)
    })
  )
}

export function examGroupDetails(db: Database.Database, examId: string, number: number): ExamGroupDetails {
  const e = stmt(db, `${EXAMS} WHERE e.id = ?`).get(examId) as ExamRow | undefined
  const g = stmt(db, `${GROUPS} WHERE g.exam_id = ? AND g.number = ?`).get(examId, number) as
    GroupRow | undefined
  if (!e || !g)
    throw new AppError(
      'not_found',
      'This exam group is not in the local data (it may have been removed in USOS).',
      undefined,
      { key: 'examGroupGone' }
    )
  const attendees = stmt(
    db,
    `SELECT u.id, u.first_name, u.last_name, u.student_number, a.slot_number FROM exam_attendees a JOIN users u ON u.id = a.user_id
     WHERE a.exam_id = ? AND a.group_number = ? ORDER BY u.last_name, u.first_name, u.id`
  ).all(examId, number) as Array<{
    id: string
    first_name: string
    last_name: string
    student_number: string | null
    slot_number: number | null
  }>
  return {
    exam: examHead(db, e),
    group: groupView(db, g),
    attendeesRead: g.attendees_read === 1,
    slotsRead: g.slots_read === 1,
    // SQLite orders bytes ("Duda" before "Dąbrowska"); a list of people is read in Polish order.
    attendees: attendees
      .map((a) => ({
        userId: a.id,
        firstName: a.first_name,
        lastName: a.last_name,
        studentNumber: a.student_number,
        slotNumber: a.slot_number
      }))
      .sort((a, b) => compareNames(a, b) || (a.userId < b.userId ? -1 : 1))
  }
}
