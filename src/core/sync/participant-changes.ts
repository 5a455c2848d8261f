/**
 * What a sync brought that a lecturer wants to hear about: someone new on a date's lists, and
 * someone moved from the reserve list to the main one. Found by comparing the mirror's participants
 * before and after the sync; the first sync of a mirror reports nothing (everything would be new).
 * Only dates that have not ended count.
 *
 * The lecturer's own doings are not news: a sign-up made in the app shows at once as a provisional
 * row (`local:…`) that the sync replaces by USOS's own, which is the same person on the same date;
 * and a participant the lecturer's queued writes concerned (an acceptance sent by this sync) may
 * come back moved to the main list.
 */
import type Database from 'better-sqlite3'
import type { ParticipantChangesView, ParticipantChangeView } from '../../shared/types-attendance'
import { stmt } from '../mirror/statements'

interface Row {
  id: string
  meeting_date_id: string
  status: string
  is_reserve: number
  user_id: string | null
  external_email: string | null
  external_first_name: string | null
  external_last_name: string | null
  first_name: string
  last_name: string
  start_time: string
  end_time: string
}

export interface ParticipantSnapshot {
  rows: ReadonlyMap<string, { status: string; isReserve: boolean }>
  /** Who the provisional rows (sign-ups made in the app) stand for, as `personKeys` on their date. */
  provisional: ReadonlySet<string>
}

const ROWS = `
  SELECT p.id, p.meeting_date_id, p.status, p.is_reserve, p.user_id, p.external_email,
         p.external_first_name, p.external_last_name, d.start_time, d.end_time,
         COALESCE(u.first_name, p.external_first_name, '') AS first_name,
         COALESCE(u.last_name, p.external_last_name, '') AS last_name
  FROM participants p JOIN meeting_dates d ON d.id = p.meeting_date_id LEFT JOIN users u ON u.id = p.user_id
  WHERE d.end_time > ?`

/** The ways a row names its person on its date: the USOS user, or an outside person's e-mail and name. */
function personKeys(r: Row): string[] {
  if (r.user_id) return [`${r.meeting_date_id}|u:${r.user_id}`]
  const keys: string[] = []
  if (r.external_email) keys.push(`${r.meeting_date_id}|e:${r.external_email.trim().toLowerCase()}`)
  const name = `${r.external_first_name ?? ''} ${r.external_last_name ?? ''}`.trim().toLowerCase()
  if (name) keys.push(`${r.meeting_date_id}|n:${name}`)
  return keys
}

/** The participants of dates not yet ended (`nowLocal`: the installation's wall clock, USOS format). */
export function snapshotParticipants(db: Database.Database, nowLocal: string): ParticipantSnapshot {
  const rows = stmt(db, ROWS).all(nowLocal) as Row[]
  return {
    rows: new Map(rows.map((r) => [r.id, { status: r.status, isReserve: r.is_reserve === 1 }])),
    provisional: new Set(rows.filter((r) => r.id.startsWith('local:')).flatMap(personKeys))
  }
}

/**
 * The participants the lecturer's writes still waiting in the outbox concern (taken before a sync
 * sends them).
 */
export function participantsWrittenTo(db: Database.Database): Set<string> {
  const rows = stmt(
    db,
    "SELECT target_id FROM outbox WHERE state <> 'done' AND target_table = 'participants' AND target_id IS NOT NULL"
  ).all() as Array<{ target_id: string }>
  return new Set(rows.map((r) => r.target_id))
}

export function participantChanges(
  db: Database.Database,
  before: ParticipantSnapshot,
  nowLocal: string,
  firstSync: boolean,
  written: ReadonlySet<string> = new Set()
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
    if (r.id.startsWith('local:') || r.status === 'rejected' || written.has(r.id)) continue
    const was = before.rows.get(r.id)
    if (!was) {
      if (!personKeys(r).some((k) => before.provisional.has(k))) changes.signedUp.push(view(r))
    } else if (was.isReserve && r.is_reserve === 0) changes.promoted.push(view(r))
  }
  return changes
}
