/** `slips/slip`: the fields of the slip method. */
import type { CallContext, Json } from '../../../framework/types'
import { canDeleteSlip, canEditSlip, canSeeTemplate, slipRoles } from '../permissions'
import {
  connectedDeep,
  slipSlipquestions,
  type SlipRow,
  type SlipquestionRow,
  type TemplateRow
} from '../repo'
import { why, type SlipsType } from './def'
import { memo } from './cache'
import { programmeRow, questionRow, templateRow } from './rows'

const sqsOf = (ctx: CallContext, slipId: number): SlipquestionRow[] =>
  memo(ctx, `slip-sqs:${slipId}`, () => slipSlipquestions(ctx.db, slipId))

/** The template each slipquestion belongs to, through its question. */
function tplIdOf(ctx: CallContext, sq: SlipquestionRow): number | null {
  return questionRow(ctx, sq.question_id)?.tpl_id ?? null
}

/**
 * Primary template, then its connected_tpl_ids_deep, then any other template the slip's questions
 * come from (in the order those questions appear). Drafts only for those who may see drafts.
 */
function connectedTpls(ctx: CallContext, slip: SlipRow): TemplateRow[] {
  const ids = [slip.tpl_id, ...connectedDeep(ctx.db, slip.tpl_id)]
  const seen = new Set(ids)
  for (const sq of sqsOf(ctx, slip.id)) {
    const tplId = tplIdOf(ctx, sq)
    if (tplId !== null && !seen.has(tplId)) {
      seen.add(tplId)
      ids.push(tplId)
    }
  }
  return ids
    .map((id) => templateRow(ctx, id))
    .filter((t): t is TemplateRow => t !== null && canSeeTemplate(ctx, t))
}

export const slipType: SlipsType<SlipRow> = {
  name: 'slips/slip',
  primary: ['id'],
  fields: {
    id: { get: (s) => String(s.id) },
    template: { get: (s, ctx) => templateRow(ctx, s.tpl_id), ref: 'slips/template' },
    connected_tpls: { get: (s, ctx) => connectedTpls(ctx, s), ref: 'slips/template', singleOnly: true },
    issuer: { get: (s) => s.issuer_id, ref: 'users/user' },
    client: { get: (s) => s.client_id, ref: 'users/user' },
    student_programme: {
      get: (s, ctx) => (s.student_programme_id === null ? null : programmeRow(ctx, s.student_programme_id)),
      ref: 'slips/student_programme'
    },
    state: { get: (s) => s.state },
    user_roles: { get: (s, ctx) => slipRoles(ctx, s) },
    date_created: { get: (s) => s.date_created },
    date_last_closed: { get: (s) => s.date_last_closed },
    issuers_comment: { get: (s) => s.issuers_comment },
    can_i_edit: { get: (s, ctx) => canEditSlip(ctx, s).ok },
    why_cant_i_edit: { get: (s, ctx) => why(canEditSlip(ctx, s)) },
    can_i_delete: { get: (s, ctx) => canDeleteSlip(ctx, s).ok },
    why_cant_i_delete: { get: (s, ctx) => why(canDeleteSlip(ctx, s)) },
    questions: {
      // Framework fallback (a flat list); the module itself renders the documented dict below.
      get: (s, ctx) => sqsOf(ctx, s.id),
      ref: 'slips/slipquestion',
      render: (s, ctx, sub, renderRef) => {
        const byTpl: Record<string, Json> = {}
        for (const sq of sqsOf(ctx, s.id)) {
          const key = String(tplIdOf(ctx, sq) ?? '')
          const list = (byTpl[key] ??= []) as Json[]
          list.push(renderRef('slips/slipquestion', sq, sub))
        }
        return byTpl
      }
    }
  }
}
