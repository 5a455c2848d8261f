import type Database from 'better-sqlite3'
import type { CalendarItem } from '../../shared/types'
import { stmt } from './statements'

interface Row {
  id: string
  meeting_id: string
  name_pl: string | null
  name_en: string | null
  comment_pl: string | null
  comment_en: string | null
  start_time: string
  end_time: string
  room_number: string | null
  building_pl: string | null
  seats_limit: number | null
  reserve_seats_limit: number | null
  accepted_participants_count: number | null
  waiting_participants_count: number | null
  registered_participants_count: number | null
}

const SELECT = `
  SELECT d.id, d.meeting_id, m.name_pl, m.name_en, d.comment_pl, d.comment_en, d.start_time, d.end_time,
         r.number AS room_number, r.building_name_pl AS building_pl, d.seats_limit, d.reserve_seats_limit,
         d.accepted_participants_count, d.waiting_participants_count, d.registered_participants_count
  FROM meeting_dates d
  JOIN meetings m ON m.id = d.meeting_id
  LEFT JOIN rooms r ON r.id = d.room_id`
const RANGE = `${SELECT} WHERE d.start_time >= ? AND d.start_time < ? ORDER BY d.start_time, d.id`

/**
 * The calendar between two days (from inclusive, to exclusive), straight from the mirror: one
 * indexed range scan on start_time.
 */
export function calendarRange(db: Database.Database, fromDay: string, toDay: string): CalendarItem[] {
  return (stmt(db, RANGE).all(`${fromDay} 00:00:00`, `${toDay} 00:00:00`) as Row[]).map(toItem)
}

const EXAM_GROUPS = `
  SELECT g.exam_id, g.number, g.exam_start, g.exam_end, g.capacity, g.attendees_count, e.name_pl, e.name_en, e.course_id,
         r.number AS room_number, r.building_name_pl AS building_pl
  FROM exam_groups g JOIN exams e ON e.id = g.exam_id LEFT JOIN rooms r ON r.id = g.room_id
  WHERE g.is_examiner = 1 AND g.exam_start >= ? AND g.exam_start < ?`

interface ExamRow {
  exam_id: string
  number: number
  exam_start: string
  exam_end: string
  capacity: number | null
  attendees_count: number | null
  name_pl: string | null
  name_en: string | null
  course_id: string | null
  room_number: string | null
  building_pl: string | null
}

/** Exam groups the user examines, in the same calendar as office hours. */
export function examGroupsRange(db: Database.Database, fromDay: string, toDay: string): CalendarItem[] {
  return (stmt(db, EXAM_GROUPS).all(`${fromDay} 00:00:00`, `${toDay} 00:00:00`) as ExamRow[]).map((r) => ({
    kind: 'exam_group',
    id: `exam:${r.exam_id}:${r.number}`,
    meetingId: `exam:${r.exam_id}`,
    examId: r.exam_id,
    groupNumber: r.number,
    title: {
      pl: [r.name_pl, r.course_id].filter(Boolean).join(' · ') || null,
      en: [r.name_en, r.course_id].filter(Boolean).join(' · ') || null
    },
    comment: { pl: null, en: null },
    start: r.exam_start,
    end: r.exam_end,
    room:
      r.room_number === null ? null : r.building_pl ? `${r.room_number}, ${r.building_pl}` : r.room_number,
    seatsLimit: r.capacity,
    reserveSeatsLimit: null,
    acceptedCount: r.attendees_count,
    waitingCount: null,
    registeredCount: r.attendees_count
  }))
}

/** Office hours and exam groups together, in time order. */
export function calendarWithExams(db: Database.Database, fromDay: string, toDay: string): CalendarItem[] {
  return [...calendarRange(db, fromDay, toDay), ...examGroupsRange(db, fromDay, toDay)].sort((a, b) =>
    a.start === b.start ? a.id.localeCompare(b.id) : a.start < b.start ? -1 : 1
  )
}

/** Every date of one meeting the mirror holds, in time order. */
export function meetingDates(db: Database.Database, meetingId: string): CalendarItem[] {
  return (
    stmt(db, `${SELECT} WHERE d.meeting_id = ? ORDER BY d.start_time, d.id`).all(meetingId) as Row[]
  ).map(toItem)
}

export function calendarItemById(db: Database.Database, meetingDateId: string): CalendarItem | null {
  const row = stmt(db, `${SELECT} WHERE d.id = ?`).get(meetingDateId) as Row | undefined
  return row ? toItem(row) : null
}

function toItem(r: Row): CalendarItem {
  return {
    kind: 'meeting_date',
    id: r.id,
    meetingId: r.meeting_id,
    title: { pl: r.name_pl, en: r.name_en },
    comment: { pl: r.comment_pl, en: r.comment_en },
    start: r.start_time,
    end: r.end_time,
    room:
      r.room_number === null ? null : r.building_pl ? `${r.room_number}, ${r.building_pl}` : r.room_number,
    seatsLimit: r.seats_limit,
    reserveSeatsLimit: r.reserve_seats_limit,
    acceptedCount: r.accepted_participants_count,
    waitingCount: r.waiting_participants_count,
    registeredCount: r.registered_participants_count
  }
}
