/** slipquestion, slipquestions, to_be_answered, update_slipquestion. */
import type { CallContext, Json, LangDict, MethodDef } from '../../../framework/types'
import { failure, failureJson, invalidInput, M } from '../messages'
import { canAnswer, canChangeExtraAnswerers, canRemoveAnswer, canSeeSlip } from '../permissions'
import { bareDefaults, flat, refuseSingleOnly, render, renderForeign, type DeprecatedFields } from '../render'
import { getQuestion, getSlip, getSlipquestion, stmt, type SlipquestionRow } from '../repo'
import { usosDatetime } from '../time'
import { checkAnswer, checkUsers, splitIds } from '../validate'
import {
  collatorFor,
  compareBy,
  forbidden,
  idList,
  LANGS,
  notFound,
  optText,
  orderBy,
  page,
  paging,
  type Lang
} from './common'

function sqDeprecated(slipFallback: string): DeprecatedFields[] {
  return [
    { path: 'slip', param: 'slip_fields', type: 'slips/slip', fallback: slipFallback },
    { path: 'question', param: 'question_fields', type: 'slips/question', fallback: 'id|question' }
  ]
}

/** A slipquestion is visible to whoever may see its slip. */
function visible(ctx: CallContext, sq: SlipquestionRow): boolean {
  const slip = getSlip(ctx.db, sq.slip_id)
  return slip !== null && canSeeSlip(ctx, slip)
}

export const slipquestionMethod: MethodDef = {
  name: 'slips/slipquestion',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const id = ctx.params.requiredInt('sq_id')
    const selector = ctx.fields('slips/slipquestion', 'id|question_id')
    const bare = bareDefaults(ctx, sqDeprecated('id'))
    const sq = getSlipquestion(ctx.db, id)
    if (!sq) throw notFound('sq_id', 'slipquestion')
    if (!visible(ctx, sq)) throw forbidden('sq_id', 'slipquestion')
    return render(ctx, 'slips/slipquestion', sq, selector, bare)
  }
}

export const slipquestionsMethod: MethodDef = {
  name: 'slips/slipquestions',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const ids = idList(ctx, 'sq_ids', true)
    const selector = ctx.fields('slips/slipquestion', 'id|question_id')
    refuseSingleOnly('slips/slipquestion', selector)
    const bare = bareDefaults(ctx, sqDeprecated('id'))
    const out: Record<string, Json> = {}
    for (const id of ids) {
      const sq = getSlipquestion(ctx.db, Number(id))
      out[id] = sq && visible(ctx, sq) ? render(ctx, 'slips/slipquestion', sq, selector, bare) : null
    }
    return out
  }
}

type AnswerOrder = 'slip.date_created' | 'slip.client' | 'question.question'

interface Waiting extends SlipquestionRow {
  slip_date_created: string
  client_id: string
  question_text: string
}

/**
 * Slipquestions of active slips the user is designated to answer (default or extra answerer, or the
 * client where the question lets clients answer), unanswered or answered after `unanswered_before`.
 */
function waitingFor(ctx: CallContext, userId: string, answeredAfter: string | undefined): Waiting[] {
  return stmt(
    ctx.db,
    `SELECT sq.*, s.date_created AS slip_date_created, s.client_id AS client_id, q.question AS question_text
     FROM slips_slipquestions sq
     JOIN slips_slips s ON s.id = sq.slip_id
     JOIN slips_questions q ON q.id = sq.question_id
     WHERE s.state = 'active'
       AND (sq.answer IS NULL OR (@after IS NOT NULL AND sq.date_answered > @after))
       AND (EXISTS (SELECT 1 FROM slips_question_answerers a WHERE a.question_id = q.id AND a.user_id = @user)
         OR EXISTS (SELECT 1 FROM slips_extra_answerers e WHERE e.sq_id = sq.id AND e.user_id = @user)
         OR (q.can_client_answer = 1 AND s.client_id = @user))`
  ).all({ after: answeredAfter ?? null, user: userId }) as Waiting[]
}

function clientSortKey(ctx: CallContext, clientId: string, cache: Map<string, string>): string {
  let key = cache.get(clientId)
  if (key === undefined) {
    const u = renderForeign(ctx, 'users/user', clientId, flat('first_name|last_name'))
    key =
      u && typeof u === 'object' && !Array.isArray(u)
        ? `${String(u.last_name ?? '')} ${String(u.first_name ?? '')} ${clientId}`
        : clientId
    cache.set(clientId, key)
  }
  return key
}

export const toBeAnsweredMethod: MethodDef = {
  name: 'slips/to_be_answered',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    const user = ctx.requireUser()
    const lang: Lang = ctx.params.requiredOneOf('langpref', LANGS)
    const answeredAfter = ctx.params.datetime('unanswered_before')
    const selector = ctx.fields('slips/slipquestion', 'id|slip|question')
    refuseSingleOnly('slips/slipquestion', selector)
    const bare = bareDefaults(ctx, sqDeprecated('id|client'))
    const { num, start } = paging(ctx)
    const order = orderBy<AnswerOrder>(
      ctx,
      ['slip.date_created', 'slip.client', 'question.question'],
      'slip.date_created|question.question'
    )
    const names = new Map<string, string>()
    const value = (w: Waiting, f: AnswerOrder): string | number => {
      if (f === 'slip.date_created') return Number(w.slip_date_created.replace(/\D/g, ''))
      if (f === 'slip.client') return clientSortKey(ctx, w.client_id, names)
      return w.question_text
    }
    const items = waitingFor(ctx, user.id, answeredAfter)
    const explicit = compareBy<Waiting, AnswerOrder>(order, value, collatorFor(lang))
    items.sort((a, b) => explicit(a, b) || a.id - b.id)
    const p = page(items, num, start)
    return {
      items: p.items.map((w) => render(ctx, 'slips/slipquestion', w, selector, bare)),
      next_page: p.next_page
    }
  }
}

export const updateSlipquestionMethod: MethodDef = {
  name: 'slips/update_slipquestion',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    const user = ctx.requireUser()
    const sqId = ctx.params.requiredInt('sq_id')
    const answer = optText(ctx, 'answer')
    const extraRaw = optText(ctx, 'extra_answerers')
    const sq = getSlipquestion(ctx.db, sqId)
    const slip = sq ? getSlip(ctx.db, sq.slip_id) : null
    const q = sq ? getQuestion(ctx.db, sq.question_id) : null
    if (!sq || !slip || !q || !canSeeSlip(ctx, slip)) {
      return failureJson(failure(M.slipquestionNotFound, { sq_id: M.slipquestionNotFound }))
    }

    // Permission first (the generic message), then the content of what was typed (field messages).
    if (answer !== undefined) {
      const verdict = answer === '' ? canRemoveAnswer(ctx, sq, slip) : canAnswer(ctx, sq, slip, q)
      if (!verdict.ok) return failureJson(failure(verdict.why, { answer: verdict.why }))
    }
    const extra = extraRaw === undefined ? undefined : splitIds(extraRaw)
    if (extra !== undefined) {
      const verdict = canChangeExtraAnswerers(ctx, slip, q)
      if (!verdict.ok) return failureJson(failure(verdict.why, { extra_answerers: verdict.why }))
    }
    const errors: Record<string, LangDict> = {}
    if (answer) {
      const error = checkAnswer(answer)
      if (error) errors.answer = error
    }
    if (extra) {
      const error = checkUsers(ctx.db, extra)
      if (error) errors.extra_answerers = error
    }
    if (Object.keys(errors).length > 0) return failureJson(invalidInput(errors))

    ctx.db.transaction(() => {
      if (answer === '') {
        stmt(
          ctx.db,
          'UPDATE slips_slipquestions SET answer = NULL, answerer_id = NULL, date_answered = NULL WHERE id = ?'
        ).run(sq.id)
      } else if (answer !== undefined) {
        stmt(
          ctx.db,
          'UPDATE slips_slipquestions SET answer = ?, answerer_id = ?, date_answered = ? WHERE id = ?'
        ).run(answer.trim(), user.id, usosDatetime(ctx.now()), sq.id)
      }
      if (extra !== undefined) {
        stmt(ctx.db, 'DELETE FROM slips_extra_answerers WHERE sq_id = ?').run(sq.id)
        const insert = stmt(
          ctx.db,
          'INSERT INTO slips_extra_answerers (sq_id, user_id, position) VALUES (?, ?, ?)'
        )
        extra.forEach((u, i) => insert.run(sq.id, u, i + 1))
      }
    })()
    return { success: true }
  }
}
