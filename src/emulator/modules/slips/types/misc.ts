/** The smaller object kinds: a student programme bound to a slip, search hits, foreign references. */
import type { LangDict } from '../../../framework/types'
import type { ProgrammeRow, TemplateRow } from '../repo'
import type { SlipsType } from './def'
import { templateFields } from './template'
import { highlightMatch } from '../search-match'

/**
 * A student's programme as services/progs/student_programme describes it (id, user, programme,
 * status). Registered under the slips prefix so it cannot clash with a progs module.
 */
export const studentProgrammeType: SlipsType<ProgrammeRow> = {
  name: 'slips/student_programme',
  primary: ['id', 'programme'],
  fields: {
    id: { get: (p) => String(p.id) },
    user: { get: (p) => p.user_id, ref: 'users/user' },
    programme: {
      get: (p) => {
        const description: LangDict = { pl: p.name_pl, en: p.name_en }
        return { id: p.programme_id, description }
      }
    },
    status: { get: (p) => p.status }
  }
}

/** A search_templates hit: every template field plus `match`, highlighted against the query. */
export interface TemplateHit extends TemplateRow {
  query: string
}

export const templateHitType: SlipsType<TemplateHit> = {
  name: 'slips/template_search_item',
  primary: ['id', 'match'],
  fields: { ...templateFields, match: { get: (t) => highlightMatch(t, t.query) } }
}

/**
 * Users and faculties belong to the common modules: the slips renderer reaches them through this
 * wrapper, whose entity is the referenced id and whose fields are the framework's references.
 */
export const FOREIGN_FIELD: Record<string, string> = { 'users/user': 'user', 'fac/faculty': 'faculty' }

export const foreignType: SlipsType<string> = {
  name: 'slips/foreign_ref',
  primary: [],
  fields: {
    user: { get: (id) => id, ref: 'users/user' },
    faculty: { get: (id) => id, ref: 'fac/faculty' }
  }
}
