/** `slips/question`: the fields of the question method. */
import type { CallContext } from '../../../framework/types'
import { canDeleteQuestion, requireFieldScope, type Verdict } from '../permissions'
import { questionAnswerers, type QuestionRow } from '../repo'
import { bool, why, type SlipsType } from './def'
import { questionRow, templateRow } from './rows'
import { M } from '../messages'

function deleteVerdict(q: QuestionRow, ctx: CallContext): Verdict {
  const tpl = templateRow(ctx, q.tpl_id)
  return tpl ? canDeleteQuestion(ctx, tpl) : { ok: false, why: M.templateNotFound }
}

export const questionType: SlipsType<QuestionRow> = {
  name: 'slips/question',
  primary: ['id', 'question'],
  load: (id, ctx) => questionRow(ctx, Number(id)),
  fields: {
    id: { get: (q) => String(q.id) },
    tpl_id: { get: (q) => String(q.tpl_id) },
    question: { get: (q) => q.question },
    desc_for_answerers: { get: (q) => q.desc_for_answerers },
    answerers: { get: (q, ctx) => questionAnswerers(ctx.db, q.id), ref: 'users/user' },
    is_included_by_default: { get: (q) => bool(q.is_included_by_default) },
    can_client_answer: { get: (q) => bool(q.can_client_answer) },
    can_issuers_answer: { get: (q) => bool(q.can_issuers_answer) },
    can_issuers_assign_answerers: { get: (q) => bool(q.can_issuers_assign_answerers) },
    is_obsolete: { get: (q) => bool(q.is_obsolete) },
    regexp_cleared: { get: (q) => q.regexp_cleared },
    regexp_rejected: { get: (q) => q.regexp_rejected },
    quick_answers: { get: (q) => q.quick_answers },
    can_i_delete: {
      get: (q, ctx) => {
        requireFieldScope(ctx, 'slips_admin', 'can_i_delete')
        return deleteVerdict(q, ctx).ok
      }
    },
    why_cant_i_delete: { get: (q, ctx) => why(deleteVerdict(q, ctx)) }
  }
}
