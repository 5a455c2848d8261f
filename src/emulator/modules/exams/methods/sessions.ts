/** Examination sessions: one, many, the active ones, a faculty's, a manager's, a person's. */
import { stmt } from '../../../support/statements'
import { invalid } from '../../../framework/params'
import type { CallContext, Json, MethodDef } from '../../../framework/types'
import { managedFaculties } from '../access'
import { SESSION_DEFAULT } from '../render'
import { facultyAndDescendants, facultyExists, SESSION_STATUSES, sessionById, type SessionRow } from '../rows'
import type { SessionEntity } from '../types/session'
import { idList, notFound } from './common'

const TYPE = 'exams/examination_session'

/**
 * Sessions reference exams "(only primary are allowed)": every session selector is validated as a
 * list method's, so secondary exam fields are refused inside `exams[...]`.
 */
const sessionSelector = (ctx: CallContext) => ctx.fields(TYPE, SESSION_DEFAULT, { listMethod: true })

const renderAll = (ctx: CallContext, sessions: SessionEntity[]): Json => {
  const selector = sessionSelector(ctx)
  return sessions.map((s) => ctx.select(TYPE, s, selector))
}

const sessionsWhere = (ctx: CallContext, where: string, ...args: unknown[]) =>
  stmt(ctx.db, `SELECT * FROM exams_sessions WHERE ${where} ORDER BY id`).all(...args) as SessionRow[]

/** The `user` method's view: sessions with the exams a person coordinates or examines. */
function assignedSessions(ctx: CallContext, userId: string): SessionEntity[] {
  const only = new Map<number, Set<number> | 'all'>()
  const sessionOf = new Map<number, number>()
  const coordinated = stmt(ctx.db, 'SELECT id, session_id FROM exams_exams WHERE coordinator_id = ?').all(
    userId
  ) as Array<{ id: number; session_id: number }>
  // A coordinator gets all the exam's groups; an examiner the groups they examine.
  for (const e of coordinated) {
    only.set(e.id, 'all')
    sessionOf.set(e.id, e.session_id)
  }
  const examined = stmt(
    ctx.db,
    `SELECT x.exam_id, x.group_number, e.session_id FROM exams_examiners x JOIN exams_exams e ON e.id = x.exam_id
     WHERE x.user_id = ?`
  ).all(userId) as Array<{ exam_id: number; group_number: number; session_id: number }>
  for (const x of examined) {
    const cur = only.get(x.exam_id)
    if (cur === 'all') continue
    only.set(x.exam_id, new Set([...(cur ?? []), x.group_number]))
    sessionOf.set(x.exam_id, x.session_id)
  }
  const sessionIds = [...new Set(sessionOf.values())].sort((a, b) => a - b)
  return sessionIds.flatMap((id) => {
    const s = sessionById(ctx.db, id)
    return s ? [{ ...s, only }] : []
  })
}

export const sessionMethods: MethodDef[] = [
  {
    name: 'exams/active_examination_sessions',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => renderAll(ctx, sessionsWhere(ctx, "status = 'active'"))
  },
  {
    name: 'exams/faculty_examination_sessions',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const facId = ctx.params.requiredString('faculty_id')
      const statuses = ctx.params.list('status', { required: true })
      for (const s of statuses) {
        if (!(SESSION_STATUSES as readonly string[]).includes(s))
          throw invalid('status', `"${s}" is not one of ${SESSION_STATUSES.join(', ')}.`)
      }
      const selector = sessionSelector(ctx)
      if (!facultyExists(ctx.db, facId)) throw notFound('faculty_id', `Faculty ${facId}`)
      const rows = sessionsWhere(
        ctx,
        `fac_id = ? AND status IN (${statuses.map(() => '?').join(', ')})`,
        facId,
        ...statuses
      )
      return rows.map((s) => ctx.select(TYPE, s, selector))
    }
  },
  {
    name: 'exams/examination_session',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const id = ctx.params.requiredInt('id')
      const selector = sessionSelector(ctx)
      const session = sessionById(ctx.db, id)
      if (!session) throw notFound('id', `Examination session ${id}`)
      return ctx.select(TYPE, session, selector)
    }
  },
  {
    name: 'exams/examination_sessions',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const ids = idList(ctx, 'ids')
      const selector = sessionSelector(ctx)
      return Object.fromEntries(ids.map((id) => [id, ctx.select(TYPE, sessionById(ctx.db, id), selector)]))
    }
  },
  {
    // Faculty ids where the user manages registrations (with the institutes below them), each
    // mapped to that faculty's sessions; someone who manages none gets an empty dictionary.
    name: 'exams/administrator',
    auth: 'token',
    scopes: ['staff_perspective'],
    handler: (ctx) => {
      const user = ctx.requireUser()
      const selector = sessionSelector(ctx)
      const facs = new Set(managedFaculties(ctx, user.id).flatMap((f) => facultyAndDescendants(ctx.db, f)))
      const out: Record<string, Json> = {}
      for (const f of [...facs].sort())
        out[f] = sessionsWhere(ctx, 'fac_id = ?', f).map((s) => ctx.select(TYPE, s, selector))
      return out
    }
  },
  {
    name: 'exams/user',
    auth: 'token',
    administrative: true,
    handler: (ctx) => renderAll(ctx, assignedSessions(ctx, ctx.requireUser().id))
  }
]
