import type Database from 'better-sqlite3'
import { stmt } from '../../../support/statements'
import type { ObjectType } from '../../../framework/types'
import { conditionsOf, examById, groupsOf, type ExamRow } from '../rows'

/** An exam as rendered; `onlyGroups` narrows its groups (see SessionEntity.only). */
export interface ExamEntity extends ExamRow {
  onlyGroups?: ReadonlySet<number>
}

const admittedCount = (db: Database.Database, examId: number) =>
  (stmt(db, 'SELECT COUNT(*) AS n FROM exams_admitted WHERE exam_id = ?').get(examId) as { n: number }).n

/** Field order of the page; the first eleven are the methods' default selector. */
export const EXAM_DEFAULT_FIELDS = [
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
]

export const examType: ObjectType<ExamEntity> = {
  name: 'exams/exam',
  primary: EXAM_DEFAULT_FIELDS,
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
      ref: 'exams/group',
      get: (e, ctx) => {
        const groups = groupsOf(ctx.db, e.id)
        const only = e.onlyGroups
        return only ? groups.filter((g) => only.has(g.number)) : groups
      }
    },
    code: { get: (e) => e.code },
    has_priorities: { get: (e) => e.has_priorities === 1 },
    preferences_limit: { get: (e) => e.preferences_limit },
    micro_round_length: { get: (e) => e.micro_round_length },
    micro_break_length: { get: (e) => e.micro_break_length },
    register_until: { get: (e) => e.register_until },
    unregister_until: { get: (e) => e.unregister_until },
    exchange_until: { get: (e) => e.exchange_until },
    examrep_session: {
      ref: 'examrep/exam_session',
      get: (e) => ({ examrep_id: e.examrep_id, number: e.examrep_session_number })
    },
    students_count: { get: (e, ctx) => admittedCount(ctx.db, e.id) },
    // Rendered as a list of conditions here; render.ts turns it into the documented dictionary
    // keyed by exam report id (the framework renders references as single objects or lists).
    admission_conditions: {
      secondary: true,
      ref: 'exams/condition',
      get: (e, ctx) => conditionsOf(ctx.db, e.id)
    },
    admitted_students: {
      secondary: true,
      get: (e, ctx) =>
        ctx.consumer.administrative
          ? (
              stmt(
                ctx.db,
                'SELECT user_id FROM exams_admitted WHERE exam_id = ? ORDER BY CAST(user_id AS INTEGER), user_id'
              ).all(e.id) as Array<{ user_id: string }>
            ).map((r) => r.user_id)
          : null
    },
    unadmitted_students: {
      secondary: true,
      get: (e, ctx) => {
        if (!ctx.consumer.administrative) return null
        const out: Record<string, number[]> = {}
        const rows = stmt(
          ctx.db,
          'SELECT user_id, examrep_id FROM exams_unadmitted WHERE exam_id = ? ORDER BY CAST(user_id AS INTEGER), examrep_id'
        ).all(e.id) as Array<{ user_id: string; examrep_id: number }>
        for (const r of rows) (out[r.user_id] ??= []).push(r.examrep_id)
        return out
      }
    }
  },
  load: (id, ctx) => examById(ctx.db, id)
}
