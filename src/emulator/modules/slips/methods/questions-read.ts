/** question, questions. */
import type { CallContext, Json, MethodDef } from '../../../framework/types'
import { canSeeTemplate } from '../permissions'
import { render } from '../render'
import { getQuestion, getTemplate, type QuestionRow } from '../repo'
import { forbidden, idList, notFound } from './common'

/** A question is visible wherever its template is (drafts only to their editors). */
function visible(ctx: CallContext, q: QuestionRow): boolean {
  const tpl = getTemplate(ctx.db, q.tpl_id)
  return tpl !== null && canSeeTemplate(ctx, tpl)
}

export const questionMethod: MethodDef = {
  name: 'slips/question',
  auth: 'token_optional',
  handler(ctx) {
    const id = ctx.params.requiredInt('question_id')
    const selector = ctx.fields('slips/question', 'question')
    const q = getQuestion(ctx.db, id)
    if (!q) throw notFound('question_id', 'question')
    if (!visible(ctx, q)) throw forbidden('question_id', 'question of a draft template')
    return render(ctx, 'slips/question', q, selector)
  }
}

export const questionsMethod: MethodDef = {
  name: 'slips/questions',
  auth: 'token_optional',
  handler(ctx) {
    const ids = idList(ctx, 'question_ids', true)
    const selector = ctx.fields('slips/question', 'question')
    const out: Record<string, Json> = {}
    for (const id of ids) {
      const q = getQuestion(ctx.db, Number(id))
      out[id] = q && visible(ctx, q) ? render(ctx, 'slips/question', q, selector) : null
    }
    return out
  }
}
