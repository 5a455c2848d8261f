/**
 * What a lecturer does in USOSweb and the API cannot: create meeting dates (USOS's API has no
 * method for it; generate_meeting_dates only proposes days). `POST /__demo/meeting_dates`
 * `{"meeting_id", "dates": [{"start_time", "end_time"}], "seats_limit"?, "reserve_seats_limit"?}`,
 * loopback only; answers `{"ids": [...]}`.
 */
import type Database from 'better-sqlite3'
import { UsosApiError, type Json } from '../../framework/types'

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

const refuse = (message: string) => new UsosApiError(400, 'param_invalid', message)

export function createMeetingDates(db: Database.Database, body: Json): Json {
  const b = (body ?? {}) as Record<string, unknown>
  const meetingId = Number(b.meeting_id)
  if (
    !Number.isInteger(meetingId) ||
    !db.prepare('SELECT 1 FROM meetings_meetings WHERE id = ?').get(meetingId)
  )
    throw new UsosApiError(400, 'object_not_found', `Meeting ${String(b.meeting_id)} does not exist.`)
  if (!Array.isArray(b.dates) || b.dates.length === 0 || b.dates.length > 500)
    throw refuse('dates must be a list of 1 to 500 {start_time, end_time}.')
  const seats = b.seats_limit === undefined ? 5 : Number(b.seats_limit)
  const reserve = b.reserve_seats_limit === undefined ? 2 : Number(b.reserve_seats_limit)
  if (!Number.isInteger(seats) || seats < 0 || !Number.isInteger(reserve) || reserve < 0)
    throw refuse('seats_limit and reserve_seats_limit must be whole numbers, 0 or more.')
  const insert = db.prepare(
    'INSERT INTO meetings_dates (meeting_id, start_time, end_time, seats_limit, reserve_seats_limit) VALUES (?, ?, ?, ?, ?)'
  )
  const ids: number[] = []
  for (const d of b.dates as unknown[]) {
    const { start_time: start, end_time: end } = (d ?? {}) as Record<string, unknown>
    if (typeof start !== 'string' || typeof end !== 'string' || !DATETIME.test(start) || !DATETIME.test(end))
      throw refuse('Each date needs start_time and end_time as "YYYY-MM-DD HH:MM:SS".')
    if (end <= start) throw refuse(`A date ends before it starts: ${start} - ${end}.`)
    ids.push(Number(insert.run(meetingId, start, end, seats, reserve).lastInsertRowid))
  }
  return { ids }
}
