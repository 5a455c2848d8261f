/**
 * Who may see what. The pages say:
 * - attendees of an exam group: "only examiner or coordinator" (reasons examiner_only /
 *   coordinator_only); we also let the faculty's registration managers and a trusted (administrative)
 *   consumer acting without a user see them;
 * - slot attendees, admitted_students, unadmitted_students: "Consumer key with administrative access
 *   is required" on top of that; for other keys these fields are null (the slot page lists no error
 *   for them and its default selector includes attendees);
 * - examiners: null when the exam hides them (examiners_visible false), except for the people above.
 */
import { stmt } from '../../support/statements'
import type { CallContext } from '../../framework/types'
import { examById, facultyAndAncestors, sessionById, type ExamRow, type GroupRow } from './rows'

export const isExaminerOfGroup = (ctx: CallContext, examId: number, group: number, userId: string) =>
  Boolean(
    stmt(ctx.db, 'SELECT 1 FROM exams_examiners WHERE exam_id = ? AND group_number = ? AND user_id = ?').get(
      examId,
      group,
      userId
    )
  )

export const isExaminerInExam = (ctx: CallContext, examId: number, userId: string) =>
  Boolean(stmt(ctx.db, 'SELECT 1 FROM exams_examiners WHERE exam_id = ? AND user_id = ?').get(examId, userId))

/** Faculties where the user manages registrations (a manager of a faculty also manages its institutes). */
export const managedFaculties = (ctx: CallContext, userId: string) =>
  (
    stmt(ctx.db, 'SELECT fac_id FROM exams_fac_admins WHERE user_id = ? ORDER BY fac_id').all(
      userId
    ) as Array<{
      fac_id: string
    }>
  ).map((r) => r.fac_id)

export function managesExam(ctx: CallContext, exam: ExamRow, userId: string): boolean {
  if (exam.coordinator_id === userId) return true
  const session = sessionById(ctx.db, exam.session_id)
  if (!session) return false
  const managed = new Set(managedFaculties(ctx, userId))
  return facultyAndAncestors(ctx.db, session.fac_id).some((f) => managed.has(f))
}

/** Why the caller may not list a group's attendees, or null when they may. */
export function attendeeRefusal(ctx: CallContext, g: GroupRow): 'examiner_only' | 'coordinator_only' | null {
  const user = ctx.user
  if (!user) return ctx.consumer.administrative ? null : 'examiner_only'
  const exam = examById(ctx.db, g.exam_id)
  if (!exam) return 'examiner_only'
  if (isExaminerOfGroup(ctx, g.exam_id, g.number, user.id) || managesExam(ctx, exam, user.id)) return null
  // An examiner of another group of the exam is refused because only the coordinator sees them all.
  return isExaminerInExam(ctx, g.exam_id, user.id) ? 'coordinator_only' : 'examiner_only'
}

/** Slot attendees: a trusted consumer key, and the person behind it (if any) an examiner or coordinator. */
export const slotAttendeesVisible = (ctx: CallContext, g: GroupRow) =>
  ctx.consumer.administrative && attendeeRefusal(ctx, g) === null

export function examinersVisible(ctx: CallContext, exam: ExamRow): boolean {
  if (exam.examiners_visible === 1 || ctx.consumer.administrative) return true
  const user = ctx.user
  return Boolean(user && (isExaminerInExam(ctx, exam.id, user.id) || managesExam(ctx, exam, user.id)))
}
