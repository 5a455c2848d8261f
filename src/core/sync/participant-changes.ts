/**
 * What a sync brought that a lecturer wants to hear about: someone new on a date's lists, and
 * someone moved from the reserve list to the main one. Found by comparing the mirror's participants
 * before and after the sync; the first sync of a mirror reports nothing (everything would be new).
 * Only dates that have not ended count.
 */
import type Database from 'better-sqlite3'
import type { ParticipantChangesView, ParticipantChangeView } from '../../shared/types-attendance'
import { stmt } from '../mirror/statements'

interface Row {
  id: string
  meeting_date_id: string
  status: string
  is_reserve: number
  first_name: string
  last_name: string
  start_time: string
  end_time: string
}

export type ParticipantSnapshot = ReadonlyMap<string, { status: string; isReserve: boolean }>

const ROWS = `
  SELECT p.id, p.meeting_date_id, p.status, p.is_reserve, d.start_time, d.end_time,
         COALESCE(u.first_name, p.external_first_name, '') AS first_name,
         COALESCE(u.last_name, p.external_last_name, '') AS last_name
  FROM participants p JOIN meeting_dates d ON d.id = p.meeting_date_id LEFT JOIN users u ON u.id = p.user_id
  WHERE d.end_time > ?`

/** The participants of dates not yet ended (`nowLocal`: the installation's wall clock, USOS format). */
export function snapshotParticipants(db: Database.Database, nowLocal: string): ParticipantSnapshot {
  const rows = stmt(db, ROWS).all(nowLocal) as Row[]
  return new Map(rows.map((r) => [r.id, { status: r.status, isReserve: r.is_reserve === 1 }]))
}

export function participantChanges(
  db: Database.Database,
  before: ParticipantSnapshot,
  nowLocal: string,
  firstSync: boolean
): ParticipantChangesView {
  const changes: ParticipantChangesView = { signedUp: [], promoted: [] }
  if (firstSync) return changes
  const view = (r: Row): ParticipantChangeView => ({
    participantId: r.id,
    meetingDateId: r.meeting_date_id,
    name: `${r.first_name} ${r.last_name}`.trim(),
    firstName: r.first_name,
    lastName: r.last_name,
    start: r.start_time,
    list: r.is_reserve ? 'reserve' : 'main'
  })
  for (const r of stmt(db, ROWS).all(nowLocal) as Row[]) {
    if (r.id.startsWith('local:') || r.status === 'rejected') continue
    const was = before.get(r.id)
    if (!was) changes.signedUp.push(view(r))
    else if (was.isReserve && r.is_reserve === 0) changes.promoted.push(view(r))
  }
  return changes
}
