/** Exams: one, many, a student's, a search over registration windows, and admission conditions. */
import { stmt } from '../../../support/statements'
import { invalid } from '../../../framework/params'
import { UsosApiError, type CallContext, type Json, type MethodDef } from '../../../framework/types'
import { addMonths } from '../dates'
import { CONDITION_DEFAULT, EXAM_DEFAULT, refuseSecondaryExamFields, renderExam } from '../render'
import { ACTIVE_STATUSES, examById, facultyAndDescendants, facultyExists, type ExamRow } from '../rows'
import { examOf, idList, notFound } from './common'

const TYPE = 'exams/exam'

const renderList = (ctx: CallContext, exams: ExamRow[], opts: { primaryOnly?: boolean } = {}): Json => {
  const selector = ctx.fields(TYPE, EXAM_DEFAULT, { listMethod: true })
  if (opts.primaryOnly) refuseSecondaryExamFields(selector)
  return exams.map((e) => renderExam(ctx, e, selector))
}

/** Exams a person is involved in: as a student (admitted, registered, refused) or as staff. */
const RELATED_TO_USER = `(
  EXISTS (SELECT 1 FROM exams_admitted a WHERE a.exam_id = e.id AND a.user_id = :user)
  OR EXISTS (SELECT 1 FROM exams_registrations r WHERE r.exam_id = e.id AND r.user_id = :user)
  OR EXISTS (SELECT 1 FROM exams_unadmitted u WHERE u.exam_id = e.id AND u.user_id = :user)
  OR EXISTS (SELECT 1 FROM exams_examiners x WHERE x.exam_id = e.id AND x.user_id = :user)
  OR e.coordinator_id = :user)`

function searchRegistrations(ctx: CallContext): Json {
  const start = ctx.params.date('start_date', { required: true }) as string
  const end = ctx.params.date('end_date', { required: true }) as string
  const facId = ctx.params.string('faculty_id', '') as string
  const userRelated = ctx.params.bool('user_related', false)
  if (end < start)
    throw new UsosApiError(400, 'params_invalid', 'end_date must follow start_date.', {
      reason: 'session_not_found'
    })
  if (end > addMonths(start, 1))
    throw new UsosApiError(400, 'params_invalid', 'The date range must not be longer than one month.', {
      reason: 'too_long_date_range'
    })
  if (userRelated && !ctx.user)
    throw invalid('user_related', 'registrations related to the user need an Access Token.')
  if (facId !== '' && !facultyExists(ctx.db, facId)) throw notFound('faculty_id', `Faculty ${facId}`)
  const selector = ctx.fields(TYPE, EXAM_DEFAULT, { listMethod: true })
  // A faculty's registrations include those of its institutes.
  const facs = facId === '' ? null : facultyAndDescendants(ctx.db, facId)
  const rows = stmt(
    ctx.db,
    `SELECT e.* FROM exams_exams e JOIN exams_sessions s ON s.id = e.session_id
     WHERE s.status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})
       AND e.registration_start IS NOT NULL AND e.registration_end IS NOT NULL
       AND e.registration_end >= :from AND e.registration_start <= :to
       AND (:facs IS NULL OR s.fac_id IN (SELECT value FROM json_each(:facs)))
       AND (:user IS NULL OR ${RELATED_TO_USER})
     ORDER BY e.registration_start, e.id`
  ).all({
    from: `${start} 00:00:00`,
    to: `${end} 23:59:59`,
    facs: facs ? JSON.stringify(facs) : null,
    user: userRelated ? (ctx.user?.id ?? null) : null
  }) as ExamRow[]
  return rows.map((e) => renderExam(ctx, e, selector))
}

export const examMethods: MethodDef[] = [
  {
    name: 'exams/exam',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const id = ctx.params.requiredInt('id')
      const selector = ctx.fields(TYPE, EXAM_DEFAULT)
      return renderExam(ctx, examOf(ctx, id, 'id'), selector)
    }
  },
  {
    name: 'exams/exams',
    auth: 'consumer',
    anonymous: true,
    handler: (ctx) => {
      const ids = idList(ctx, 'ids')
      const selector = ctx.fields(TYPE, EXAM_DEFAULT, { listMethod: true })
      return Object.fromEntries(
        ids.map((id) => {
          const exam = examById(ctx.db, id)
          return [id, exam ? renderExam(ctx, exam, selector) : null]
        })
      )
    }
  },
  {
    // Exams the student is admitted to, registered for, or refused admission to, in sessions
    // already announced (not in preparation).
    name: 'exams/student_exams',
    auth: 'token',
    scopes: ['studies'],
    handler: (ctx) => {
      const user = ctx.requireUser()
      const rows = stmt(
        ctx.db,
        `SELECT e.* FROM exams_exams e JOIN exams_sessions s ON s.id = e.session_id
         WHERE s.status <> 'in_preparation' AND (
           EXISTS (SELECT 1 FROM exams_admitted a WHERE a.exam_id = e.id AND a.user_id = :user)
           OR EXISTS (SELECT 1 FROM exams_registrations r WHERE r.exam_id = e.id AND r.user_id = :user)
           OR EXISTS (SELECT 1 FROM exams_unadmitted u WHERE u.exam_id = e.id AND u.user_id = :user))
         ORDER BY e.registration_start, e.id`
      ).all({ user: user.id }) as ExamRow[]
      return renderList(ctx, rows, { primaryOnly: true })
    }
  },
  {
    name: 'exams/search_exams_registrations',
    auth: 'token_optional',
    handler: searchRegistrations
  },
  {
    name: 'exams/condition',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const examId = ctx.params.requiredInt('exam_id')
      const examrepId = ctx.params.requiredInt('examrep_id')
      const selector = ctx.fields('exams/condition', CONDITION_DEFAULT, { listMethod: true })
      const exam = examOf(ctx, examId)
      const row = stmt(ctx.db, 'SELECT * FROM exams_conditions WHERE exam_id = ? AND examrep_id = ?').get(
        exam.id,
        examrepId
      )
      if (!row)
        throw notFound('examrep_id', `Admission condition on exam report ${examrepId} of exam ${exam.id}`)
      return ctx.select('exams/condition', row, selector)
    }
  }
]
