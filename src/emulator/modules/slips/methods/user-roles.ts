/** user_roles: what the caller is in the slips system, entry by entry as the token's scopes allow. */
import type { CallContext, Json, MethodDef } from '../../../framework/types'
import { viewer } from '../permissions'
import { flat, renderForeign } from '../render'
import { stmt } from '../repo'

function facultyDict(ctx: CallContext, ids: Set<string>): Json {
  const out: Record<string, Json> = {}
  for (const id of [...ids].sort()) {
    const fac = renderForeign(ctx, 'fac/faculty', id, flat('id|name'))
    if (fac !== null) out[id] = fac
  }
  return out
}

const exists = (ctx: CallContext, sql: string, ...args: unknown[]): boolean =>
  !!stmt(ctx.db, sql).get(...args)

export const userRolesMethod: MethodDef = {
  name: 'slips/user_roles',
  auth: 'token',
  handler(ctx) {
    const user = ctx.requireUser()
    const v = viewer(ctx)
    const out: Record<string, Json> = {}
    if (ctx.scopes.has('slips_admin')) {
      out.template_admin = { has_role: v.adminFacs.size > 0, faculties: facultyDict(ctx, v.adminFacs) }
    }
    if (ctx.scopes.has('slips')) {
      out.issuer = { has_role: v.issuerFacs.size > 0, faculties: facultyDict(ctx, v.issuerFacs) }
      const isDefault = exists(
        ctx,
        `SELECT 1 FROM slips_question_answerers a JOIN slips_questions q ON q.id = a.question_id
         WHERE a.user_id = ? AND q.is_obsolete = 0 LIMIT 1`,
        user.id
      )
      // "Is, or recently was": obsolete questions and extra answerer assignments count too.
      const hasRole =
        isDefault ||
        exists(ctx, 'SELECT 1 FROM slips_question_answerers WHERE user_id = ? LIMIT 1', user.id) ||
        exists(ctx, 'SELECT 1 FROM slips_extra_answerers WHERE user_id = ? LIMIT 1', user.id)
      out.answerer = { has_role: hasRole, is_default_answerer: isDefault }
      out.client = { has_role: exists(ctx, 'SELECT 1 FROM slips_slips WHERE client_id = ? LIMIT 1', user.id) }
    }
    return out
  }
}
