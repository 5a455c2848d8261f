/**
 * Clearance slips for the answerer: the user's roles and the inbox of slip questions waiting for
 * their answer (with those answered in the last weeks, for review), read page by page
 * (`slips/to_be_answered`, 20 a page, USOS lists at most 100) with nested fields, so the whole
 * inbox takes at most five requests. Written in one transaction; what left the inbox goes.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { stmt } from '../mirror/statements'
import { upsertUser } from '../mirror/write'
import { fieldSelector } from '../usos/fields'
import { usosDateTime } from '../schedule/timed'
import type { UsosCaller } from './engine'
import { langDict, toUser, type WireUser } from './wire'

/** How far back answered questions stay in the inbox for review. */
export const REVIEW_DAYS = 14
const PAGE = 20
const MAX_RESULTS = 100

export const SLIPQUESTION_FIELDS = fieldSelector({
  id: true,
  answer: true,
  answer_status: true,
  date_answered: true,
  can_i_answer: true,
  why_cant_i_answer: true,
  answerer: { id: true, first_name: true, last_name: true },
  slip: {
    id: true,
    state: true,
    date_created: true,
    issuers_comment: true,
    client: { id: true, first_name: true, last_name: true, student_number: true },
    template: { id: true, name: true }
  },
  question: { id: true, tpl_id: true, question: true, desc_for_answerers: true, quick_answers: true }
})

/**
 * A template's name: plain text in USOS's slips module ("NOT a LangDict object", template's
 * returns), in the template's own language; a LangDict is taken too. Read as a LangDict, the
 * plain text was lost and every inbox card was titled only "Obiegówka" (issue 19, point 7).
 */
export function templateName(v: unknown): { pl: string | null; en: string | null } | null {
  if (typeof v === 'string') return v.trim() ? { pl: v, en: v } : null
  return langDict(v)
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)
const bad = (detail: string) =>
  new AppError('usos_error', `USOS answered the slips inbox in an unexpected shape: ${detail}`, {
    kind: 'bad_response'
  })

export interface WireSlipquestion {
  id: string
  answer: string | null
  answer_status: string | null
  date_answered: string | null
  can_i_answer: boolean | null
  why_cant_i_answer: { pl: string | null; en: string | null } | null
  answerer: WireUser | null
  slip: {
    id: string
    state: string | null
    date_created: string | null
    issuers_comment: string | null
    client: WireUser | null
    template: { id: string; name: { pl: string | null; en: string | null } | null } | null
  }
  question: {
    id: string
    tpl_id: string | null
    question: string | null
    desc_for_answerers: string | null
    quick_answers: string[]
  }
}

export function toSlipquestion(v: unknown): WireSlipquestion {
  const o = obj(v)
  const id = o && str(o.id)
  if (!o || !id) throw bad('a slipquestion without an id')
  const slip = obj(o.slip)
  const slipId = slip && str(slip.id)
  if (!slip || !slipId) throw bad(`slipquestion ${id} without its slip`)
  const q = obj(o.question)
  const qid = q && str(q.id)
  if (!q || !qid) throw bad(`slipquestion ${id} without its question`)
  const tpl = obj(slip.template)
  const quick = str(q.quick_answers)
  return {
    id,
    answer: str(o.answer),
    answer_status: str(o.answer_status),
    date_answered: str(o.date_answered),
    can_i_answer: typeof o.can_i_answer === 'boolean' ? o.can_i_answer : null,
    why_cant_i_answer: langDict(o.why_cant_i_answer),
    answerer: obj(o.answerer) ? toUser(o.answerer) : null,
    slip: {
      id: slipId,
      state: str(slip.state),
      date_created: str(slip.date_created),
      issuers_comment: str(slip.issuers_comment),
      client: obj(slip.client) ? toUser(slip.client) : null,
      template: tpl && str(tpl.id) ? { id: str(tpl.id) as string, name: templateName(tpl.name) } : null
    },
    question: {
      id: qid,
      tpl_id: str(q.tpl_id),
      question: str(q.question),
      desc_for_answerers: str(q.desc_for_answerers),
      quick_answers: quick
        ? quick
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean)
        : []
    }
  }
}

export function toUserRoles(v: unknown): Record<string, boolean> {
  const o = obj(v)
  if (!o) throw bad('user_roles is not a dictionary')
  const roles: Record<string, boolean> = {}
  for (const role of ['template_admin', 'issuer', 'answerer', 'client']) {
    const r = obj(o[role])
    if (r) roles[role] = r.has_role === true
  }
  return roles
}

export interface SlipsSyncResult {
  requests: number
  slipquestions: number
  roles: Record<string, boolean>
}

export async function syncSlips(
  db: Database.Database,
  usos: UsosCaller,
  options: { language?: 'pl' | 'en'; now?: () => Date; signal?: AbortSignal } = {}
): Promise<SlipsSyncResult> {
  const now = (options.now ?? (() => new Date()))()
  const opts = options.signal ? { signal: options.signal } : {}
  let requests = 1
  const roles = toUserRoles(await usos.call<unknown>('services/slips/user_roles', {}, opts))
  const items: WireSlipquestion[] = []
  if (roles.answerer) {
    for (let start = 0; start < MAX_RESULTS; start += PAGE) {
      requests++
      const page = obj(
        await usos.call<unknown>(
          'services/slips/to_be_answered',
          {
            langpref: options.language ?? 'pl',
            unanswered_before: usosDateTime(new Date(now.getTime() - REVIEW_DAYS * 86_400_000)),
            num: PAGE,
            start,
            fields: SLIPQUESTION_FIELDS
          },
          opts
        )
      )
      if (!page || !Array.isArray(page.items)) throw bad('to_be_answered has no items list')
      items.push(...page.items.map(toSlipquestion))
      if (page.next_page !== true) break
    }
  }
  const syncId = Date.now()
  const pending = new Set(
    (
      stmt(
        db,
        `SELECT target_id FROM outbox WHERE target_table = 'slipquestions'
           AND state IN ('pending', 'sending', 'unknown', 'needs_attention')`
      ).all() as Array<{ target_id: string }>
    ).map((r) => r.target_id)
  )
  db.transaction(() => {
    stmt(db, 'DELETE FROM slip_user_roles').run()
    for (const [role, has] of Object.entries(roles))
      stmt(db, 'INSERT INTO slip_user_roles (role, has_role) VALUES (?, ?)').run(role, has ? 1 : 0)
    for (const sq of items) {
      if (sq.slip.client) upsertUser(db, sq.slip.client)
      if (sq.answerer) upsertUser(db, sq.answerer)
      const tpl = sq.slip.template
      if (tpl)
        stmt(
          db,
          `INSERT INTO slip_templates (id, name_pl, name_en) VALUES (?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en`
        ).run(tpl.id, tpl.name?.pl ?? null, tpl.name?.en ?? null)
      stmt(
        db,
        `INSERT INTO slips (id, template_id, client_id, state, date_created, issuers_comment, sync_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET template_id = excluded.template_id, client_id = excluded.client_id,
           state = excluded.state, date_created = excluded.date_created, issuers_comment = excluded.issuers_comment,
           sync_id = excluded.sync_id`
      ).run(
        sq.slip.id,
        tpl?.id ?? null,
        sq.slip.client?.id ?? null,
        sq.slip.state,
        sq.slip.date_created,
        sq.slip.issuers_comment,
        syncId
      )
      const q = sq.question
      stmt(
        db,
        `INSERT INTO slip_template_questions (id, tpl_id, question, desc_for_answerers, quick_answers) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET tpl_id = excluded.tpl_id, question = excluded.question,
           desc_for_answerers = excluded.desc_for_answerers, quick_answers = excluded.quick_answers`
      ).run(q.id, q.tpl_id, q.question, q.desc_for_answerers, JSON.stringify(q.quick_answers))
      // An answer given here and not yet sent stays as the user gave it.
      if (pending.has(sq.id)) {
        stmt(db, 'UPDATE slipquestions SET sync_id = ? WHERE id = ?').run(syncId, sq.id)
        continue
      }
      stmt(
        db,
        `INSERT INTO slipquestions (id, slip_id, question_id, answer, answer_status, date_answered, answerer_id,
           can_i_answer, why_cant_i_answer_pl, why_cant_i_answer_en, sync_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET slip_id = excluded.slip_id, question_id = excluded.question_id,
           answer = excluded.answer, answer_status = excluded.answer_status, date_answered = excluded.date_answered,
           answerer_id = excluded.answerer_id, can_i_answer = excluded.can_i_answer,
           why_cant_i_answer_pl = excluded.why_cant_i_answer_pl, why_cant_i_answer_en = excluded.why_cant_i_answer_en,
           sync_id = excluded.sync_id`
      ).run(
        sq.id,
        sq.slip.id,
        q.id,
        sq.answer,
        sq.answer_status,
        sq.date_answered,
        sq.answerer?.id ?? null,
        sq.can_i_answer === null ? null : sq.can_i_answer ? 1 : 0,
        sq.why_cant_i_answer?.pl ?? null,
        sq.why_cant_i_answer?.en ?? null,
        syncId
      )
    }
    // What left the inbox goes (unless an answer of ours is still on its way).
    const gone = stmt(db, 'SELECT id FROM slipquestions WHERE sync_id <> ?').all(syncId) as Array<{
      id: string
    }>
    for (const { id } of gone)
      if (!pending.has(id)) stmt(db, 'DELETE FROM slipquestions WHERE id = ?').run(id)
    stmt(db, 'DELETE FROM slips WHERE sync_id <> ? AND id NOT IN (SELECT slip_id FROM slipquestions)').run(
      syncId
    )
  })()
  return { requests, slipquestions: items.length, roles }
}
