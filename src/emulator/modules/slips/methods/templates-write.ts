/** create_template, update_template, delete_template: refusals answer HTTP 200 with user_messages. */
import type { CallContext, Json, LangDict, MethodDef } from '../../../framework/types'
import { failure, failureJson, invalidInput, ld, M } from '../messages'
import { canDeleteTemplate, canEditTemplate, canSeeTemplate, isTemplateAdminOf } from '../permissions'
import {
  connectedDeep,
  getTemplate,
  stmt,
  templateQuestions,
  TEMPLATE_STATES,
  type TemplateRow,
  type TemplateState
} from '../repo'
import { usosDatetime } from '../time'
import { checkFaculty, checkTemplateName } from '../validate'
import { idList, LANGS, optText } from './common'

const emptyToNull = (s: string): string | null => (s === '' ? null : s)

export const createTemplateMethod: MethodDef = {
  name: 'slips/create_template',
  auth: 'token',
  scopes: ['slips_admin'],
  handler(ctx) {
    ctx.requireUser()
    const facId = ctx.params.requiredString('fac_id')
    const name = ctx.params.requiredString('name')
    const lang = ctx.params.oneOf('lang', LANGS, 'pl') ?? 'pl'
    const fields: Record<string, LangDict> = {}
    const facError = checkFaculty(ctx.db, facId)
    if (facError) fields.fac_id = facError
    const nameError = checkTemplateName(name)
    if (nameError) fields.name = nameError
    if (Object.keys(fields).length > 0) return failureJson(invalidInput(fields))
    if (!isTemplateAdminOf(ctx, facId)) return failureJson(failure(M.notTemplateAdminOfFaculty))

    const info = stmt(
      ctx.db,
      `INSERT INTO slips_templates (name, lang, desc_for_issuers, fac_id, state, date_created)
       VALUES (?, ?, NULL, ?, 'draft', ?)`
    ).run(name.trim(), lang, facId, usosDatetime(ctx.now()))
    return { success: true, tpl_id: String(info.lastInsertRowid) }
  }
}

/** Validated update_template input; only given parameters are set. */
interface TemplateChanges {
  facId?: string
  name?: string
  lang?: string
  state?: TemplateState
  descForIssuers?: string | null
  questionsOrder?: number[]
  connected?: number[]
}

/** update_template's parameters, parsed (malformed values refused) before anything is looked up. */
interface TemplateParams {
  facId?: string
  name?: string
  lang?: string
  state?: TemplateState
  desc?: string
  questionsOrder?: number[]
  connected?: number[]
}

function parseTemplateParams(ctx: CallContext): TemplateParams {
  const ids = (name: string): number[] | undefined =>
    ctx.params.has(name) ? [...new Set(idList(ctx, name, false).map(Number))] : undefined
  return {
    facId: optText(ctx, 'fac_id'),
    name: optText(ctx, 'name'),
    lang: ctx.params.oneOf('lang', LANGS),
    state: ctx.params.oneOf('state', TEMPLATE_STATES),
    desc: optText(ctx, 'desc_for_issuers'),
    questionsOrder: ids('questions_order'),
    connected: ids('connected_tpl_ids')
  }
}

type Validated = { ok: true; changes: TemplateChanges } | { ok: false; errors: Record<string, LangDict> }

function validateTemplateChanges(ctx: CallContext, tpl: TemplateRow, p: TemplateParams): Validated {
  const changes: TemplateChanges = {}
  const errors: Record<string, LangDict> = {}

  if (p.facId !== undefined) {
    const facError = checkFaculty(ctx.db, p.facId)
    if (facError) errors.fac_id = facError
    else if (!isTemplateAdminOf(ctx, p.facId)) errors.fac_id = M.notTemplateAdminOfFaculty
    else changes.facId = p.facId
  }
  if (p.name !== undefined) {
    const nameError = checkTemplateName(p.name)
    if (nameError) errors.name = nameError
    else changes.name = p.name.trim()
  }
  if (p.lang !== undefined) changes.lang = p.lang
  if (p.desc !== undefined) changes.descForIssuers = emptyToNull(p.desc)

  if (p.questionsOrder) {
    const own = new Set(templateQuestions(ctx.db, tpl.id).map((q) => q.id))
    const foreign = p.questionsOrder.filter((id) => !own.has(id))
    if (foreign.length > 0) {
      errors.questions_order = ld(
        `Te pytania nie należą do tego szablonu: ${foreign.join(', ')}.`,
        `These questions do not belong to this template: ${foreign.join(', ')}.`
      )
    } else changes.questionsOrder = p.questionsOrder
  }

  if (p.connected) {
    const unknown = p.connected.filter((id) => {
      const other = getTemplate(ctx.db, id)
      return other === null || !canSeeTemplate(ctx, other)
    })
    if (unknown.length > 0) {
      errors.connected_tpl_ids = ld(
        `Nie znaleziono szablonów: ${unknown.join(', ')}.`,
        `No such templates: ${unknown.join(', ')}.`
      )
    } else if (p.connected.includes(tpl.id)) {
      errors.connected_tpl_ids = ld(
        'Szablonu nie można połączyć z nim samym.',
        'A template cannot be connected to itself.'
      )
    } else changes.connected = p.connected
  }

  if (p.state !== undefined) {
    const stateError = checkStateChange(ctx, tpl, p.state, changes.connected)
    if (stateError) errors.state = stateError
    else changes.state = p.state
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, changes }
}

/** A template never returns to draft, and is only activated with at least one question to ask. */
function checkStateChange(
  ctx: CallContext,
  tpl: TemplateRow,
  state: TemplateState,
  newConnections: number[] | undefined
): LangDict | null {
  if (state === tpl.state) return null
  if (state === 'draft') {
    return ld(
      'Szablon, który opuścił stan roboczy, nie może do niego wrócić.',
      'A template that has left the draft state cannot return to it.'
    )
  }
  if (state === 'active') {
    const reachable = [tpl.id]
    const direct = newConnections ?? null
    if (direct) for (const id of direct) reachable.push(id, ...connectedDeep(ctx.db, id))
    else reachable.push(...connectedDeep(ctx.db, tpl.id))
    const hasQuestion = reachable.some((id) => templateQuestions(ctx.db, id).some((q) => !q.is_obsolete))
    if (!hasQuestion) {
      return ld(
        'Szablon musi mieć przynajmniej jedno aktualne pytanie (własne lub z połączonych szablonów), zanim zostanie aktywowany.',
        'The template needs at least one current question (its own or from connected templates) before it can be activated.'
      )
    }
  }
  return null
}

function applyTemplateChanges(ctx: CallContext, tpl: TemplateRow, c: TemplateChanges): void {
  const db = ctx.db
  const next = {
    name: c.name ?? tpl.name,
    lang: c.lang ?? tpl.lang,
    fac_id: c.facId ?? tpl.fac_id,
    state: c.state ?? tpl.state,
    desc: c.descForIssuers !== undefined ? c.descForIssuers : tpl.desc_for_issuers
  }
  stmt(
    db,
    'UPDATE slips_templates SET name = ?, lang = ?, fac_id = ?, state = ?, desc_for_issuers = ? WHERE id = ?'
  ).run(next.name, next.lang, next.fac_id, next.state, next.desc, tpl.id)

  if (c.questionsOrder) {
    // Listed questions first, in the given order; the rest keep their relative order after them.
    const listed = new Set(c.questionsOrder)
    const rest = templateQuestions(db, tpl.id)
      .map((q) => q.id)
      .filter((id) => !listed.has(id))
    const update = stmt(db, 'UPDATE slips_questions SET position = ? WHERE id = ?')
    ;[...c.questionsOrder, ...rest].forEach((id, i) => update.run(i + 1, id))
  }
  if (c.connected) {
    stmt(db, 'DELETE FROM slips_template_connections WHERE tpl_id = ?').run(tpl.id)
    const insert = stmt(
      db,
      'INSERT INTO slips_template_connections (tpl_id, connected_tpl_id, position) VALUES (?, ?, ?)'
    )
    c.connected.forEach((id, i) => insert.run(tpl.id, id, i + 1))
  }
}

export const updateTemplateMethod: MethodDef = {
  name: 'slips/update_template',
  auth: 'token',
  scopes: ['slips_admin'],
  handler(ctx): Json {
    ctx.requireUser()
    const tplId = ctx.params.requiredInt('tpl_id')
    const params = parseTemplateParams(ctx)
    const tpl = getTemplate(ctx.db, tplId)
    if (!tpl || !canSeeTemplate(ctx, tpl))
      return failureJson(failure(M.templateNotFound, { tpl_id: M.templateNotFound }))
    const edit = canEditTemplate(ctx, tpl)
    if (!edit.ok) return failureJson(failure(edit.why))
    const result = validateTemplateChanges(ctx, tpl, params)
    if (!result.ok) return failureJson(invalidInput(result.errors))
    ctx.db.transaction(() => applyTemplateChanges(ctx, tpl, result.changes))()
    return { success: true }
  }
}

export const deleteTemplateMethod: MethodDef = {
  name: 'slips/delete_template',
  auth: 'token',
  scopes: ['slips_admin'],
  handler(ctx): Json {
    ctx.requireUser()
    const tplId = ctx.params.requiredInt('tpl_id')
    const tpl = getTemplate(ctx.db, tplId)
    if (!tpl || !canSeeTemplate(ctx, tpl))
      return failureJson(failure(M.templateNotFound, { tpl_id: M.templateNotFound }))
    const verdict = canDeleteTemplate(ctx, tpl)
    if (!verdict.ok) return failureJson(failure(verdict.why))
    ctx.db.transaction(() => {
      stmt(
        ctx.db,
        'DELETE FROM slips_question_answerers WHERE question_id IN (SELECT id FROM slips_questions WHERE tpl_id = ?)'
      ).run(tpl.id)
      stmt(ctx.db, 'DELETE FROM slips_questions WHERE tpl_id = ?').run(tpl.id)
      stmt(ctx.db, 'DELETE FROM slips_template_connections WHERE tpl_id = ? OR connected_tpl_id = ?').run(
        tpl.id,
        tpl.id
      )
      stmt(ctx.db, 'DELETE FROM slips_templates WHERE id = ?').run(tpl.id)
    })()
    return { success: true }
  }
}
