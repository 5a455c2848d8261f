import { addMinutes } from 'date-fns'
import { stmt } from '../../../core/mirror/statements'
import { UsosApiError, type CallContext, type ObjectType } from '../../framework/types'
import { fromUsosDateTime, usosDateTime } from '../../framework/time'
import { slotCapacity } from './seed'

export interface SessionRow {
  id: number
  name_pl: string
  name_en: string
  description_pl: string | null
  description_en: string | null
  status: string
  fac_id: string
}
export interface ExamRow {
  id: number
  session_id: number
  term_id: string
  course_id: string
  name_pl: string
  name_en: string
  description_pl: string | null
  description_en: string | null
  code: string
  registration_start: string | null
  registration_end: string | null
  register_until: string | null
  unregister_until: string | null
  exchange_until: string | null
  examiners_visible: number
  has_priorities: number
  preferences_limit: number
  micro_round_length: number
  micro_break_length: number
  coordinator_id: string
}
export interface GroupRow {
  exam_id: number
  number: number
  exam_start: string
  exam_end: string
  capacity: number
  number_of_slots: number
  room_id: number | null
  registration_start: string | null
  register_until: string | null
  unregister_until: string | null
}
export interface SlotRef {
  group: GroupRow
  number: number
}

export const sessionById = (ctx: CallContext, id: number | string) =>
  (stmt(ctx.db, 'SELECT * FROM exams_sessions WHERE id = ?').get(Number(id)) as SessionRow | undefined) ??
  null
export const examById = (ctx: CallContext, id: number | string) =>
  (stmt(ctx.db, 'SELECT * FROM exams_exams WHERE id = ?').get(Number(id)) as ExamRow | undefined) ?? null
export const groupOf = (ctx: CallContext, examId: number, number: number) =>
  (stmt(ctx.db, 'SELECT * FROM exams_groups WHERE exam_id = ? AND number = ?').get(examId, number) as
    GroupRow | undefined) ?? null

export const isExaminer = (ctx: CallContext, g: GroupRow) =>
  Boolean(
    ctx.user &&
    stmt(ctx.db, 'SELECT 1 FROM exams_examiners WHERE exam_id = ? AND group_number = ? AND user_id = ?').get(
      g.exam_id,
      g.number,
      ctx.user.id
    )
  )
export const isCoordinator = (ctx: CallContext, examId: number) =>
  Boolean(ctx.user && (examById(ctx, examId)?.coordinator_id ?? null) === ctx.user.id)

/** Attendees are for examiners, the course coordinator and administrative consumers. */
export function requireAttendeeAccess(ctx: CallContext, g: GroupRow): void {
  if (ctx.consumer.administrative || isCoordinator(ctx, g.exam_id) || isExaminer(ctx, g)) return
  throw new UsosApiError(
    403,
    'object_forbidden',
    'Only an examiner or the coordinator has access to the attendees.',
    { reasons: ['examiner_only'] }
  )
}

const registered = (ctx: CallContext, examId: number, group: number, slot?: number) =>
  (slot === undefined
    ? stmt(
        ctx.db,
        'SELECT user_id FROM exams_registrations WHERE exam_id = ? AND group_number = ? ORDER BY user_id'
      ).all(examId, group)
    : stmt(
        ctx.db,
        'SELECT user_id FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ? ORDER BY user_id'
      ).all(examId, group, slot)
  ).map((r) => (r as { user_id: string }).user_id)

function slotTimes(g: GroupRow, n: number): { start: string; end: string } {
  const start = fromUsosDateTime(g.exam_start)
  const minutes = (fromUsosDateTime(g.exam_end).getTime() - start.getTime()) / 60_000 / g.number_of_slots
  return {
    start: usosDateTime(addMinutes(start, minutes * (n - 1))),
    end: usosDateTime(addMinutes(start, minutes * n))
  }
}

export const sessionType: ObjectType<SessionRow> = {
  name: 'exams/examination_session',
  primary: ['id', 'status', 'exams', 'faculty'],
  fields: {
    id: { get: (s) => s.id },
    name: { get: (s) => ({ pl: s.name_pl, en: s.name_en }) },
    description: { get: (s) => ({ pl: s.description_pl, en: s.description_en }) },
    status: { get: (s) => s.status },
    exams: {
      get: (s, ctx) =>
        (
          stmt(ctx.db, 'SELECT id FROM exams_exams WHERE session_id = ? ORDER BY id').all(s.id) as Array<{
            id: number
          }>
        ).map((r) => r.id),
      ref: 'exams/exam'
    },
    faculty: {
      get: (s, ctx) => {
        const f = stmt(ctx.db, 'SELECT id, name_pl, name_en FROM faculties WHERE id = ?').get(s.fac_id) as
          { id: string; name_pl: string; name_en: string } | undefined
        return f ? { id: f.id, name: { pl: f.name_pl, en: f.name_en } } : null
      }
    }
  },
  load: (id, ctx) => sessionById(ctx, id)
}

export const examType: ObjectType<ExamRow> = {
  name: 'exams/exam',
  primary: [
    'id',
    'examination_session_id',
    'term',
    'course',
    'registration_start',
    'registration_end',
    'examiners_visible',
    'groups',
    'code',
    'has_priorities',
    'preferences_limit'
  ],
  fields: {
    id: { get: (e) => e.id },
    examination_session_id: { get: (e) => e.session_id },
    term: { get: (e) => e.term_id, ref: 'terms/term' },
    course: { get: (e) => e.course_id, ref: 'courses/course' },
    registration_start: { get: (e) => e.registration_start },
    registration_end: { get: (e) => e.registration_end },
    examiners_visible: { get: (e) => e.examiners_visible === 1 },
    name: { get: (e) => ({ pl: e.name_pl, en: e.name_en }) },
    description: { get: (e) => ({ pl: e.description_pl, en: e.description_en }) },
    groups: {
      get: (e, ctx) => stmt(ctx.db, 'SELECT * FROM exams_groups WHERE exam_id = ? ORDER BY number').all(e.id),
      ref: 'exams/group'
    },
    code: { get: (e) => e.code },
    has_priorities: { get: (e) => e.has_priorities === 1 },
    preferences_limit: { get: (e) => e.preferences_limit },
    micro_round_length: { get: (e) => e.micro_round_length },
    micro_break_length: { get: (e) => e.micro_break_length },
    register_until: { get: (e) => e.register_until },
    unregister_until: { get: (e) => e.unregister_until },
    exchange_until: { get: (e) => e.exchange_until },
    examrep_session: { get: (e) => ({ id: `${e.term_id}:${e.course_id}` }) },
    students_count: {
      get: (e, ctx) =>
        (
          stmt(ctx.db, 'SELECT COUNT(*) AS n FROM exams_admitted WHERE exam_id = ?').get(e.id) as {
            n: number
          }
        ).n
    },
    admission_conditions: {
      secondary: true,
      get: (e, ctx) =>
        Object.fromEntries(
          (
            stmt(ctx.db, 'SELECT examrep_id, grade_symbol FROM exams_conditions WHERE exam_id = ?').all(
              e.id
            ) as Array<{ examrep_id: number; grade_symbol: string | null }>
          ).map((c) => [
            String(c.examrep_id),
            {
              examrep: { id: c.examrep_id },
              grade_value: c.grade_symbol
                ? {
                    symbol: c.grade_symbol,
                    passes: true,
                    decimal_value: c.grade_symbol,
                    name: { pl: c.grade_symbol, en: c.grade_symbol },
                    order_key: Number(c.grade_symbol)
                  }
                : null
            }
          ])
        )
    },
    admitted_students: {
      secondary: true,
      get: (e, ctx) => {
        if (!ctx.consumer.administrative)
          throw new UsosApiError(
            403,
            'object_forbidden',
            'admitted_students needs an administrative consumer key.',
            { reasons: ['administrative_only'] }
          )
        return (
          stmt(ctx.db, 'SELECT user_id FROM exams_admitted WHERE exam_id = ? ORDER BY user_id').all(
            e.id
          ) as Array<{ user_id: string }>
        ).map((r) => r.user_id)
      }
    },
    unadmitted_students: {
      secondary: true,
      get: (e, ctx) => {
        if (!ctx.consumer.administrative)
          throw new UsosApiError(
            403,
            'object_forbidden',
            'unadmitted_students needs an administrative consumer key.',
            { reasons: ['administrative_only'] }
          )
        const out: Record<string, number[]> = {}
        for (const r of stmt(
          ctx.db,
          'SELECT user_id, examrep_id FROM exams_unadmitted WHERE exam_id = ?'
        ).all(e.id) as Array<{ user_id: string; examrep_id: number }>) {
          ;(out[r.user_id] ??= []).push(r.examrep_id)
        }
        return out
      }
    }
  },
  load: (id, ctx) => examById(ctx, id)
}

export const groupType: ObjectType<GroupRow> = {
  name: 'exams/group',
  primary: [
    'exam_id',
    'number',
    'exam_start',
    'exam_end',
    'capacity',
    'number_of_slots',
    'slots',
    'examiners'
  ],
  fields: {
    exam_id: { get: (g) => g.exam_id },
    number: { get: (g) => g.number },
    exam_start: { get: (g) => g.exam_start },
    exam_end: { get: (g) => g.exam_end },
    capacity: { get: (g) => g.capacity },
    number_of_slots: { get: (g) => g.number_of_slots },
    slots: {
      get: (g) => Array.from({ length: g.number_of_slots }, (_, i) => ({ group: g, number: i + 1 })),
      ref: 'exams/slot'
    },
    examiners: {
      get: (g, ctx) => {
        const exam = examById(ctx, g.exam_id)
        if (exam && exam.examiners_visible !== 1 && !ctx.consumer.administrative) return null
        return (
          stmt(
            ctx.db,
            'SELECT user_id FROM exams_examiners WHERE exam_id = ? AND group_number = ? ORDER BY user_id'
          ).all(g.exam_id, g.number) as Array<{ user_id: string }>
        ).map((r) => r.user_id)
      },
      ref: 'users/user'
    },
    room: { get: (g) => g.room_id, ref: 'geo/room' },
    is_examiner: { get: (g, ctx) => isExaminer(ctx, g) },
    register_until: { get: (g) => g.register_until },
    unregister_until: { get: (g) => g.unregister_until },
    registration_start: { get: (g) => g.registration_start },
    attendees: {
      get: (g, ctx) => {
        requireAttendeeAccess(ctx, g)
        return registered(ctx, g.exam_id, g.number)
      },
      ref: 'users/user2'
    }
  },
  load: (id, ctx) => {
    const [exam, number] = String(id).split(':')
    return groupOf(ctx, Number(exam), Number(number))
  }
}

export const slotType: ObjectType<SlotRef> = {
  name: 'exams/slot',
  // Nested without brackets a slot shows what everyone may see; `attendees` is asked for by name.
  primary: ['number', 'capacity', 'attendees_count'],
  fields: {
    number: { get: (s) => s.number },
    capacity: { get: (s) => slotCapacity(s.group.capacity, s.group.number_of_slots, s.number) },
    attendees_count: { get: (s, ctx) => registered(ctx, s.group.exam_id, s.group.number, s.number).length },
    attendees: {
      get: (s, ctx) => {
        requireAttendeeAccess(ctx, s.group)
        return registered(ctx, s.group.exam_id, s.group.number, s.number)
      }
    },
    start: { get: (s) => slotTimes(s.group, s.number).start },
    end: { get: (s) => slotTimes(s.group, s.number).end }
  }
}

/** The examrep and users/user2 objects the exams pages reference, with their primary fields. */
export const examrepType: ObjectType<{
  id: number
  name_pl: string
  name_en: string
  course_id: string
  term_id: string
}> = {
  name: 'examrep/exam',
  primary: ['id', 'name', 'course_id', 'term_id'],
  fields: {
    id: { get: (r) => r.id },
    name: { get: (r) => ({ pl: r.name_pl, en: r.name_en }) },
    course_id: { get: (r) => r.course_id },
    term_id: { get: (r) => r.term_id }
  },
  load: (id, ctx) =>
    (stmt(ctx.db, 'SELECT * FROM exams_examreps WHERE id = ?').get(Number(id)) as never) ?? null
}

export const user2Type: ObjectType<{ id: string; first_name: string; last_name: string }> = {
  name: 'users/user2',
  primary: ['id', 'first_name', 'last_name'],
  fields: {
    id: { get: (u) => u.id },
    first_name: { get: (u) => u.first_name },
    last_name: { get: (u) => u.last_name }
  },
  load: (id, ctx) =>
    (stmt(ctx.db, 'SELECT id, first_name, last_name FROM users WHERE id = ?').get(String(id)) as never) ??
    null
}

export interface ConditionRow {
  exam_id: number
  examrep_id: number
  grade_symbol: string | null
}
export const conditionType: ObjectType<ConditionRow> = {
  name: 'exams/condition',
  primary: ['examrep', 'grade_value'],
  fields: {
    examrep: { get: (c) => c.examrep_id, ref: 'examrep/exam' },
    grade_value: {
      get: (c) =>
        c.grade_symbol
          ? {
              symbol: c.grade_symbol,
              passes: true,
              decimal_value: c.grade_symbol,
              name: { pl: `ocena ${c.grade_symbol}`, en: `grade ${c.grade_symbol}` },
              order_key: Number(c.grade_symbol)
            }
          : null
    }
  }
}

export const examsTypes = [sessionType, examType, groupType, slotType, examrepType, user2Type, conditionType]
