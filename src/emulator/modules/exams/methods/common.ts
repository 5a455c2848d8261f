/** Parameter-to-object helpers of the exams methods, each throwing the documented USOS error. */
import { invalid } from '../../../framework/params'
import { UsosApiError, type CallContext } from '../../../framework/types'
import { examById, groupOf, type ExamRow, type GroupRow } from '../rows'

export const notFound = (param: string, what: string) =>
  new UsosApiError(400, 'object_not_found', `${what} does not exist.`, { param_name: param })

export function examOf(ctx: CallContext, examId: number, param = 'exam_id'): ExamRow {
  const exam = examById(ctx.db, examId)
  if (!exam) throw notFound(param, `Exam ${examId}`)
  return exam
}

export function groupOfExam(ctx: CallContext, exam: ExamRow, number: number): GroupRow {
  const group = groupOf(ctx.db, exam.id, number)
  if (!group) throw notFound('group_number', `Group ${number} of exam ${exam.id}`)
  return group
}

/** A multi-id parameter: pipe-separated integer ids, in the order sent. */
export function idList(ctx: CallContext, param: string): string[] {
  const ids = ctx.params.list(param, { required: true })
  for (const id of ids) if (!/^\d{1,15}$/.test(id)) throw invalid(param, `"${id}" is not an id.`)
  return ids
}
