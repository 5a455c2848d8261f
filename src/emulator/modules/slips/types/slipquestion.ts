/** `slips/slipquestion`: the fields of the slipquestion method. */
import type { CallContext } from '../../../framework/types'
import { answerStatus } from '../answer-status'
import { M } from '../messages'
import { canAnswer, canChangeExtraAnswerers, canRemoveAnswer, type Verdict } from '../permissions'
import { extraAnswerers, type SlipquestionRow } from '../repo'
import { why, type SlipsType } from './def'
import { questionRow, slipRow } from './rows'

const missing: Verdict = { ok: false, why: M.slipquestionNotFound }

function answerVerdict(ctx: CallContext, sq: SlipquestionRow): Verdict {
  const slip = slipRow(ctx, sq.slip_id)
  const q = questionRow(ctx, sq.question_id)
  return slip && q ? canAnswer(ctx, sq, slip, q) : missing
}

function removeVerdict(ctx: CallContext, sq: SlipquestionRow): Verdict {
  const slip = slipRow(ctx, sq.slip_id)
  return slip ? canRemoveAnswer(ctx, sq, slip) : missing
}

function extraVerdict(ctx: CallContext, sq: SlipquestionRow): Verdict {
  const slip = slipRow(ctx, sq.slip_id)
  const q = questionRow(ctx, sq.question_id)
  return slip && q ? canChangeExtraAnswerers(ctx, slip, q) : missing
}

export function statusOf(ctx: CallContext, sq: SlipquestionRow): string {
  const q = questionRow(ctx, sq.question_id)
  return answerStatus(sq.answer, q?.regexp_cleared ?? null, q?.regexp_rejected ?? null)
}

export const slipquestionType: SlipsType<SlipquestionRow> = {
  name: 'slips/slipquestion',
  primary: ['id', 'question_id'],
  fields: {
    id: { get: (sq) => String(sq.id) },
    slip_id: { get: (sq) => String(sq.slip_id) },
    slip: { get: (sq, ctx) => slipRow(ctx, sq.slip_id), ref: 'slips/slip' },
    question_id: { get: (sq) => String(sq.question_id) },
    question: { get: (sq, ctx) => questionRow(ctx, sq.question_id), ref: 'slips/question' },
    extra_answerers: { get: (sq, ctx) => extraAnswerers(ctx.db, sq.id), ref: 'users/user' },
    answerer: { get: (sq) => sq.answerer_id, ref: 'users/user' },
    answerer_user_id: { get: (sq) => sq.answerer_id },
    answer: { get: (sq) => sq.answer },
    answer_status: { get: (sq, ctx) => statusOf(ctx, sq) },
    date_answered: { get: (sq) => sq.date_answered },
    can_i_answer: { get: (sq, ctx) => answerVerdict(ctx, sq).ok },
    why_cant_i_answer: { get: (sq, ctx) => why(answerVerdict(ctx, sq)) },
    can_i_remove_answer: { get: (sq, ctx) => removeVerdict(ctx, sq).ok },
    why_cant_i_remove_answer: { get: (sq, ctx) => why(removeVerdict(ctx, sq)) },
    can_i_change_extra_answerers: { get: (sq, ctx) => extraVerdict(ctx, sq).ok },
    why_cant_i_change_extra_answerers: { get: (sq, ctx) => why(extraVerdict(ctx, sq)) }
  }
}
