/** add_question, update_question (with forking), delete_question. */
import type Database from 'better-sqlite3'
import type { CallContext, Json, LangDict, MethodDef } from '../../../framework/types'
import { failure, failureJson, invalidInput, M } from '../messages'
import { canDeleteQuestion, canEditTemplate, canSeeTemplate } from '../permissions'
import {
  getQuestion,
  getTemplate,
  questionAnswerers,
  stmt,
  type QuestionRow,
  type TemplateRow
} from '../repo'
import { checkPattern, checkQuestionText, checkUsers, splitIds } from '../validate'
import { optBool, optText } from './common'

const emptyToNull = (s: string): string | null => (s === '' ? null : s)

type Gate = { ok: true; tpl: TemplateRow } | { ok: false; answer: Json }

/** The template the caller may edit, or the refusal to answer. */
function editableTemplate(ctx: CallContext, tplId: number): Gate {
  const tpl = getTemplate(ctx.db, tplId)
  if (!tpl || !canSeeTemplate(ctx, tpl)) {
    return { ok: false, answer: failureJson(failure(M.templateNotFound, { tpl_id: M.templateNotFound })) }
  }
  const edit = canEditTemplate(ctx, tpl)
  return edit.ok ? { ok: true, tpl } : { ok: false, answer: failureJson(failure(edit.why)) }
}

function setAnswerers(db: Database.Database, questionId: number, userIds: string[]): void {
  stmt(db, 'DELETE FROM slips_question_answerers WHERE question_id = ?').run(questionId)
  const insert = stmt(
    db,
    'INSERT INTO slips_question_answerers (question_id, user_id, position) VALUES (?, ?, ?)'
  )
  userIds.forEach((u, i) => insert.run(questionId, u, i + 1))
}

export const addQuestionMethod: MethodDef = {
  name: 'slips/add_question',
  auth: 'token',
  scopes: ['slips_admin'],
  handler(ctx) {
    ctx.requireUser()
    const tplId = ctx.params.requiredInt('tpl_id')
    const question = ctx.params.requiredString('question')
    const gate = editableTemplate(ctx, tplId)
    if (!gate.ok) return gate.answer
    const tpl = gate.tpl
    const error = checkQuestionText(question)
    if (error) return failureJson(invalidInput({ question: error }))
    const next = stmt(
      ctx.db,
      'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM slips_questions WHERE tpl_id = ?'
    ).get(tpl.id) as { p: number }
    const info = stmt(
      ctx.db,
      `INSERT INTO slips_questions (tpl_id, position, question, desc_for_answerers, is_included_by_default,
         can_client_answer, can_issuers_answer, can_issuers_assign_answerers, is_obsolete,
         regexp_cleared, regexp_rejected, quick_answers)
       VALUES (?, ?, ?, NULL, 1, 0, 0, 0, 0, NULL, NULL, NULL)`
    ).run(tpl.id, next.p, question.trim())
    return { success: true, question_id: String(info.lastInsertRowid) }
  }
}

/** The columns update_question may set (all but `question` are applied to both halves of a fork). */
interface SharedChanges {
  desc_for_answerers?: string | null
  is_included_by_default?: number
  can_client_answer?: number
  can_issuers_answer?: number
  can_issuers_assign_answerers?: number
  is_obsolete?: number
  regexp_cleared?: string | null
  regexp_rejected?: string | null
  quick_answers?: string | null
}

/** update_question's parameters other than the question text, parsed before any look-up. */
function parseSharedChanges(ctx: CallContext): SharedChanges {
  const c: SharedChanges = {}
  const desc = optText(ctx, 'desc_for_answerers')
  if (desc !== undefined) c.desc_for_answerers = emptyToNull(desc)
  for (const flag of [
    'is_included_by_default',
    'can_client_answer',
    'can_issuers_answer',
    'can_issuers_assign_answerers',
    'is_obsolete'
  ] as const) {
    const v = optBool(ctx, flag)
    if (v !== undefined) c[flag] = v ? 1 : 0
  }
  for (const re of ['regexp_cleared', 'regexp_rejected'] as const) {
    const v = optText(ctx, re)
    if (v !== undefined) c[re] = emptyToNull(v)
  }
  const quick = optText(ctx, 'quick_answers')
  if (quick !== undefined) c.quick_answers = emptyToNull(quick)
  return c
}

function applyShared(db: Database.Database, questionId: number, c: SharedChanges): void {
  for (const [column, value] of Object.entries(c)) {
    // Column names come from the SharedChanges keys above, never from the request.
    stmt(db, `UPDATE slips_questions SET ${column} = ? WHERE id = ?`).run(value, questionId)
  }
}

/** Copies the question right after the original; the copy gets the new text, the original goes obsolete. */
function fork(db: Database.Database, q: QuestionRow, text: string): number {
  stmt(db, 'UPDATE slips_questions SET position = position + 1 WHERE tpl_id = ? AND position > ?').run(
    q.tpl_id,
    q.position
  )
  const info = stmt(
    db,
    `INSERT INTO slips_questions (tpl_id, position, question, desc_for_answerers, is_included_by_default,
       can_client_answer, can_issuers_answer, can_issuers_assign_answerers, is_obsolete,
       regexp_cleared, regexp_rejected, quick_answers)
     SELECT tpl_id, position + 1, ?, desc_for_answerers, is_included_by_default, can_client_answer,
       can_issuers_answer, can_issuers_assign_answerers, is_obsolete, regexp_cleared, regexp_rejected,
       quick_answers
     FROM slips_questions WHERE id = ?`
  ).run(text, q.id)
  const newId = Number(info.lastInsertRowid)
  setAnswerers(db, newId, questionAnswerers(db, q.id))
  return newId
}

export const updateQuestionMethod: MethodDef = {
  name: 'slips/update_question',
  auth: 'token',
  scopes: ['slips_admin'],
  handler(ctx) {
    ctx.requireUser()
    const questionId = ctx.params.requiredInt('question_id')
    const meaningChanged = ctx.params.bool('is_meaning_changed', true)
    const text = optText(ctx, 'question')
    const shared = parseSharedChanges(ctx)
    const answerersRaw = optText(ctx, 'answerers')
    const q = getQuestion(ctx.db, questionId)
    if (!q) return failureJson(failure(M.questionNotFound, { question_id: M.questionNotFound }))
    const gate = editableTemplate(ctx, q.tpl_id)
    if (!gate.ok) return gate.answer
    const tpl = gate.tpl

    const errors: Record<string, LangDict> = {}
    if (text !== undefined) {
      const error = checkQuestionText(text)
      if (error) errors.question = error
    }
    for (const re of ['regexp_cleared', 'regexp_rejected'] as const) {
      const error = checkPattern(shared[re] ?? '')
      if (error) errors[re] = error
    }
    const answerers = answerersRaw === undefined ? undefined : splitIds(answerersRaw)
    if (answerers) {
      const error = checkUsers(ctx.db, answerers)
      if (error) errors.answerers = error
    }
    if (Object.keys(errors).length > 0) return failureJson(invalidInput(errors))

    const newText = text?.trim()
    const forks = tpl.state !== 'draft' && meaningChanged && newText !== undefined && newText !== q.question
    const forkedId = ctx.db.transaction((): number | null => {
      if (forks) {
        const copy = fork(ctx.db, q, newText)
        applyShared(ctx.db, copy, shared)
        applyShared(ctx.db, q.id, { ...shared, is_obsolete: 1 })
        if (answerers) {
          setAnswerers(ctx.db, copy, answerers)
          setAnswerers(ctx.db, q.id, answerers)
        }
        return copy
      }
      if (newText !== undefined)
        stmt(ctx.db, 'UPDATE slips_questions SET question = ? WHERE id = ?').run(newText, q.id)
      applyShared(ctx.db, q.id, shared)
      if (answerers) setAnswerers(ctx.db, q.id, answerers)
      return null
    })()
    return forkedId === null ? { success: true } : { success: true, question_id: String(forkedId) }
  }
}

export const deleteQuestionMethod: MethodDef = {
  name: 'slips/delete_question',
  auth: 'token',
  scopes: ['slips_admin'],
  handler(ctx) {
    ctx.requireUser()
    const questionId = ctx.params.requiredInt('question_id')
    const q = getQuestion(ctx.db, questionId)
    const tpl = q ? getTemplate(ctx.db, q.tpl_id) : null
    if (!q || !tpl || !canSeeTemplate(ctx, tpl)) {
      return failureJson(failure(M.questionNotFound, { question_id: M.questionNotFound }))
    }
    const verdict = canDeleteQuestion(ctx, tpl)
    if (!verdict.ok) return failureJson(failure(verdict.why))
    ctx.db.transaction(() => {
      stmt(ctx.db, 'DELETE FROM slips_question_answerers WHERE question_id = ?').run(q.id)
      stmt(ctx.db, 'DELETE FROM slips_questions WHERE id = ?').run(q.id)
    })()
    return { success: true }
  }
}
