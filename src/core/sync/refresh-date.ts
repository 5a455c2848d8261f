/**
 * One meeting date read again as the lecturer opens it: the date itself and its participant list,
 * in parallel, written in one transaction. USOS says only how many people a date has, so someone
 * signing off while another signs up leaves the counts (and so an ordinary sync) unchanged; the
 * date's page is where that must not be missed.
 */
import type Database from 'better-sqlite3'
import { pendingTargets, replaceParticipants, upsertMeetingDate } from '../mirror/write'
import { stmt } from '../mirror/statements'
import { isUsosError } from '../usos/errors'
import type { UsosCaller } from './engine'
import { MEETING_DATE_FIELDS, PARTICIPANT_FIELDS, expectList, toMeetingDate, toParticipant } from './wire'

/** `gone`: USOS no longer has the date (removed there); the mirror drops it too, unless a change of ours is on its way. */
export async function refreshMeetingDate(
  db: Database.Database,
  usos: UsosCaller,
  meetingDateId: string
): Promise<'refreshed' | 'gone'> {
  const row = stmt(db, 'SELECT sync_id FROM meeting_dates WHERE id = ?').get(meetingDateId) as
    { sync_id: number } | undefined
  let answers: [unknown, unknown]
  try {
    answers = await Promise.all([
      usos.call<unknown>('services/meetings/meeting_date', {
        meeting_date_id: meetingDateId,
        fields: MEETING_DATE_FIELDS
      }),
      usos.call<unknown>('services/meetings/meeting_date_participants', {
        meeting_date_id: meetingDateId,
        fields: PARTICIPANT_FIELDS
      })
    ])
  } catch (error) {
    if (isUsosError(error) && error.usosCode === 'object_not_found') {
      if (!pendingTargets(db, 'meeting_dates').has(meetingDateId))
        stmt(db, 'DELETE FROM meeting_dates WHERE id = ?').run(meetingDateId)
      return 'gone'
    }
    throw error
  }
  // Parse both before writing: a malformed answer leaves the mirror as it was.
  const date = toMeetingDate(answers[0])
  const participants = expectList(answers[1], 'a meeting date’s participants').map(toParticipant)
  const syncId = row?.sync_id ?? 0
  db.transaction(() => {
    // A date of a meeting the mirror does not hold keeps a bare meeting row, as a sync does.
    stmt(db, 'INSERT OR IGNORE INTO meetings (id, sync_id) VALUES (?, ?)').run(date.meeting.id, syncId)
    upsertMeetingDate(db, date, syncId)
    replaceParticipants(db, date, participants, syncId)
  })()
  return 'refreshed'
}
