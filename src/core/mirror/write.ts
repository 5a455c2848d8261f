/**
 * Writing what a sync read into the mirror. Callers wrap each batch in one transaction; nothing
 * here awaits. Rows the outbox still has pending writes for are left as the user changed them.
 */
import type Database from 'better-sqlite3'
import { stmt } from './statements'
import type {
  WireMeeting,
  WireMeetingDate,
  WireNote,
  WireParticipant,
  WireRoom,
  WireUser
} from '../sync/wire'

const j = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v))
const b = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0)

export function upsertUser(db: Database.Database, u: WireUser): void {
  stmt(
    db,
    `INSERT INTO users (id, first_name, last_name, titles_before, titles_after, student_number)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
       titles_before = excluded.titles_before, titles_after = excluded.titles_after,
       student_number = COALESCE(excluded.student_number, users.student_number)`
  ).run(
    u.id,
    u.first_name,
    u.last_name,
    u.titles?.before ?? null,
    u.titles?.after ?? null,
    u.student_number ?? null
  )
}

export function upsertMeeting(db: Database.Database, m: WireMeeting, syncId: number): void {
  if (m.faculty) {
    stmt(
      db,
      `INSERT INTO faculties (id, name_pl, name_en) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en`
    ).run(m.faculty.id, m.faculty.name?.pl ?? null, m.faculty.name?.en ?? null)
  }
  if (m.term) {
    stmt(
      db,
      `INSERT INTO terms (id, name_pl, name_en, start_date, end_date) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en,
         start_date = excluded.start_date, end_date = excluded.end_date`
    ).run(m.term.id, m.term.name?.pl ?? null, m.term.name?.en ?? null, m.term.start_date, m.term.end_date)
  }
  stmt(
    db,
    `INSERT INTO meetings (id, name_pl, name_en, comment_pl, comment_en, faculty_id, term_id, lecturer_id, open, state,
       substantiation_mode, auto_accept, soonest_datetime, sync_id)
     VALUES (@id, @name_pl, @name_en, @comment_pl, @comment_en, @faculty_id, @term_id, @lecturer_id, @open, @state,
       @substantiation_mode, @auto_accept, @soonest_datetime, @sync_id)
     ON CONFLICT(id) DO UPDATE SET name_pl = @name_pl, name_en = @name_en, comment_pl = @comment_pl, comment_en = @comment_en,
       faculty_id = @faculty_id, term_id = @term_id, lecturer_id = @lecturer_id, open = @open, state = @state,
       substantiation_mode = @substantiation_mode, auto_accept = @auto_accept, soonest_datetime = @soonest_datetime,
       sync_id = @sync_id`
  ).run({
    id: m.id,
    name_pl: m.name?.pl ?? null,
    name_en: m.name?.en ?? null,
    comment_pl: m.comment?.pl ?? null,
    comment_en: m.comment?.en ?? null,
    faculty_id: m.faculty?.id ?? null,
    term_id: m.term?.id ?? null,
    lecturer_id: m.lecturer?.id ?? null,
    open: b(m.open),
    state: m.state,
    substantiation_mode: m.substantiation_mode,
    auto_accept: b(m.auto_accept),
    soonest_datetime: m.soonest_datetime,
    sync_id: syncId
  })
  // The meeting's groups, whole: what USOS lists now replaces what was there.
  stmt(db, 'DELETE FROM meeting_groups WHERE meeting_id = ?').run(m.id)
  for (const g of m.groups) {
    stmt(
      db,
      `INSERT INTO groups (course_unit_id, group_number, class_type_pl, class_type_en, course_name_pl, course_name_en, term_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(course_unit_id, group_number) DO UPDATE SET class_type_pl = excluded.class_type_pl,
         class_type_en = excluded.class_type_en, course_name_pl = excluded.course_name_pl,
         course_name_en = excluded.course_name_en, term_id = excluded.term_id`
    ).run(
      g.course_unit_id,
      g.group_number,
      g.class_type?.pl ?? null,
      g.class_type?.en ?? null,
      g.course_name?.pl ?? null,
      g.course_name?.en ?? null,
      g.term_id
    )
    stmt(
      db,
      'INSERT OR IGNORE INTO meeting_groups (meeting_id, course_unit_id, group_number) VALUES (?, ?, ?)'
    ).run(m.id, g.course_unit_id, g.group_number)
  }
}

/** A room as USOS answers it (a meeting date's, an exam group's). */
export function upsertRoom(db: Database.Database, room: WireRoom): void {
  stmt(
    db,
    `INSERT INTO rooms (id, number, building_name_pl, building_name_en, capacity) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET number = excluded.number, building_name_pl = excluded.building_name_pl,
       building_name_en = excluded.building_name_en, capacity = excluded.capacity`
  ).run(room.id, room.number, room.building_name?.pl ?? null, room.building_name?.en ?? null, room.capacity)
}

/** What the participant lists depend on: when it changes, they are read again. */
export const participantsFingerprint = (d: WireMeetingDate): string =>
  [
    d.registered_participants_count,
    d.accepted_participants_count,
    d.waiting_participants_count,
    d.seats_limit,
    d.reserve_seats_limit
  ].join('|')

/**
 * Upserts a meeting date; answers whether its participants need reading (new date, or counts
 * changed since they were last read). The revision grows when the date's own fields change (the
 * ICS SEQUENCE a date exported for the first time starts from; see schema-ics.ts).
 */
export function upsertMeetingDate(db: Database.Database, d: WireMeetingDate, syncId: number): boolean {
  if (d.room) upsertRoom(db, d.room)
  const row = {
    id: d.id,
    meeting_id: d.meeting.id,
    comment_pl: d.comment?.pl ?? null,
    comment_en: d.comment?.en ?? null,
    start_time: d.start_time,
    end_time: d.end_time,
    registration_start_time: d.registration_start_time,
    registration_end_time: d.registration_end_time,
    seats_limit: d.seats_limit,
    reserve_seats_limit: d.reserve_seats_limit,
    registered: d.registered_participants_count,
    accepted: d.accepted_participants_count,
    waiting: d.waiting_participants_count,
    room_id: d.room?.id ?? null,
    sync_id: syncId
  }
  const before = stmt(
    db,
    `SELECT meeting_id, comment_pl, comment_en, start_time, end_time, room_id, participants_fingerprint
       FROM meeting_dates WHERE id = ?`
  ).get(d.id) as
    | {
        meeting_id: string
        comment_pl: string | null
        comment_en: string | null
        start_time: string
        end_time: string
        room_id: string | null
        participants_fingerprint: string | null
      }
    | undefined
  if (!before) {
    stmt(
      db,
      `INSERT INTO meeting_dates (id, meeting_id, comment_pl, comment_en, start_time, end_time, registration_start_time,
         registration_end_time, seats_limit, reserve_seats_limit, registered_participants_count, accepted_participants_count,
         waiting_participants_count, room_id, sync_id)
       VALUES (@id, @meeting_id, @comment_pl, @comment_en, @start_time, @end_time, @registration_start_time,
         @registration_end_time, @seats_limit, @reserve_seats_limit, @registered, @accepted, @waiting, @room_id, @sync_id)`
    ).run(row)
    return true
  }
  const changed =
    before.meeting_id !== row.meeting_id ||
    before.comment_pl !== row.comment_pl ||
    before.comment_en !== row.comment_en ||
    before.start_time !== row.start_time ||
    before.end_time !== row.end_time ||
    before.room_id !== row.room_id
  stmt(
    db,
    `UPDATE meeting_dates SET meeting_id = @meeting_id, comment_pl = @comment_pl, comment_en = @comment_en,
       start_time = @start_time, end_time = @end_time, registration_start_time = @registration_start_time,
       registration_end_time = @registration_end_time, seats_limit = @seats_limit, reserve_seats_limit = @reserve_seats_limit,
       registered_participants_count = @registered, accepted_participants_count = @accepted,
       waiting_participants_count = @waiting, room_id = @room_id, sync_id = @sync_id,
       revision = revision + @bump
     WHERE id = @id`
  ).run({ ...row, bump: changed ? 1 : 0 })
  return before.participants_fingerprint !== participantsFingerprint(d)
}

/** Rows the outbox still has open writes for: a sync must not overwrite them. */
export function pendingTargets(db: Database.Database, table: string): Set<string> {
  const rows = stmt(
    db,
    `SELECT target_id FROM outbox WHERE target_table = ? AND target_id IS NOT NULL
       AND state IN ('pending', 'sending', 'unknown', 'needs_attention')`
  ).all(table) as Array<{ target_id: string }>
  return new Set(rows.map((r) => r.target_id))
}

/** Replaces one date's participant lists with what USOS answered, and records what they were read against. */
export function replaceParticipants(
  db: Database.Database,
  date: WireMeetingDate,
  participants: WireParticipant[],
  syncId: number
): void {
  const pending = pendingTargets(db, 'participants')
  const upsertSubstantiation = stmt(
    db,
    `INSERT INTO substantiations (id, name_pl, name_en, message_pl, message_en, type) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en,
       message_pl = excluded.message_pl, message_en = excluded.message_en, type = excluded.type`
  )
  const upsert = stmt(
    db,
    `INSERT INTO participants (id, meeting_date_id, is_external, user_id, external_first_name, external_last_name,
       external_email, external_contact, status, is_reserve, number_in_queue, substantiation_id,
       rejection_substantiation_id, substantiation_message, rejection_substantiation_message, lecturer_actions,
       user_actions, sync_id)
     VALUES (@id, @meeting_date_id, @is_external, @user_id, @efn, @eln, @email, @contact, @status, @is_reserve, @queue,
       @sub, @rsub, @sub_msg, @rsub_msg, @la, @ua, @sync_id)
     ON CONFLICT(id) DO UPDATE SET meeting_date_id = @meeting_date_id, is_external = @is_external, user_id = @user_id,
       external_first_name = @efn, external_last_name = @eln, external_email = @email, external_contact = @contact,
       status = @status, is_reserve = @is_reserve, number_in_queue = @queue, substantiation_id = @sub,
       rejection_substantiation_id = @rsub, substantiation_message = @sub_msg,
       rejection_substantiation_message = @rsub_msg, lecturer_actions = @la, user_actions = @ua, sync_id = @sync_id`
  )
  for (const p of participants) {
    if (pending.has(p.id)) continue
    if (p.user) upsertUser(db, p.user)
    for (const s of [p.substantiation, p.rejection_substantiation]) {
      if (s)
        upsertSubstantiation.run(
          s.id,
          s.name?.pl ?? null,
          s.name?.en ?? null,
          s.message?.pl ?? null,
          s.message?.en ?? null,
          s.type
        )
    }
    upsert.run({
      id: p.id,
      meeting_date_id: date.id,
      is_external: p.is_external ? 1 : 0,
      user_id: p.user?.id ?? null,
      efn: p.external_first_name,
      eln: p.external_last_name,
      email: p.external_email,
      contact: p.external_contact,
      status: p.status,
      is_reserve: p.is_reserve ? 1 : 0,
      queue: p.number_in_queue,
      sub: p.substantiation?.id ?? null,
      rsub: p.rejection_substantiation?.id ?? null,
      sub_msg: p.substantiation_message,
      rsub_msg: p.rejection_substantiation_message,
      la: j(p.lecturer_actions),
      ua: j(p.user_actions),
      sync_id: syncId
    })
  }
  for (const p of participants) if (p.user) upsertNotes(db, p.user.id, p.notes)
  // Whoever USOS no longer lists for this date is gone, unless a write of ours is still on its way.
  const keep = new Set(participants.map((p) => p.id))
  const existing = stmt(db, 'SELECT id FROM participants WHERE meeting_date_id = ?').all(date.id) as Array<{
    id: string
  }>
  const remove = stmt(db, 'DELETE FROM participants WHERE id = ?')
  for (const { id } of existing) if (!keep.has(id) && !pending.has(id)) remove.run(id)
  stmt(db, 'UPDATE meeting_dates SET participants_fingerprint = ? WHERE id = ?').run(
    participantsFingerprint(date),
    date.id
  )
}

/**
 * The note instances USOS lists for a user, as the mirror's `notes` rows. A note with a save of
 * ours still in the outbox keeps what the user wrote.
 */
export function upsertNotes(db: Database.Database, userId: string, notes: readonly WireNote[]): void {
  if (notes.length === 0) return
  const pending = pendingTargets(db, 'notes')
  const upsert = stmt(
    db,
    `INSERT INTO notes (id, faculty_id, term_id, user_id, creation_date, private_note, public_note, own)
     VALUES (@id, @faculty_id, @term_id, @user_id, @creation_date, @private_note, @public_note, @own)
     ON CONFLICT(id) DO UPDATE SET faculty_id = @faculty_id, term_id = @term_id, user_id = @user_id,
       creation_date = @creation_date, private_note = @private_note, public_note = @public_note,
       own = COALESCE(@own, notes.own)`
  )
  for (const n of notes) {
    if (pending.has(n.id) || pending.has(noteKey(n.faculty_id ?? '', n.term_id ?? '', userId))) continue
    // A note saved while offline had a local id; the real one replaces it.
    stmt(db, 'DELETE FROM notes WHERE id = ?').run(localNoteId(n.faculty_id ?? '', n.term_id ?? '', userId))
    // Private notes reach only their author: a private text makes the note the user's own.
    upsert.run({ ...n, user_id: userId, own: n.private_note !== null ? 1 : null })
  }
}

/** The key of one student's note for a faculty and term (what a save concerns before USOS gives it an id). */
export const noteKey = (facultyId: string, termId: string, userId: string): string =>
  `${facultyId}|${termId}|${userId}`
export const localNoteId = (facultyId: string, termId: string, userId: string): string =>
  `local:${noteKey(facultyId, termId, userId)}`
