/**
 * The exam groups the user examines, for the calendar. USOS lists an examiner's exams only through
 * `exams/search_exams_registrations` (user_related, at most a month per call), so the window takes a
 * few calls; exams change rarely, so they are read on a full sync and otherwise at most every few
 * hours, which keeps an ordinary no-change sync at two requests.
 */
import { addMonths, format, parseISO } from 'date-fns'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { stmt } from '../mirror/statements'
import { fieldSelector } from '../usos/fields'
import type { UsosCaller } from './engine'
import { expectList, langDict, toUser } from './wire'
import { upsertUser } from '../mirror/write'

export const EXAMS_INTERVAL_MS = 6 * 60 * 60 * 1000

const EXAM_FIELDS = fieldSelector({
  id: true,
  examination_session_id: true,
  term: { id: true },
  course: { id: true },
  name: true,
  registration_start: true,
  registration_end: true,
  groups: {
    exam_id: true,
    number: true,
    exam_start: true,
    exam_end: true,
    capacity: true,
    number_of_slots: true,
    room: { id: true, number: true, building_name: true, capacity: true },
    is_examiner: true,
    slots: { number: true, capacity: true, attendees_count: true, start: true, end: true }
  }
})

const ATTENDEE_FIELDS = fieldSelector({
  attendees: { id: true, first_name: true, last_name: true, student_number: true }
})

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const obj = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null

export interface ExamsSyncResult {
  requests: number
  exams: number
  exam_groups: number
  skipped: boolean
}

export async function syncExamGroups(
  db: Database.Database,
  usos: UsosCaller,
  options: { from: string; to: string; full?: boolean; now?: () => Date; signal?: AbortSignal }
): Promise<ExamsSyncResult> {
  const now = (options.now ?? (() => new Date()))()
  const syncId = Number(
    stmt(db, "INSERT INTO sync_runs (kind, started_at, state) VALUES ('exams', ?, 'running')").run(
      now.toISOString()
    ).lastInsertRowid
  )
  const last = stmt(db, "SELECT value FROM sync_state WHERE key = 'exams_synced_at'").get() as
    { value: string } | undefined
  if (!options.full && last && now.getTime() - Date.parse(last.value) < EXAMS_INTERVAL_MS) {
    return { requests: 0, exams: 0, exam_groups: 0, skipped: true }
  }
  // USOS allows at most one month per call: calendar months from the window's start.
  const chunks: Array<[string, string]> = []
  for (let d = parseISO(options.from); format(d, 'yyyy-MM-dd') < options.to; d = addMonths(d, 1)) {
    const end = format(addMonths(d, 1), 'yyyy-MM-dd')
    chunks.push([format(d, 'yyyy-MM-dd'), end < options.to ? end : options.to])
  }
  const answers = await Promise.all(
    chunks.map(([start, end]) =>
      usos.call<unknown>(
        'services/exams/search_exams_registrations',
        { start_date: start, end_date: end, user_related: true, fields: EXAM_FIELDS },
        options.signal ? { signal: options.signal } : {}
      )
    )
  )
  // Parse all, then write in one transaction.
  const exams = new Map<
    string,
    { row: Record<string, string | null>; groups: Array<Record<string, string | number | null>> }
  >()
  for (const answer of answers) {
    for (const raw of expectList(answer, 'the exams')) {
      const e = obj(raw)
      const id = e && str(e.id)
      if (!e || !id) continue
      const name = langDict(e.name)
      const groups: Array<Record<string, string | number | null>> = []
      for (const g of Array.isArray(e.groups) ? e.groups : []) {
        const group = obj(g)
        if (!group || group.is_examiner !== true) continue
        const start = str(group.exam_start)
        const end = str(group.exam_end)
        if (!start || !end || !DATETIME.test(start) || !DATETIME.test(end)) continue
        const slots = Array.isArray(group.slots) ? group.slots : []
        groups.push({
          number: num(group.number),
          exam_start: start,
          exam_end: end,
          capacity: num(group.capacity),
          number_of_slots: num(group.number_of_slots),
          room_id: str(obj(group.room)?.id),
          room_number: str(obj(group.room)?.number),
          building_pl: langDict(obj(group.room)?.building_name)?.pl ?? null,
          building_en: langDict(obj(group.room)?.building_name)?.en ?? null,
          attendees: slots.reduce<number>((n, s) => n + (num(obj(s)?.attendees_count) ?? 0), 0),
          slots: JSON.stringify(
            slots
              .map((s) => obj(s))
              .filter((s): s is Record<string, unknown> => s !== null && num(s.number) !== null)
              .map((s) => ({
                number: num(s.number),
                capacity: num(s.capacity),
                attendees_count: num(s.attendees_count),
                start: str(s.start),
                end: str(s.end)
              }))
          )
        })
      }
      exams.set(id, {
        row: {
          id,
          session: str(e.examination_session_id),
          term: str(obj(e.term)?.id),
          course: str(obj(e.course)?.id),
          name_pl: name?.pl ?? null,
          name_en: name?.en ?? null,
          registration_start: str(e.registration_start),
          registration_end: str(e.registration_end)
        },
        groups
      })
    }
  }
  let groupCount = 0
  db.transaction(() => {
    for (const { row, groups } of exams.values()) {
      if (groups.length === 0) continue
      stmt(
        db,
        `INSERT INTO exams (id, examination_session_id, term_id, course_id, name_pl, name_en, registration_start, registration_end, sync_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET examination_session_id = excluded.examination_session_id, term_id = excluded.term_id,
           course_id = excluded.course_id, name_pl = excluded.name_pl, name_en = excluded.name_en,
           registration_start = excluded.registration_start, registration_end = excluded.registration_end, sync_id = excluded.sync_id`
      ).run(
        row.id,
        row.session,
        row.term,
        row.course,
        row.name_pl,
        row.name_en,
        row.registration_start,
        row.registration_end,
        syncId
      )
      for (const g of groups) {
        if (g.number === null) continue
        if (g.room_id) {
          stmt(
            db,
            `INSERT INTO rooms (id, number, building_name_pl, building_name_en) VALUES (?, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET number = excluded.number, building_name_pl = excluded.building_name_pl,
               building_name_en = excluded.building_name_en`
          ).run(g.room_id, g.room_number, g.building_pl, g.building_en)
        }
        const before = stmt(
          db,
          'SELECT exam_start, exam_end, room_id FROM exam_groups WHERE exam_id = ? AND number = ?'
        ).get(row.id, g.number) as
          { exam_start: string; exam_end: string; room_id: string | null } | undefined
        const moved = before
          ? before.exam_start !== g.exam_start ||
            before.exam_end !== g.exam_end ||
            before.room_id !== g.room_id
          : false
        stmt(
          db,
          `INSERT INTO exam_groups (exam_id, number, exam_start, exam_end, capacity, number_of_slots, room_id, is_examiner, attendees_count, sync_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
           ON CONFLICT(exam_id, number) DO UPDATE SET exam_start = excluded.exam_start, exam_end = excluded.exam_end,
             capacity = excluded.capacity, number_of_slots = excluded.number_of_slots, room_id = excluded.room_id,
             attendees_count = excluded.attendees_count, sync_id = excluded.sync_id, revision = revision + ?`
        ).run(
          row.id,
          g.number,
          g.exam_start,
          g.exam_end,
          g.capacity,
          g.number_of_slots,
          g.room_id,
          g.attendees,
          syncId,
          moved ? 1 : 0
        )
        stmt(db, 'DELETE FROM exam_slots WHERE exam_id = ? AND group_number = ?').run(row.id, g.number)
        for (const slot of JSON.parse(String(g.slots)) as Array<Record<string, string | number | null>>)
          stmt(
            db,
            `INSERT INTO exam_slots (exam_id, group_number, number, capacity, attendees_count, start, "end")
             VALUES (?, ?, ?, ?, ?, ?, ?)`
          ).run(row.id, g.number, slot.number, slot.capacity, slot.attendees_count, slot.start, slot.end)
        groupCount++
      }
    }
    // Groups the user no longer examines (or that left the window) go.
    stmt(db, 'DELETE FROM exam_groups WHERE sync_id <> ?').run(syncId)
    stmt(db, 'DELETE FROM exams WHERE sync_id <> ?').run(syncId)
    stmt(
      db,
      "INSERT INTO sync_state (key, value) VALUES ('exams_synced_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    ).run(now.toISOString())
    stmt(db, "UPDATE sync_runs SET state = 'done', finished_at = ?, requests = ? WHERE id = ?").run(
      new Date().toISOString(),
      chunks.length,
      syncId
    )
  })()
  const [attendeeRequests, sessionRequests] = await Promise.all([
    syncExamAttendees(db, usos, options.signal),
    syncExaminationSessions(db, usos, options.signal)
  ])
  return {
    requests: chunks.length + attendeeRequests + sessionRequests,
    exams: [...exams.values()].filter((e) => e.groups.length).length,
    exam_groups: groupCount,
    skipped: false
  }
}

/**
 * The attendee lists of the groups the user examines (`exams/exam_group`, one call per group, in
 * parallel), each list written whole in its own transaction. A list USOS refuses (only the
 * coordinator sees it) is marked unread rather than failing the sync.
 */
async function syncExamAttendees(
  db: Database.Database,
  usos: UsosCaller,
  signal?: AbortSignal
): Promise<number> {
  const groups = stmt(db, 'SELECT exam_id, number FROM exam_groups').all() as Array<{
    exam_id: string
    number: number
  }>
  await Promise.all(
    groups.map(async (g) => {
      let answer: unknown
      try {
        answer = await usos.call<unknown>(
          'services/exams/exam_group',
          { exam_id: g.exam_id, group_number: g.number, fields: ATTENDEE_FIELDS },
          signal ? { signal } : {}
        )
      } catch (error) {
        if ((error as { usosCode?: unknown }).usosCode === 'object_forbidden') {
          stmt(db, 'UPDATE exam_groups SET attendees_read = 0 WHERE exam_id = ? AND number = ?').run(
            g.exam_id,
            g.number
          )
          return
        }
        throw error
      }
      const people = expectList(obj(answer)?.attendees ?? null, 'an exam group’s attendees').map((raw) =>
        toUser(raw)
      )
      db.transaction(() => {
        stmt(db, 'DELETE FROM exam_attendees WHERE exam_id = ? AND group_number = ?').run(g.exam_id, g.number)
        for (const p of people) {
          upsertUser(db, p)
          stmt(
            db,
            'INSERT OR IGNORE INTO exam_attendees (exam_id, group_number, user_id) VALUES (?, ?, ?)'
          ).run(g.exam_id, g.number, p.id)
        }
        stmt(db, 'UPDATE exam_groups SET attendees_read = 1 WHERE exam_id = ? AND number = ?').run(
          g.exam_id,
          g.number
        )
      })()
    })
  )
  return groups.length
}

/** The examination sessions of the exams in the mirror, in one multi-id call. */
async function syncExaminationSessions(
  db: Database.Database,
  usos: UsosCaller,
  signal?: AbortSignal
): Promise<number> {
  const ids = (
    stmt(
      db,
      'SELECT DISTINCT examination_session_id AS id FROM exams WHERE examination_session_id IS NOT NULL'
    ).all() as Array<{
      id: string
    }>
  ).map((r) => r.id)
  if (ids.length === 0) return 0
  const answer = obj(
    await usos.call<unknown>(
      'services/exams/examination_sessions',
      { ids: ids.join('|'), fields: 'id|name|status|faculty' },
      signal ? { signal } : {}
    )
  )
  if (!answer)
    throw new AppError('usos_error', 'USOS answered the examination sessions in an unexpected shape.', {
      kind: 'bad_response'
    })
  db.transaction(() => {
    for (const id of ids) {
      const s = obj(answer[id])
      if (!s) continue
      const name = langDict(s.name)
      stmt(
        db,
        `INSERT INTO examination_sessions (id, name_pl, name_en, status, faculty_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en, status = excluded.status,
           faculty_id = excluded.faculty_id`
      ).run(id, name?.pl ?? null, name?.en ?? null, str(s.status), str(obj(s.faculty)?.id ?? s.faculty))
    }
  })()
  return 1
}
