/**
 * Objects of other USOS modules that the exams pages reference and no other part of the demo
 * installation serves: exam reports (services/examrep), their sessions, and users/user2.
 */
import type { ObjectType } from '../../../framework/types'
import { userType } from '../../common/types'
import { gradeValue } from '../grades'
import { examrepById, type ConditionRow, type ExamrepRow } from '../rows'

export const examrepType: ObjectType<ExamrepRow> = {
  name: 'examrep/exam',
  primary: ['id', 'type_description', 'course_id', 'term_id'],
  fields: {
    id: { get: (r) => r.id },
    type_description: { get: (r) => ({ pl: r.type_pl, en: r.type_en }) },
    course_id: { get: (r) => r.course_id },
    term_id: { get: (r) => r.term_id }
  },
  load: (id, ctx) => examrepById(ctx.db, id)
}

/** One sitting ("termin") of an exam report: the first, or the resit. */
export interface ExamrepSession {
  examrep_id: number
  number: number
}
const SITTINGS: Record<number, { pl: string; en: string }> = {
  1: { pl: 'Termin 1', en: 'First sitting' },
  2: { pl: 'Termin 2 (poprawkowy)', en: 'Second sitting (resit)' }
}

export const examrepSessionType: ObjectType<ExamrepSession> = {
  name: 'examrep/exam_session',
  primary: ['exam_id', 'number', 'description'],
  fields: {
    exam_id: { get: (s) => s.examrep_id },
    number: { get: (s) => s.number },
    description: {
      get: (s) => SITTINGS[s.number] ?? { pl: `Termin ${s.number}`, en: `Sitting ${s.number}` }
    }
  }
}

/** services/users/user2 answers the same person objects as users/user. */
export const user2Type: ObjectType<never> = {
  ...(userType as unknown as ObjectType<never>),
  name: 'users/user2'
}

export const conditionType: ObjectType<ConditionRow> = {
  name: 'exams/condition',
  primary: ['examrep', 'grade_value'],
  fields: {
    examrep: { ref: 'examrep/exam', get: (c) => c.examrep_id },
    grade_value: { get: (c) => gradeValue(c.grade_symbol) }
  }
}
