/**
 * issue_slip and delete_slip refuse as a 4xx with user_messages (or HTTP 200 `success: false`, see
 * AnswerStyle); update_slip's page documents HTTP 200 with `success: false`.
 */
import type Database from 'better-sqlite3'
import type { CallContext, Json, LangDict, MethodDef } from '../../../framework/types'
import { failure, failureJson, invalidInput, ld, M, refusal } from '../messages'
import { canDeleteSlip, canEditSlip, canIssue, canSeeSlip, canSeeTemplate } from '../permissions'
import {
  connectedDeep,
  getProgramme,
  getQuestion,
  getSlip,
  getTemplate,
  SLIP_STATES,
  slipSlipquestions,
  stmt,
  templateQuestions,
  type SlipRow
} from '../repo'
import { usosDatetime } from '../time'
import { checkUsers } from '../validate'
import { idList, invalid, optText } from './common'

const emptyToNull = (s: string): string | null => (s === '' ? null : s)

function checkProgramme(db: Database.Database, programmeId: number, clientId: string): LangDict | null {
  const prog = getProgramme(db, programmeId)
  if (prog && prog.user_id === clientId) return null
  return ld(
    'Ten program studiów nie należy do osoby, dla której jest obiegówka.',
    "This study programme does not belong to the slip's client."
  )
}

/** Questions a new slip starts with: included-by-default, current questions of the active templates. */
function initialQuestions(db: Database.Database, tplId: number): number[] {
  const ids: number[] = []
  for (const id of [tplId, ...connectedDeep(db, tplId)]) {
    const tpl = getTemplate(db, id)
    if (!tpl || (id !== tplId && tpl.state !== 'active')) continue
    for (const q of templateQuestions(db, id)) if (!q.is_obsolete && q.is_included_by_default) ids.push(q.id)
  }
  return ids
}

function addSlipquestions(db: Database.Database, slipId: number, questionIds: number[]): void {
  const insert = stmt(db, 'INSERT INTO slips_slipquestions (slip_id, question_id) VALUES (?, ?)')
  for (const q of questionIds) insert.run(slipId, q)
}

export const issueSlipMethod: MethodDef = {
  name: 'slips/issue_slip',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    const user = ctx.requireUser()
    const tplId = ctx.params.requiredInt('tpl_id')
    const clientId = ctx.params.requiredString('client_user_id')
    const programmeId = ctx.params.int('student_programme_id')
    const tpl = getTemplate(ctx.db, tplId)
    if (!tpl || !canSeeTemplate(ctx, tpl))
      return refusal(ctx, failure(M.templateNotFound, { tpl_id: M.templateNotFound }), 'tpl_id')
    const verdict = canIssue(ctx, tpl)
    if (!verdict.ok) return refusal(ctx, failure(verdict.why), 'tpl_id')
    const errors: Record<string, LangDict> = {}
    const clientError = checkUsers(ctx.db, [clientId])
    if (clientError) errors.client_user_id = clientError
    else if (programmeId !== undefined) {
      const progError = checkProgramme(ctx.db, programmeId, clientId)
      if (progError) errors.student_programme_id = progError
    }
    if (Object.keys(errors).length > 0)
      return refusal(ctx, invalidInput(errors), Object.keys(errors)[0] as string)

    const slipId = ctx.db.transaction((): number => {
      const info = stmt(
        ctx.db,
        `INSERT INTO slips_slips (tpl_id, issuer_id, client_id, student_programme_id, state, date_created,
           date_last_closed, issuers_comment)
         VALUES (?, ?, ?, ?, 'closed', ?, NULL, NULL)`
      ).run(tpl.id, user.id, clientId, programmeId ?? null, usosDatetime(ctx.now()))
      const id = Number(info.lastInsertRowid)
      addSlipquestions(ctx.db, id, initialQuestions(ctx.db, tpl.id))
      return id
    })()
    return { success: true, slip_id: String(slipId) }
  }
}

/** The slip the caller may edit, or the refusal to answer. */
function editableSlip(
  ctx: CallContext,
  slipId: number
): { ok: true; slip: SlipRow } | { ok: false; answer: Json } {
  const slip = getSlip(ctx.db, slipId)
  if (!slip || !canSeeSlip(ctx, slip)) {
    return { ok: false, answer: failureJson(failure(M.slipNotFound, { slip_id: M.slipNotFound })) }
  }
  const edit = canEditSlip(ctx, slip)
  return edit.ok ? { ok: true, slip } : { ok: false, answer: failureJson(failure(edit.why)) }
}

/**
 * Questions an issuer may add: current (not obsolete) questions of the active templates connected
 * to the slip's primary template (the primary one included).
 */
function addableQuestion(db: Database.Database, slip: SlipRow, questionId: number): boolean {
  const q = getQuestion(db, questionId)
  if (!q || q.is_obsolete) return false
  const tpl = getTemplate(db, q.tpl_id)
  if (!tpl || tpl.state !== 'active') return false
  return q.tpl_id === slip.tpl_id || connectedDeep(db, slip.tpl_id).includes(q.tpl_id)
}

export const updateSlipMethod: MethodDef = {
  name: 'slips/update_slip',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const slipId = ctx.params.requiredInt('slip_id')
    const state = ctx.params.oneOf('state', SLIP_STATES)
    const programmeRaw = optText(ctx, 'student_programme_id')
    if (programmeRaw !== undefined && programmeRaw !== '' && !/^\d+$/.test(programmeRaw)) {
      throw invalid('student_programme_id', '"student_programme_id" must be an ID or an empty string.')
    }
    const comment = optText(ctx, 'issuers_comment')
    const questionIds = ctx.params.has('question_ids')
      ? [...new Set(idList(ctx, 'question_ids', false).map(Number))]
      : undefined
    const gate = editableSlip(ctx, slipId)
    if (!gate.ok) return gate.answer
    const slip = gate.slip

    const errors: Record<string, LangDict> = {}
    if (programmeRaw) {
      const progError = checkProgramme(ctx.db, Number(programmeRaw), slip.client_id)
      if (progError) errors.student_programme_id = progError
    }
    const current = new Set(slipSlipquestions(ctx.db, slip.id).map((sq) => sq.question_id))
    if (questionIds) {
      const refused = questionIds.filter((id) => !current.has(id) && !addableQuestion(ctx.db, slip, id))
      if (refused.length > 0) {
        errors.question_ids = ld(
          `Tych pytań nie można dodać do obiegówki: ${refused.join(', ')}. Dodawać można tylko aktualne pytania aktywnych szablonów połączonych z szablonem obiegówki.`,
          `These questions cannot be added to the slip: ${refused.join(', ')}. Only current questions of active templates connected to the slip's template can be added.`
        )
      }
    }
    if (Object.keys(errors).length > 0) return failureJson(invalidInput(errors))

    ctx.db.transaction(() => {
      if (state !== undefined && state !== slip.state) {
        const closedAt = state === 'closed' ? usosDatetime(ctx.now()) : slip.date_last_closed
        stmt(ctx.db, 'UPDATE slips_slips SET state = ?, date_last_closed = ? WHERE id = ?').run(
          state,
          closedAt,
          slip.id
        )
      }
      if (programmeRaw !== undefined) {
        stmt(ctx.db, 'UPDATE slips_slips SET student_programme_id = ? WHERE id = ?').run(
          programmeRaw === '' ? null : Number(programmeRaw),
          slip.id
        )
      }
      if (comment !== undefined) {
        stmt(ctx.db, 'UPDATE slips_slips SET issuers_comment = ? WHERE id = ?').run(
          emptyToNull(comment),
          slip.id
        )
      }
      if (questionIds) {
        const keep = new Set(questionIds)
        for (const sq of slipSlipquestions(ctx.db, slip.id)) {
          if (keep.has(sq.question_id)) continue
          stmt(ctx.db, 'DELETE FROM slips_extra_answerers WHERE sq_id = ?').run(sq.id)
          stmt(ctx.db, 'DELETE FROM slips_slipquestions WHERE id = ?').run(sq.id)
        }
        addSlipquestions(
          ctx.db,
          slip.id,
          questionIds.filter((id) => !current.has(id))
        )
      }
    })()
    return { success: true }
  }
}

export const deleteSlipMethod: MethodDef = {
  name: 'slips/delete_slip',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const slipId = ctx.params.requiredInt('slip_id')
    const slip = getSlip(ctx.db, slipId)
    if (!slip || !canSeeSlip(ctx, slip))
      return refusal(ctx, failure(M.slipNotFound, { slip_id: M.slipNotFound }), 'slip_id')
    const verdict = canDeleteSlip(ctx, slip)
    if (!verdict.ok) return refusal(ctx, failure(verdict.why), 'slip_id')
    ctx.db.transaction(() => {
      stmt(
        ctx.db,
        'DELETE FROM slips_extra_answerers WHERE sq_id IN (SELECT id FROM slips_slipquestions WHERE slip_id = ?)'
      ).run(slip.id)
      stmt(ctx.db, 'DELETE FROM slips_slipquestions WHERE slip_id = ?').run(slip.id)
      stmt(ctx.db, 'DELETE FROM slips_slips WHERE id = ?').run(slip.id)
    })()
    return { success: true }
  }
}
