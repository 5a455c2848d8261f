/**
 * Who may see, issue, edit, delete and answer what. Every rule answers a Verdict whose `why` is the
 * localized sentence the `why_cant_i_*` fields and the `success: false` answers show.
 */
import { UsosApiError, type CallContext, type LangDict } from '../../framework/types'
import { M } from './messages'
import {
  facultyRolesOf,
  stmt,
  templateIsUsed,
  type QuestionRow,
  type SlipRow,
  type SlipquestionRow,
  type TemplateRow
} from './repo'

export type Verdict = { ok: true } | { ok: false; why: LangDict }
const OK: Verdict = { ok: true }
const no = (why: LangDict): Verdict => ({ ok: false, why })

export type SlipRole = 'template_admin' | 'issuer' | 'answerer' | 'client'
export const SLIP_ROLES: readonly SlipRole[] = ['template_admin', 'issuer', 'answerer', 'client']

interface Viewer {
  userId: string | null
  adminFacs: Set<string>
  issuerFacs: Set<string>
}

/** The caller's faculty roles, read once per call. */
const viewers = new WeakMap<CallContext, Viewer>()
export function viewer(ctx: CallContext): Viewer {
  let v = viewers.get(ctx)
  if (!v) {
    const userId = ctx.user?.id ?? null
    const roles = userId ? facultyRolesOf(ctx.db, userId) : null
    v = {
      userId,
      adminFacs: roles?.template_admin ?? new Set(),
      issuerFacs: roles?.issuer ?? new Set()
    }
    viewers.set(ctx, v)
  }
  return v
}

export function hasScope(ctx: CallContext, scope: string): boolean {
  return ctx.user !== null && ctx.scopes.has(scope)
}

/** Fields documented as needing an Access Token and a scope refuse the call without them. */
export function requireFieldScope(ctx: CallContext, scope: string, field: string): void {
  ctx.requireUser()
  if (!ctx.scopes.has(scope)) {
    throw new UsosApiError(
      403,
      'method_forbidden',
      `Access to the "${field}" field requires the "${scope}" scope.`,
      { reason: 'scope_missing', missing_scopes: [scope] }
    )
  }
}

// --- templates and questions -------------------------------------------------------------------

export function isTemplateAdminOf(ctx: CallContext, facId: string): boolean {
  return hasScope(ctx, 'slips_admin') && viewer(ctx).adminFacs.has(facId)
}

export function canEditTemplate(ctx: CallContext, tpl: TemplateRow): Verdict {
  if (!ctx.user) return no(M.signInRequired)
  if (!ctx.scopes.has('slips_admin')) return no(M.scopeAdminRequired)
  if (!viewer(ctx).adminFacs.has(tpl.fac_id)) return no(M.notTemplateAdmin)
  return OK
}

/** Only template editors see drafts; active and obsolete templates are public. */
export function canSeeTemplate(ctx: CallContext, tpl: TemplateRow): boolean {
  return tpl.state !== 'draft' || canEditTemplate(ctx, tpl).ok
}

export function canIssue(ctx: CallContext, tpl: TemplateRow): Verdict {
  if (!ctx.user) return no(M.signInRequired)
  if (!ctx.scopes.has('slips')) return no(M.scopeSlipsRequired)
  if (!viewer(ctx).issuerFacs.has(tpl.fac_id)) return no(M.notIssuer)
  if (tpl.state === 'draft') return no(M.templateDraft)
  if (tpl.state === 'obsolete') return no(M.templateObsolete)
  return OK
}

/** Drafts may always be deleted; other templates only while no slip has used them. */
export function canDeleteTemplate(ctx: CallContext, tpl: TemplateRow): Verdict {
  const edit = canEditTemplate(ctx, tpl)
  if (!edit.ok) return edit
  if (tpl.state !== 'draft' && templateIsUsed(ctx.db, tpl.id)) return no(M.templateInUse)
  return OK
}

export function canDeleteQuestion(ctx: CallContext, tpl: TemplateRow): Verdict {
  const edit = canEditTemplate(ctx, tpl)
  if (!edit.ok) return edit
  if (tpl.state !== 'draft') return no(M.questionNotInDraft)
  return OK
}

// --- slips -------------------------------------------------------------------------------------

function isIssuerOf(ctx: CallContext, facId: string): boolean {
  return viewer(ctx).issuerFacs.has(facId)
}

function isAnswererOnSlip(ctx: CallContext, slipId: number, userId: string): boolean {
  return !!stmt(
    ctx.db,
    `SELECT 1 FROM slips_slipquestions sq
     WHERE sq.slip_id = ? AND (
       EXISTS (SELECT 1 FROM slips_question_answerers a WHERE a.question_id = sq.question_id AND a.user_id = ?)
       OR EXISTS (SELECT 1 FROM slips_extra_answerers e WHERE e.sq_id = sq.id AND e.user_id = ?))
     LIMIT 1`
  ).get(slipId, userId, userId)
}

/** The faculty of the slip's template: issuer and template admin roles are granted per faculty. */
function slipFaculty(ctx: CallContext, slip: SlipRow): string {
  const row = stmt(ctx.db, 'SELECT fac_id FROM slips_templates WHERE id = ?').get(slip.tpl_id) as
    { fac_id: string } | undefined
  return row?.fac_id ?? ''
}

/** The roles the caller "has" on the slip; template_admin only with the slips_admin scope. */
export function slipRoles(ctx: CallContext, slip: SlipRow): SlipRole[] {
  const userId = ctx.user?.id
  if (!userId) return []
  const fac = slipFaculty(ctx, slip)
  const roles: SlipRole[] = []
  if (isTemplateAdminOf(ctx, fac)) roles.push('template_admin')
  if (isIssuerOf(ctx, fac)) roles.push('issuer')
  if (isAnswererOnSlip(ctx, slip.id, userId)) roles.push('answerer')
  if (slip.client_id === userId) roles.push('client')
  return roles
}

export function canSeeSlip(ctx: CallContext, slip: SlipRow): boolean {
  return slipRoles(ctx, slip).length > 0
}

export function canEditSlip(ctx: CallContext, slip: SlipRow): Verdict {
  if (!ctx.user) return no(M.signInRequired)
  if (!isIssuerOf(ctx, slipFaculty(ctx, slip))) return no(M.notSlipIssuer)
  return OK
}

/** Issuers delete slips nobody has answered yet; answered ones are closed instead. */
export function canDeleteSlip(ctx: CallContext, slip: SlipRow): Verdict {
  const edit = canEditSlip(ctx, slip)
  if (!edit.ok) return edit
  const answered = stmt(
    ctx.db,
    'SELECT 1 FROM slips_slipquestions WHERE slip_id = ? AND answer IS NOT NULL LIMIT 1'
  ).get(slip.id)
  if (answered) return no(M.slipHasAnswers)
  return OK
}

// --- slipquestions -----------------------------------------------------------------------------

/** Designated to answer: default answerer, extra answerer, or client/issuer where the question allows. */
export function isDesignatedAnswerer(
  ctx: CallContext,
  sq: SlipquestionRow,
  slip: SlipRow,
  q: QuestionRow
): boolean {
  const userId = ctx.user?.id
  if (!userId) return false
  const listed = stmt(
    ctx.db,
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM slips_question_answerers WHERE question_id = ? AND user_id = ?)
       OR EXISTS (SELECT 1 FROM slips_extra_answerers WHERE sq_id = ? AND user_id = ?)`
  ).get(q.id, userId, sq.id, userId)
  if (listed) return true
  if (q.can_client_answer && slip.client_id === userId) return true
  return !!q.can_issuers_answer && isIssuerOf(ctx, slipFaculty(ctx, slip))
}

export function canAnswer(ctx: CallContext, sq: SlipquestionRow, slip: SlipRow, q: QuestionRow): Verdict {
  if (!ctx.user) return no(M.signInRequired)
  if (!isDesignatedAnswerer(ctx, sq, slip, q)) return no(M.notAnswerer)
  if (slip.state !== 'active') return no(M.slipClosed)
  if (sq.answer !== null && sq.answerer_id !== ctx.user.id) return no(M.answeredBySomeoneElse)
  return OK
}

export function canRemoveAnswer(ctx: CallContext, sq: SlipquestionRow, slip: SlipRow): Verdict {
  if (!ctx.user) return no(M.signInRequired)
  if (sq.answer === null) return no(M.notAnswered)
  if (slip.state !== 'active') return no(M.slipClosed)
  if (sq.answerer_id === ctx.user.id || isIssuerOf(ctx, slipFaculty(ctx, slip))) return OK
  return no(M.cantRemoveAnswer)
}

export function canChangeExtraAnswerers(ctx: CallContext, slip: SlipRow, q: QuestionRow): Verdict {
  if (!ctx.user) return no(M.signInRequired)
  if (q.can_issuers_assign_answerers && isIssuerOf(ctx, slipFaculty(ctx, slip))) return OK
  return no(M.cantChangeExtraAnswerers)
}
