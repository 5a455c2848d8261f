import type Database from 'better-sqlite3'
import { stmt } from '../mirror/statements'
import type { UserSearchView } from '../../shared/types'
import { compareNames } from '../../shared/locale-format'

/** How many people a search shows at most; `total` says how many matched. */
export const USER_SEARCH_LIMIT = 20

/**
 * People the mirror knows (participants of the lecturer's dates, exam attendees, colleagues) whose
 * name, USOS id or student number holds every word typed (up to three), in Polish order. USOS's
 * API (the 70 methods of the meetings, exams and slips modules this app is built on) has no method
 * that searches users, so a person who has never been on the lecturer's lists is not found here:
 * `searchedUsos: false` says so, and the window offers signing up by USOS id.
 */
export function searchMirrorUsers(db: Database.Database, query: string): UserSearchView {
  const words = query.toLocaleLowerCase('pl').split(/\s+/).filter(Boolean).slice(0, 3)
  const rows = stmt(db, 'SELECT id, first_name, last_name, student_number FROM users').all() as Array<{
    id: string
    first_name: string
    last_name: string
    student_number: string | null
  }>
  const matched = rows
    .filter((u) => {
      const hay = `${u.first_name} ${u.last_name} ${u.id} ${u.student_number ?? ''}`.toLocaleLowerCase('pl')
      return words.every((w) => hay.includes(w))
    })
    .map((u) => ({
      id: u.id,
      firstName: u.first_name,
      lastName: u.last_name,
      studentNumber: u.student_number
    }))
    .sort((a, b) => compareNames(a, b))
  return { users: matched.slice(0, USER_SEARCH_LIMIT), total: matched.length, searchedUsos: false }
}
