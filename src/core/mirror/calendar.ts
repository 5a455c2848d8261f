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
