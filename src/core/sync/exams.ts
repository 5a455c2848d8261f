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
import { recordedRun } from './runs'
import { fieldSelector } from '../usos/fields'
import type { UsosCaller } from './engine'
import { expectList, langDict, toUser, type WireRoom } from './wire'
import { isUsosError } from '../usos/errors'
import { upsertRoom, upsertUser } from '../mirror/write'

export const EXAMS_INTERVAL_MS = 6 * 60 * 60 * 1000

const GROUP_FIELDS = {
  exam_id: true,
  number: true,
  exam_start: true,
  exam_end: true,
  capacity: true,
  number_of_slots: true,
  room: { id: true, number: true, building_name: true, capacity: true },
  is_examiner: true,
  // A slot's attendees: user ids, for administrative consumer keys only (null otherwise).
  slots: { number: true, capacity: true, attendees_count: true, start: true, end: true, attendees: true }
} as const

const EXAM_SPEC = {
  id: true,
  examination_session_id: true,
  term: { id: true },
  course: { id: true },
  name: true,
  registration_start: true,
  registration_end: true,
  groups: GROUP_FIELDS,
  // Secondary, so asked for at the top of the selector only (never nested).
  admission_conditions: { examrep: { id: true, type_description: true }, grade_value: true }
} as const
const EXAM_FIELDS = fieldSelector(EXAM_SPEC)
/** exams/exams ignores the token: whether the user examines a group is read from the search. */
const { is_examiner: _asExaminer, ...ADMIN_GROUP_FIELDS } = GROUP_FIELDS
const ADMIN_EXAM_FIELDS = fieldSelector({ ...EXAM_SPEC, groups: ADMIN_GROUP_FIELDS })

const ADMIN_SESSION_FIELDS = fieldSelector({
  id: true,
  name: true,
  status: true,
  faculty: true,
  exams: { id: true }
})
/** Ids per exams/exams call: the page names no limit; stay far below any sane one. */
const EXAMS_BATCH = 50

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
  /** Exams of the examination sessions the user administers. */
  administered_exams: number
  skipped: boolean
}

interface ParsedSlot {
  number: number
  capacity: number | null
  attendees_count: number | null
  start: string | null
  end: string | null
  /** User ids, when USOS lists them (administrative keys). */
  attendees: string[] | null
}

interface ParsedGroup {
  number: number
  exam_start: string
  exam_end: string
  capacity: number | null
  number_of_slots: number | null
  room: WireRoom | null
  attendees: number
  examiner: boolean
  slots: ParsedSlot[]
}

interface ParsedCondition {
  examrep_id: string
  examrep_pl: string | null
  examrep_en: string | null
  grade_symbol: string | null
  grade_pl: string | null
  grade_en: string | null
}

interface ParsedExam {
  id: string
  session: string | null
  term: string | null
  course: string | null
  name_pl: string | null
  name_en: string | null
  registration_start: string | null
  registration_end: string | null
  groups: ParsedGroup[]
  conditions: ParsedCondition[]
}

interface ParsedSession {
  id: string
  name_pl: string | null
  name_en: string | null
  status: string | null
  faculty_id: string | null
  faculty_pl: string | null
  faculty_en: string | null
  exam_ids: string[]
}

/** One exam as USOS answers it; groups with a malformed start or end are left out. */
function parseExam(raw: unknown): ParsedExam | null {
  const e = obj(raw)
  const id = e && str(e.id)
  if (!e || !id) return null
  const name = langDict(e.name)
  const groups: ParsedGroup[] = []
  for (const g of Array.isArray(e.groups) ? e.groups : []) {
    const group = obj(g)
    const number = group && num(group.number)
    if (!group || number === null) continue
    const start = str(group.exam_start)
    const end = str(group.exam_end)
    if (!start || !end || !DATETIME.test(start) || !DATETIME.test(end)) continue
    const slots = (Array.isArray(group.slots) ? group.slots : [])
      .map((s) => obj(s))
      .filter((s): s is Record<string, unknown> => s !== null && num(s.number) !== null)
      .map((s) => ({
        number: num(s.number)!,
        capacity: num(s.capacity),
        attendees_count: num(s.attendees_count),
        start: str(s.start),
        end: str(s.end),
        attendees: Array.isArray(s.attendees)
          ? s.attendees.map((a) => str(obj(a)?.id ?? a)).filter((a): a is string => a !== null)
          : null
      }))
    const room = obj(group.room)
    groups.push({
      number,
      exam_start: start,
      exam_end: end,
      capacity: num(group.capacity),
      number_of_slots: num(group.number_of_slots),
      room:
        room && str(room.id)
          ? {
              id: str(room.id)!,
              number: str(room.number),
              building_name: langDict(room.building_name),
              capacity: num(room.capacity)
            }
          : null,
      attendees: slots.reduce((n, s) => n + (s.attendees_count ?? 0), 0),
      examiner: group.is_examiner === true,
      slots
    })
  }
  // A dictionary keyed by exam report id (a list is tolerated too).
  const rawConditions = obj(e.admission_conditions)
  const conditionList = rawConditions
    ? Object.entries(rawConditions)
    : Array.isArray(e.admission_conditions)
      ? e.admission_conditions.map((c) => [null, c] as const)
      : []
  const conditions: ParsedCondition[] = []
  for (const [key, c] of conditionList) {
    const cond = obj(c)
    const examrep = obj(cond?.examrep)
    const examrepId = str(examrep?.id) ?? key
    if (!cond || !examrepId) continue
    const grade = obj(cond.grade_value)
    const type = langDict(examrep?.type_description)
    const gradeName = langDict(grade?.name)
    conditions.push({
      examrep_id: examrepId,
      examrep_pl: type?.pl ?? null,
      examrep_en: type?.en ?? null,
      grade_symbol: str(grade?.symbol),
      grade_pl: gradeName?.pl ?? null,
      grade_en: gradeName?.en ?? null
    })
  }
  return {
    id,
    session: str(e.examination_session_id),
    term: str(obj(e.term)?.id ?? e.term),
    course: str(obj(e.course)?.id ?? e.course),
    name_pl: name?.pl ?? null,
    name_en: name?.en ?? null,
    registration_start: str(e.registration_start),
    registration_end: str(e.registration_end),
    groups,
    conditions
  }
}

/**
 * `exams/administrator`: faculty ids mapped to their examination sessions. A token without
 * staff_perspective (or someone who manages no registrations) administers nothing.
 */
async function readAdministeredSessions(usos: UsosCaller, signal?: AbortSignal): Promise<ParsedSession[]> {
  let answer: unknown
  try {
    answer = await usos.call<unknown>(
      'services/exams/administrator',
      { fields: ADMIN_SESSION_FIELDS },
      signal ? { signal } : {}
    )
  } catch (error) {
    if (isUsosError(error) && (error.kind === 'forbidden' || error.missingScopes.length > 0)) return []
    throw error
  }
  // An empty dictionary may come as [] from a PHP-backed server.
  if (Array.isArray(answer) && answer.length === 0) return []
  const byFaculty = obj(answer)
  if (!byFaculty)
    throw new AppError('usos_error', 'USOS answered the administered exams in an unexpected shape.', {
      kind: 'bad_response'
    })
  const sessions = new Map<string, ParsedSession>()
  for (const [facultyId, list] of Object.entries(byFaculty)) {
    for (const raw of expectList(list, 'the administered examination sessions')) {
      const s = obj(raw)
      const id = s && str(s.id)
      if (!s || !id || sessions.has(id)) continue
      const name = langDict(s.name)
      const faculty = obj(s.faculty)
      const facultyName = langDict(faculty?.name)
      sessions.set(id, {
        id,
        name_pl: name?.pl ?? null,
        name_en: name?.en ?? null,
        status: str(s.status),
        faculty_id: str(faculty?.id ?? s.faculty) ?? facultyId,
        faculty_pl: facultyName?.pl ?? null,
        faculty_en: facultyName?.en ?? null,
        exam_ids: (Array.isArray(s.exams) ? s.exams : [])
          .map((x) => str(obj(x)?.id ?? x))
          .filter((x): x is string => x !== null)
      })
    }
  }
  return [...sessions.values()]
}

export async function syncExamGroups(
  db: Database.Database,
  usos: UsosCaller,
  options: { from: string; to: string; full?: boolean; now?: () => Date; signal?: AbortSignal }
): Promise<ExamsSyncResult> {
  const now = (options.now ?? (() => new Date()))()
  const last = stmt(db, "SELECT value FROM sync_state WHERE key = 'exams_synced_at'").get() as
    { value: string } | undefined
  if (!options.full && last && now.getTime() - Date.parse(last.value) < EXAMS_INTERVAL_MS) {
    return { requests: 0, exams: 0, exam_groups: 0, administered_exams: 0, skipped: true }
  }
  return recordedRun(
    db,
    'exams',
    () => now,
    (syncId) => readAndWrite(db, usos, options, now, syncId)
  )
}

async function readAndWrite(
  db: Database.Database,
  usos: UsosCaller,
  options: { from: string; to: string; signal?: AbortSignal },
  now: Date,
  syncId: number
): Promise<ExamsSyncResult> {
  const signalOpt = options.signal ? { signal: options.signal } : {}
  // USOS allows at most one month per call: calendar months from the window's start.
  const chunks: Array<[string, string]> = []
  for (let d = parseISO(options.from); format(d, 'yyyy-MM-dd') < options.to; d = addMonths(d, 1)) {
    const end = format(addMonths(d, 1), 'yyyy-MM-dd')
    chunks.push([format(d, 'yyyy-MM-dd'), end < options.to ? end : options.to])
  }
  const [answers, sessions] = await Promise.all([
    Promise.all(
      chunks.map(([start, end]) =>
        usos.call<unknown>(
          'services/exams/search_exams_registrations',
          { start_date: start, end_date: end, user_related: true, fields: EXAM_FIELDS },
          signalOpt
        )
      )
    ),
    readAdministeredSessions(usos, options.signal)
  ])
  let requests = chunks.length + 1
  // Examined: the exams with a group the user examines, with those groups only.
  const exams = new Map<string, ParsedExam & { examined: boolean; administered: boolean }>()
  for (const answer of answers) {
    for (const raw of expectList(answer, 'the exams')) {
      const e = parseExam(raw)
      if (!e) continue
      const groups = e.groups.filter((g) => g.examiner)
      if (groups.length > 0) exams.set(e.id, { ...e, groups, examined: true, administered: false })
    }
  }
  // Administered: every exam of the sessions, with all its groups (the examined ones marked).
  const adminIds = [...new Set(sessions.flatMap((s) => s.exam_ids))]
  const batches: string[][] = []
  for (let i = 0; i < adminIds.length; i += EXAMS_BATCH) batches.push(adminIds.slice(i, i + EXAMS_BATCH))
  const adminAnswers = await Promise.all(
    batches.map((ids) =>
      usos.call<unknown>('services/exams/exams', { ids: ids.join('|'), fields: ADMIN_EXAM_FIELDS }, signalOpt)
    )
  )
  requests += batches.length
  for (const answer of adminAnswers) {
    const dict = obj(answer)
    if (!dict)
      throw new AppError('usos_error', 'USOS answered the administered exams in an unexpected shape.', {
        kind: 'bad_response'
      })
    for (const raw of Object.values(dict)) {
      const e = parseExam(raw)
      if (!e) continue
      const examined = exams.get(e.id)
      const mine = new Set(examined?.groups.map((g) => g.number) ?? [])
      exams.set(e.id, {
        ...e,
        groups: e.groups.map((g) => ({ ...g, examiner: mine.has(g.number) })),
        examined: examined !== undefined,
        administered: true
      })
    }
  }
  let groupCount = 0
  // Each examined group's slot of every attendee, where every slot listed its attendees.
  const slotOf = new Map<string, Map<string, number>>()
  for (const e of exams.values())
    for (const g of e.groups)
      if (g.examiner && g.slots.length > 0 && g.slots.every((slot) => slot.attendees !== null))
        slotOf.set(
          `${e.id}:${g.number}`,
          new Map(g.slots.flatMap((slot) => slot.attendees!.map((u) => [u, slot.number] as const)))
        )
  db.transaction(() => {
    for (const e of exams.values()) {
      stmt(
        db,
        `INSERT INTO exams (id, examination_session_id, term_id, course_id, name_pl, name_en, registration_start, registration_end,
           examined, administered, sync_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET examination_session_id = excluded.examination_session_id, term_id = excluded.term_id,
           course_id = excluded.course_id, name_pl = excluded.name_pl, name_en = excluded.name_en,
           registration_start = excluded.registration_start, registration_end = excluded.registration_end,
           examined = excluded.examined, administered = excluded.administered, sync_id = excluded.sync_id`
      ).run(
        e.id,
        e.session,
        e.term,
        e.course,
        e.name_pl,
        e.name_en,
        e.registration_start,
        e.registration_end,
        e.examined ? 1 : 0,
        e.administered ? 1 : 0,
        syncId
      )
      stmt(db, 'DELETE FROM exam_admission_conditions WHERE exam_id = ?').run(e.id)
      for (const c of e.conditions)
        stmt(
          db,
          `INSERT OR REPLACE INTO exam_admission_conditions
             (exam_id, examrep_id, examrep_name_pl, examrep_name_en, grade_symbol, grade_name_pl, grade_name_en)
           VALUES (?, ?, ?, ?, ?, ?, ?)`
        ).run(e.id, c.examrep_id, c.examrep_pl, c.examrep_en, c.grade_symbol, c.grade_pl, c.grade_en)
      for (const g of e.groups) {
        if (g.room) upsertRoom(db, g.room)
        const roomId = g.room?.id ?? null
        const before = stmt(
          db,
          'SELECT exam_start, exam_end, room_id FROM exam_groups WHERE exam_id = ? AND number = ?'
        ).get(e.id, g.number) as { exam_start: string; exam_end: string; room_id: string | null } | undefined
        const moved = before
          ? before.exam_start !== g.exam_start || before.exam_end !== g.exam_end || before.room_id !== roomId
          : false
        stmt(
          db,
          `INSERT INTO exam_groups (exam_id, number, exam_start, exam_end, capacity, number_of_slots, room_id, is_examiner, attendees_count, sync_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(exam_id, number) DO UPDATE SET exam_start = excluded.exam_start, exam_end = excluded.exam_end,
             capacity = excluded.capacity, number_of_slots = excluded.number_of_slots, room_id = excluded.room_id,
             is_examiner = excluded.is_examiner, attendees_count = excluded.attendees_count, sync_id = excluded.sync_id,
             revision = revision + ?`
        ).run(
          e.id,
          g.number,
          g.exam_start,
          g.exam_end,
          g.capacity,
          g.number_of_slots,
          roomId,
          g.examiner ? 1 : 0,
          g.attendees,
          syncId,
          moved ? 1 : 0
        )
        stmt(db, 'DELETE FROM exam_slots WHERE exam_id = ? AND group_number = ?').run(e.id, g.number)
        for (const slot of g.slots)
          stmt(
            db,
            `INSERT INTO exam_slots (exam_id, group_number, number, capacity, attendees_count, start, "end")
             VALUES (?, ?, ?, ?, ?, ?, ?)`
          ).run(e.id, g.number, slot.number, slot.capacity, slot.attendees_count, slot.start, slot.end)
        if (g.examiner) groupCount++
      }
    }
    // Groups the user no longer examines (or that left the window), exams no longer theirs, go.
    stmt(db, 'DELETE FROM exam_groups WHERE sync_id <> ?').run(syncId)
    stmt(db, 'DELETE FROM exams WHERE sync_id <> ?').run(syncId)
    stmt(db, 'UPDATE examination_sessions SET administered = 0').run()
    for (const s of sessions)
      stmt(
        db,
        `INSERT INTO examination_sessions (id, name_pl, name_en, status, faculty_id, faculty_name_pl, faculty_name_en, administered)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT(id) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en, status = excluded.status,
           faculty_id = excluded.faculty_id, faculty_name_pl = excluded.faculty_name_pl,
           faculty_name_en = excluded.faculty_name_en, administered = 1`
      ).run(s.id, s.name_pl, s.name_en, s.status, s.faculty_id, s.faculty_pl, s.faculty_en)
    stmt(
      db,
      "INSERT INTO sync_state (key, value) VALUES ('exams_synced_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    ).run(now.toISOString())
    stmt(db, "UPDATE sync_runs SET state = 'done', finished_at = ?, requests = ? WHERE id = ?").run(
      new Date().toISOString(),
      requests,
      syncId
    )
  })()
  const [attendeeRequests, sessionRequests] = await Promise.all([
    syncExamAttendees(db, usos, slotOf, options.signal),
    syncExaminationSessions(db, usos, options.signal)
  ])
  const all = [...exams.values()]
  return {
    requests: requests + attendeeRequests + sessionRequests,
    exams: all.filter((e) => e.examined).length,
    exam_groups: groupCount,
    administered_exams: all.filter((e) => e.administered).length,
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
  slotOf: ReadonlyMap<string, ReadonlyMap<string, number>>,
  signal?: AbortSignal
): Promise<number> {
  const groups = stmt(db, 'SELECT exam_id, number FROM exam_groups WHERE is_examiner = 1').all() as Array<{
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
      const slots = slotOf.get(`${g.exam_id}:${g.number}`)
      db.transaction(() => {
        stmt(db, 'DELETE FROM exam_attendees WHERE exam_id = ? AND group_number = ?').run(g.exam_id, g.number)
        for (const p of people) {
          upsertUser(db, p)
          stmt(
            db,
            'INSERT OR IGNORE INTO exam_attendees (exam_id, group_number, user_id, slot_number) VALUES (?, ?, ?, ?)'
          ).run(g.exam_id, g.number, p.id, slots?.get(p.id) ?? null)
        }
        stmt(
          db,
          'UPDATE exam_groups SET attendees_read = 1, slots_read = ? WHERE exam_id = ? AND number = ?'
        ).run(slots ? 1 : 0, g.exam_id, g.number)
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
      `SELECT DISTINCT examination_session_id AS id FROM exams
       WHERE examination_session_id IS NOT NULL
         AND examination_session_id NOT IN (SELECT id FROM examination_sessions WHERE administered = 1)`
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
