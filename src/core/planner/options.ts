/**
 * What the planner offers to plan for: the mirror's faculties and meetings, in Polish order, and
 * the terms not over by `today` (see terms.ts).
 */
import type Database from 'better-sqlite3'
import type { LangDict } from '../../shared/types'
import { sortByText } from '../../shared/locale-format'
import type { PlannerTermView } from '../../shared/types-planner'
import { stmt } from '../mirror/statements'
import { plannerTerms } from './terms'

interface Named {
  id: string
  name_pl: string | null
  name_en: string | null
}

export function plannerOptions(
  db: Database.Database,
  today: string
): {
  faculties: Array<{ id: string; name: LangDict }>
  meetings: Array<{ id: string; name: LangDict; facultyId: string | null }>
  terms: PlannerTermView[]
} {
  const faculties = stmt(db, 'SELECT id, name_pl, name_en FROM faculties').all() as Named[]
  const meetings = stmt(db, 'SELECT id, name_pl, name_en, faculty_id FROM meetings').all() as Array<
    Named & { faculty_id: string | null }
  >
  // Names in Polish order (SQLite compares bytes).
  const byName = (x: Named) => x.name_pl ?? x.name_en ?? x.id
  return {
    faculties: sortByText(faculties, byName).map((f) => ({
      id: f.id,
      name: { pl: f.name_pl, en: f.name_en }
    })),
    meetings: sortByText(meetings, byName).map((m) => ({
      id: m.id,
      name: { pl: m.name_pl, en: m.name_en },
      facultyId: m.faculty_id
    })),
    terms: plannerTerms(db, today)
  }
}
