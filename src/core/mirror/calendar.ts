import type Database from 'better-sqlite3'
import type { CalendarItem } from '../../shared/types'

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

const SQL = `
  SELECT d.id, d.meeting_id, m.name_pl, m.name_en, d.comment_pl, d.comment_en, d.start_time, d.end_time,
         r.number AS room_number, r.building_name_pl AS building_pl, d.seats_limit, d.reserve_seats_limit,
         d.accepted_participants_count, d.waiting_participants_count, d.registered_participants_count
  FROM meeting_dates d
  JOIN meetings m ON m.id = d.meeting_id
  LEFT JOIN rooms r ON r.id = d.room_id
  WHERE d.start_time >= ? AND d.start_time < ?
  ORDER BY d.start_time, d.id`

const statements = new WeakMap<Database.Database, Database.Statement<[string, string], Row>>()

/**
 * The calendar between two days (from inclusive, to exclusive), straight from the mirror: one
 * indexed range scan on start_time.
 */
export function calendarRange(db: Database.Database, fromDay: string, toDay: string): CalendarItem[] {
  let statement = statements.get(db)
  if (!statement) {
    statement = db.prepare<[string, string], Row>(SQL)
    statements.set(db, statement)
  }
  return statement.all(`${fromDay} 00:00:00`, `${toDay} 00:00:00`).map((r) => ({
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
  }))
}
