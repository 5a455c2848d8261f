/** Rendering helpers shared by the methods: default selectors, exams with their conditions dictionary. */
import { invalid } from '../../framework/params'
import type { CallContext, Json, Selector } from '../../framework/types'
import { conditionsOf } from './rows'
import { EXAM_DEFAULT_FIELDS, examType, type ExamEntity } from './types/exam'

export const SESSION_DEFAULT = 'id|status|exams|faculty'
export const EXAM_DEFAULT = EXAM_DEFAULT_FIELDS.join('|')
export const GROUP_DEFAULT = 'exam_id|number|exam_start|exam_end|capacity|number_of_slots|slots|examiners'
export const EXAM_GROUP_DEFAULT = 'exam_id|number|exam_start|exam_end'
export const SLOT_DEFAULT = 'number|capacity|attendees_count|attendees'
export const CONDITION_DEFAULT = 'examrep|grade_value'

/**
 * An exam through a selector. `admission_conditions` is documented as a dictionary mapping exam
 * report ids to condition objects: the framework renders the list, and it is keyed here.
 */
export function renderExam(ctx: CallContext, exam: ExamEntity, selector: Selector): Json {
  const out = ctx.select('exams/exam', exam, selector)
  if (out === null || typeof out !== 'object' || Array.isArray(out)) return out
  const list = out.admission_conditions
  if (Array.isArray(list)) {
    const ids = conditionsOf(ctx.db, exam.id).map((c) => String(c.examrep_id))
    out.admission_conditions = Object.fromEntries(ids.map((id, i) => [id, list[i] ?? null]))
  }
  return out
}

/** student_exams: "The selector must contain subset of primary fields". */
export function refuseSecondaryExamFields(selector: Selector): void {
  for (const name of selector.keys()) {
    if (examType.fields[name]?.secondary)
      throw invalid(
        'fields',
        `"${name}" is a secondary field of exams/exam; only primary fields are allowed here.`
      )
  }
}
