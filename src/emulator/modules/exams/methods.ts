import { differenceInCalendarDays, parseISO } from 'date-fns'
import { stmt } from '../../../core/mirror/statements'
import { invalid } from '../../framework/params'
import { UsosApiError, type CallContext, type Json, type MethodDef } from '../../framework/types'
import { slotCapacity } from './seed'
import { examById, groupOf, sessionById, type ExamRow, type GroupRow, type SessionRow } from './types'

const SESSION_DEFAULT = 'id|status|exams|faculty'
const EXAM_DEFAULT =
  'id|examination_session_id|term|course|registration_start|registration_end|examiners_visible|groups|code|has_priorities|preferences_limit'
const notFound = (param: string, what: string) =>
  new UsosApiError(400, 'object_not_found', `${what} does not exist.`, { param_name: param })

const list = <T>(ctx: CallContext, type: string, rows: T[], def: string): Json => {
  const selector = ctx.fields(type, def, { listMethod: true })
  return rows.map((r) => ctx.select(type, r, selector))
}

function examParam(ctx: CallContext, param = 'exam_id'): ExamRow {
  const exam = examById(ctx, ctx.params.requiredInt(param))
  if (!exam) throw notFound(param, 'Exam')
  return exam
}

function groupParam(ctx: CallContext): GroupRow {
  const exam = examParam(ctx)
  const group = groupOf(ctx, exam.id, ctx.params.requiredInt('group_number'))
  if (!group) throw notFound('group_number', 'Exam group')
  return group
}

/** `values` / `register` / `unregister`: {"group": {"slot": ["user id", ...]}} as JSON. */
function slotMap(ctx: CallContext, param: string): Record<string, Record<string, string[]>> {
  const raw = ctx.params.requiredString(param)
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw invalid(
      param,
      'expected a JSON dictionary of group numbers to dictionaries of slot numbers to lists of user IDs.'
    )
  }
  const shapeError = () => invalid(param, 'expected {"<group>": {"<slot>": ["<user id>", ...]}}.')
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw shapeError()
  const out: Record<string, Record<string, string[]>> = {}
  for (const [g, slots] of Object.entries(parsed)) {
    if (!/^\d+$/.test(g) || typeof slots !== 'object' || slots === null || Array.isArray(slots))
      throw shapeError()
    out[g] = {}
    for (const [s, users] of Object.entries(slots as Record<string, unknown>)) {
      if (!/^\d+$/.test(s) || !Array.isArray(users)) throw shapeError()
      ;(out[g] as Record<string, string[]>)[s] = users.map((u) => String(u))
    }
  }
  return out
}

type RegisterStatus = 'success' | 'w_already_registered' | 'e_already_registered' | 'e_not_permitted'

/** One registration, applied at most once: the same request twice answers "already registered". */
function register(
  ctx: CallContext,
  exam: ExamRow,
  group: number,
  slot: number,
  userId: string
): RegisterStatus {
  const existing = stmt(
    ctx.db,
    'SELECT group_number, slot_number FROM exams_registrations WHERE exam_id = ? AND user_id = ?'
  ).get(exam.id, userId) as { group_number: number; slot_number: number } | undefined
  if (existing)
    return existing.group_number === group && existing.slot_number === slot
      ? 'w_already_registered'
      : 'e_already_registered'
  const g = groupOf(ctx, exam.id, group)
  const admitted = stmt(ctx.db, 'SELECT 1 FROM exams_admitted WHERE exam_id = ? AND user_id = ?').get(
    exam.id,
    userId
  )
  if (!g || slot < 1 || slot > g.number_of_slots || !admitted) return 'e_not_permitted'
  const taken = (
    stmt(
      ctx.db,
      'SELECT COUNT(*) AS n FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ?'
    ).get(exam.id, group, slot) as { n: number }
  ).n
  if (taken >= slotCapacity(g.capacity, g.number_of_slots, slot)) return 'e_not_permitted'
  stmt(
    ctx.db,
    'INSERT INTO exams_registrations (exam_id, group_number, slot_number, user_id) VALUES (?, ?, ?, ?)'
  ).run(exam.id, group, slot, userId)
  return 'success'
}

function unregister(
  ctx: CallContext,
  exam: ExamRow,
  group: number,
  slot: number,
  userId: string
): 'success' | 'w_already_not_registered' {
  const r = stmt(
    ctx.db,
    'DELETE FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ? AND user_id = ?'
  ).run(exam.id, group, slot, userId)
  return r.changes ? 'success' : 'w_already_not_registered'
}

function registerAll(ctx: CallContext, exam: ExamRow, values: Record<string, Record<string, string[]>>) {
  const out: Record<string, Record<string, Record<string, RegisterStatus>>> = {}
  for (const [g, slots] of Object.entries(values)) {
    out[g] = {}
    for (const [s, users] of Object.entries(slots)) {
      const statuses: Record<string, RegisterStatus> = {}
      for (const u of users) statuses[u] = register(ctx, exam, Number(g), Number(s), u)
      ;(out[g] as Record<string, Record<string, RegisterStatus>>)[s] = statuses
    }
  }
  return out
}

function unregisterAll(ctx: CallContext, exam: ExamRow, values: Record<string, Record<string, string[]>>) {
  const out: Record<string, string> = {}
  for (const [g, slots] of Object.entries(values)) {
    for (const [s, users] of Object.entries(slots))
      for (const u of users) out[u] = unregister(ctx, exam, Number(g), Number(s), u)
  }
  return out
}

const sessionsWhere = (ctx: CallContext, sql: string, ...args: unknown[]) =>
  stmt(ctx.db, `SELECT * FROM exams_sessions WHERE ${sql} ORDER BY id`).all(...args) as SessionRow[]

export const examsMethods: MethodDef[] = [
  {
    name: 'exams/active_examination_sessions',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) =>
      list(ctx, 'exams/examination_session', sessionsWhere(ctx, "status = 'active'"), SESSION_DEFAULT)
  },
  {
    name: 'exams/faculty_examination_sessions',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const fac = ctx.params.requiredString('faculty_id')
      if (!stmt(ctx.db, 'SELECT 1 FROM faculties WHERE id = ?').get(fac))
        throw notFound('faculty_id', 'Faculty')
      const statuses = ctx.params.list('status', { required: true })
      const allowed = ['in_preparation', 'closed', 'archived', 'active_reg_only', 'active']
      for (const s of statuses) if (!allowed.includes(s)) throw invalid('status', `unknown status "${s}".`)
      const rows = sessionsWhere(
        ctx,
        `fac_id = ? AND status IN (${statuses.map(() => '?').join(',')})`,
        fac,
        ...statuses
      )
      return list(ctx, 'exams/examination_session', rows, SESSION_DEFAULT)
    }
  },
  {
    name: 'exams/administrator',
    auth: 'token',
    scopes: ['staff_perspective'],
    handler: (ctx) => {
      const user = ctx.requireUser()
      const facs = (
        stmt(ctx.db, 'SELECT fac_id FROM exams_fac_admins WHERE user_id = ? ORDER BY fac_id').all(
          user.id
        ) as Array<{ fac_id: string }>
      ).map((r) => r.fac_id)
      const selector = ctx.fields('exams/examination_session', SESSION_DEFAULT, { listMethod: true })
      return Object.fromEntries(
        facs.map((f) => [
          f,
          sessionsWhere(ctx, 'fac_id = ?', f).map((s) => ctx.select('exams/examination_session', s, selector))
        ])
      )
    }
  },
  {
    name: 'exams/user',
    auth: 'token',
    administrative: true,
    handler: (ctx) => {
      const user = ctx.requireUser()
      const rows = sessionsWhere(
        ctx,
        `id IN (SELECT e.session_id FROM exams_exams e WHERE e.coordinator_id = ?
           UNION SELECT e.session_id FROM exams_exams e JOIN exams_examiners x ON x.exam_id = e.id WHERE x.user_id = ?
           UNION SELECT e.session_id FROM exams_exams e JOIN exams_registrations r ON r.exam_id = e.id WHERE r.user_id = ?)`,
        user.id,
        user.id,
        user.id
      )
      return list(ctx, 'exams/examination_session', rows, SESSION_DEFAULT)
    }
  },
  {
    name: 'exams/batch_register_exam',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const exam = examParam(ctx)
      const values = slotMap(ctx, 'values')
      return ctx.db.transaction(() => registerAll(ctx, exam, values))()
    }
  },
  {
    name: 'exams/batch_unregister_exam',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const exam = examParam(ctx)
      const values = slotMap(ctx, 'values')
      return ctx.db.transaction(() => unregisterAll(ctx, exam, values))()
    }
  },
  {
    name: 'exams/batch_registration',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const exam = examParam(ctx)
      const out = slotMap(ctx, 'unregister')
      const into = slotMap(ctx, 'register')
      return ctx.db.transaction(() => ({
        unregister: unregisterAll(ctx, exam, out),
        register: registerAll(ctx, exam, into)
      }))()
    }
  },
  {
    name: 'exams/condition',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const exam = examParam(ctx)
      const examrep = ctx.params.requiredInt('examrep_id')
      const selector = ctx.fields('exams/condition', 'examrep|grade_value')
      const row = stmt(ctx.db, 'SELECT * FROM exams_conditions WHERE exam_id = ? AND examrep_id = ?').get(
        exam.id,
        examrep
      )
      if (!row) throw notFound('examrep_id', 'Admission condition')
      return ctx.select('exams/condition', row, selector)
    }
  },
  {
    name: 'exams/exam',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const selector = ctx.fields('exams/exam', EXAM_DEFAULT)
      const exam = examById(ctx, ctx.params.requiredInt('id'))
      if (!exam) throw notFound('id', 'Exam')
      return ctx.select('exams/exam', exam, selector)
    }
  },
  {
    name: 'exams/exams',
    auth: 'consumer',
    anonymous: true,
    handler: (ctx) => {
      const ids = ctx.params.list('ids', { required: true, max: 100 })
      const selector = ctx.fields('exams/exam', EXAM_DEFAULT, { listMethod: true })
      return Object.fromEntries(
        ids.map((id) => [id, /^\d+$/.test(id) ? ctx.select('exams/exam', examById(ctx, id), selector) : null])
      )
    }
  },
  {
    name: 'exams/examination_session',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const selector = ctx.fields('exams/examination_session', SESSION_DEFAULT)
      const s = sessionById(ctx, ctx.params.requiredInt('id'))
      if (!s) throw notFound('id', 'Examination session')
      return ctx.select('exams/examination_session', s, selector)
    }
  },
  {
    name: 'exams/examination_sessions',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const ids = ctx.params.list('ids', { required: true, max: 100 })
      const selector = ctx.fields('exams/examination_session', SESSION_DEFAULT, { listMethod: true })
      return Object.fromEntries(
        ids.map((id) => [
          id,
          /^\d+$/.test(id) ? ctx.select('exams/examination_session', sessionById(ctx, id), selector) : null
        ])
      )
    }
  },
  {
    name: 'exams/exam_group',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const selector = ctx.fields('exams/group', 'exam_id|number|exam_start|exam_end')
      return ctx.select('exams/group', groupParam(ctx), selector)
    }
  },
  {
    name: 'exams/group',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const selector = ctx.fields(
        'exams/group',
        'exam_id|number|exam_start|exam_end|capacity|number_of_slots|slots|examiners'
      )
      return ctx.select('exams/group', groupParam(ctx), selector)
    }
  },
  {
    name: 'exams/slot',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const group = groupParam(ctx)
      const number = ctx.params.requiredInt('slot_number')
      if (number < 1 || number > group.number_of_slots) throw notFound('slot_number', 'Slot')
      const selector = ctx.fields('exams/slot', 'number|capacity|attendees_count|attendees')
      return ctx.select('exams/slot', { group, number }, selector)
    }
  },
  {
    name: 'exams/search_exams_registrations',
    auth: 'token_optional',
    handler: (ctx) => {
      const start = ctx.params.date('start_date', { required: true }) as string
      const end = ctx.params.date('end_date', { required: true }) as string
      if (end < start)
        throw new UsosApiError(400, 'params_invalid', 'end_date must follow start_date.', {
          reasons: ['session_not_found']
        })
      if (differenceInCalendarDays(parseISO(end), parseISO(start)) > 31) {
        throw new UsosApiError(400, 'params_invalid', 'The date range must not be longer than one month.', {
          reasons: ['too_long_date_range']
        })
      }
      const fac = ctx.params.string('faculty_id')
      if (fac !== undefined && !stmt(ctx.db, 'SELECT 1 FROM faculties WHERE id = ?').get(fac))
        throw notFound('faculty_id', 'Faculty')
      const related = ctx.params.bool('user_related', false)
      const userId = related ? ctx.requireUser().id : null
      const rows = (
        stmt(
          ctx.db,
          `SELECT e.* FROM exams_exams e JOIN exams_sessions s ON s.id = e.session_id
           WHERE s.status IN ('active', 'active_reg_only') AND e.registration_end >= ? AND e.registration_start <= ?
             AND (? IS NULL OR s.fac_id = ?) ORDER BY e.id`
        ).all(`${start} 00:00:00`, `${end} 23:59:59`, fac ?? null, fac ?? null) as ExamRow[]
      ).filter(
        (e) =>
          userId === null ||
          Boolean(
            stmt(
              ctx.db,
              `SELECT 1 WHERE EXISTS (SELECT 1 FROM exams_admitted WHERE exam_id = ? AND user_id = ?)
                 OR EXISTS (SELECT 1 FROM exams_examiners WHERE exam_id = ? AND user_id = ?)`
            ).get(e.id, userId, e.id, userId)
          )
      )
      return list(ctx, 'exams/exam', rows, EXAM_DEFAULT)
    }
  },
  {
    name: 'exams/student_exams',
    auth: 'token',
    scopes: ['studies'],
    handler: (ctx) => {
      const user = ctx.requireUser()
      const rows = stmt(
        ctx.db,
        `SELECT e.* FROM exams_exams e WHERE e.id IN (SELECT exam_id FROM exams_admitted WHERE user_id = ?
           UNION SELECT exam_id FROM exams_registrations WHERE user_id = ?) ORDER BY e.id`
      ).all(user.id, user.id) as ExamRow[]
      return list(ctx, 'exams/exam', rows, EXAM_DEFAULT)
    }
  }
]
