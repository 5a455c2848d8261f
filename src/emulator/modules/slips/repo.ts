/** Row types and read queries over the `slips_` tables (prepared statements cached per database). */
import type Database from 'better-sqlite3'

export type TemplateState = 'draft' | 'active' | 'obsolete'
export const TEMPLATE_STATES: readonly TemplateState[] = ['draft', 'active', 'obsolete']
export type SlipState = 'closed' | 'active'
export const SLIP_STATES: readonly SlipState[] = ['closed', 'active']
export type FacultyRole = 'template_admin' | 'issuer'

export interface TemplateRow {
  id: number
  name: string
  lang: string
  desc_for_issuers: string | null
  fac_id: string
  state: TemplateState
  date_created: string
}

export interface QuestionRow {
  id: number
  tpl_id: number
  position: number
  question: string
  desc_for_answerers: string | null
  is_included_by_default: number
  can_client_answer: number
  can_issuers_answer: number
  can_issuers_assign_answerers: number
  is_obsolete: number
  regexp_cleared: string | null
  regexp_rejected: string | null
  quick_answers: string | null
}

export interface SlipRow {
  id: number
  tpl_id: number
  issuer_id: string
  client_id: string
  student_programme_id: number | null
  state: SlipState
  date_created: string
  date_last_closed: string | null
  issuers_comment: string | null
}

export interface SlipquestionRow {
  id: number
  slip_id: number
  question_id: number
  answer: string | null
  answerer_id: string | null
  date_answered: string | null
}

export interface ProgrammeRow {
  id: number
  user_id: string
  programme_id: string
  name_pl: string
  name_en: string
  status: string
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** A prepared statement, prepared once per database connection. */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let byDb = cache.get(db)
  if (!byDb) {
    byDb = new Map()
    cache.set(db, byDb)
  }
  let s = byDb.get(sql)
  if (!s) {
    s = db.prepare(sql)
    byDb.set(sql, s)
  }
  return s
}

export function getTemplate(db: Database.Database, id: number): TemplateRow | null {
  return (stmt(db, 'SELECT * FROM slips_templates WHERE id = ?').get(id) as TemplateRow | undefined) ?? null
}

export function allTemplates(db: Database.Database): TemplateRow[] {
  return stmt(db, 'SELECT * FROM slips_templates ORDER BY id').all() as TemplateRow[]
}

export function templateQuestions(db: Database.Database, tplId: number): QuestionRow[] {
  return stmt(db, 'SELECT * FROM slips_questions WHERE tpl_id = ? ORDER BY position, id').all(
    tplId
  ) as QuestionRow[]
}

export function getQuestion(db: Database.Database, id: number): QuestionRow | null {
  return (stmt(db, 'SELECT * FROM slips_questions WHERE id = ?').get(id) as QuestionRow | undefined) ?? null
}

export function questionAnswerers(db: Database.Database, questionId: number): string[] {
  const rows = stmt(
    db,
    'SELECT user_id FROM slips_question_answerers WHERE question_id = ? ORDER BY position'
  ).all(questionId) as Array<{ user_id: string }>
  return rows.map((r) => r.user_id)
}

export function connectedIds(db: Database.Database, tplId: number): number[] {
  const rows = stmt(
    db,
    'SELECT connected_tpl_id AS id FROM slips_template_connections WHERE tpl_id = ? ORDER BY position'
  ).all(tplId) as Array<{ id: number }>
  return rows.map((r) => r.id)
}

/** Every template reachable through connections, breadth first, without the start (cycles allowed). */
export function connectedDeep(db: Database.Database, tplId: number): number[] {
  const seen = new Set<number>([tplId])
  const order: number[] = []
  const queue = [tplId]
  while (queue.length > 0) {
    const current = queue.shift() as number
    for (const next of connectedIds(db, current)) {
      if (seen.has(next)) continue
      seen.add(next)
      order.push(next)
      queue.push(next)
    }
  }
  return order
}

export function slipsStats(db: Database.Database, tplId: number): { active: number; closed: number } {
  const rows = stmt(db, 'SELECT state, COUNT(*) AS n FROM slips_slips WHERE tpl_id = ? GROUP BY state').all(
    tplId
  ) as Array<{ state: SlipState; n: number }>
  const stats = { active: 0, closed: 0 }
  for (const r of rows) stats[r.state] = r.n
  return stats
}

/** Whether any slip was issued from the template or carries one of its questions. */
export function templateIsUsed(db: Database.Database, tplId: number): boolean {
  const direct = stmt(db, 'SELECT 1 FROM slips_slips WHERE tpl_id = ? LIMIT 1').get(tplId)
  if (direct) return true
  return !!stmt(
    db,
    `SELECT 1 FROM slips_slipquestions sq JOIN slips_questions q ON q.id = sq.question_id
     WHERE q.tpl_id = ? LIMIT 1`
  ).get(tplId)
}

export function getSlip(db: Database.Database, id: number): SlipRow | null {
  return (stmt(db, 'SELECT * FROM slips_slips WHERE id = ?').get(id) as SlipRow | undefined) ?? null
}

export function allSlips(db: Database.Database): SlipRow[] {
  return stmt(db, 'SELECT * FROM slips_slips ORDER BY id').all() as SlipRow[]
}

/** The slip's slipquestions in display order: by the question's template, then its position. */
export function slipSlipquestions(db: Database.Database, slipId: number): SlipquestionRow[] {
  return stmt(
    db,
    `SELECT sq.* FROM slips_slipquestions sq JOIN slips_questions q ON q.id = sq.question_id
     WHERE sq.slip_id = ? ORDER BY q.tpl_id, q.position, q.id`
  ).all(slipId) as SlipquestionRow[]
}

export function getSlipquestion(db: Database.Database, id: number): SlipquestionRow | null {
  return (
    (stmt(db, 'SELECT * FROM slips_slipquestions WHERE id = ?').get(id) as SlipquestionRow | undefined) ??
    null
  )
}

export function extraAnswerers(db: Database.Database, sqId: number): string[] {
  const rows = stmt(db, 'SELECT user_id FROM slips_extra_answerers WHERE sq_id = ? ORDER BY position').all(
    sqId
  ) as Array<{ user_id: string }>
  return rows.map((r) => r.user_id)
}

export function facultyRolesOf(db: Database.Database, userId: string): Record<FacultyRole, Set<string>> {
  const rows = stmt(db, 'SELECT fac_id, role FROM slips_faculty_roles WHERE user_id = ? ORDER BY fac_id').all(
    userId
  ) as Array<{ fac_id: string; role: FacultyRole }>
  const roles = { template_admin: new Set<string>(), issuer: new Set<string>() }
  for (const r of rows) roles[r.role].add(r.fac_id)
  return roles
}

export function facultyMembers(db: Database.Database, facId: string, role: FacultyRole): string[] {
  const rows = stmt(
    db,
    'SELECT user_id FROM slips_faculty_roles WHERE fac_id = ? AND role = ? ORDER BY user_id'
  ).all(facId, role) as Array<{ user_id: string }>
  return rows.map((r) => r.user_id)
}

export function directoryHas(db: Database.Database, kind: 'user' | 'faculty', id: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM slips_directory WHERE kind = ? AND id = ?').get(kind, id)
}

export function getProgramme(db: Database.Database, id: number): ProgrammeRow | null {
  return (
    (stmt(db, 'SELECT * FROM slips_student_programmes WHERE id = ?').get(id) as ProgrammeRow | undefined) ??
    null
  )
}
