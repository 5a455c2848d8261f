/** The reference data office hours rest on: substantiations per faculty, and faculties' free days. */
import type Database from 'better-sqlite3'
import type { SeedWorld } from '../../framework/types'
import { addDaysToDay, isoWeekday } from '../../framework/time'
import { facultyWithParents } from './rows'
import { MEETING_SUBST, REJECTION_SUBST } from './seed-texts'

export interface SeededSubstantiations {
  /** Substantiation ids by faculty id. */
  meeting: Map<string, number[]>
  rejection: Map<string, number[]>
}

/**
 * Every faculty (the university at the root included) has its own reasons for a visit and for a
 * rejection: which ones a sign-up may use then depends on the meeting's substantiation mode.
 */
export function seedSubstantiations(db: Database.Database, faculties: string[]): SeededSubstantiations {
  const insert = db.prepare(
    'INSERT INTO meetings_substantiations (name_pl, name_en, message_pl, message_en, type, fac_id) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const out: SeededSubstantiations = { meeting: new Map(), rejection: new Map() }
  const root = faculties[0]
  for (const fac of faculties) {
    // Names carry the faculty, as a real list of reasons from several units would look.
    const suffix = fac === root ? '' : ` (${fac})`
    for (const [type, texts] of [
      ['meeting', MEETING_SUBST],
      ['rejection', REJECTION_SUBST]
    ] as const) {
      const ids = texts.map(([pl, en, mpl, men]) =>
        Number(insert.run(`${pl}${suffix}`, `${en}${suffix}`, mpl, men, type, fac).lastInsertRowid)
      )
      out[type].set(fac, ids)
    }
  }
  return out
}

/** The first day on or after `day` that falls on the given ISO weekday. */
function onOrAfter(day: string, weekday: number): string {
  return addDaysToDay(day, (weekday - isoWeekday(day) + 7) % 7)
}

/**
 * Free days beyond the public holidays: a rector's day for the whole university (the root) and
 * dean's days of the demo lecturer's faculty, placed within the current term. Answers the free
 * days that apply to a faculty: its own and those of every unit above it.
 */
export function seedFreeDays(
  db: Database.Database,
  world: SeedWorld,
  ownFac: string
): (facId: string) => Set<string> {
  const insert = db.prepare('INSERT OR IGNORE INTO meetings_fac_free_days (fac_id, day) VALUES (?, ?)')
  const start = world.currentTerm.start_date
  const root = world.faculties[0] as string
  // Dean's days: the Friday of the seventh week (and the Saturday after it, for weekend studies).
  const deans = onOrAfter(addDaysToDay(start, 42), 5)
  insert.run(ownFac, deans)
  insert.run(ownFac, addDaysToDay(deans, 1))
  // Rector's day: the Friday of the eleventh week.
  insert.run(root, onOrAfter(addDaysToDay(start, 70), 5))

  const select = db.prepare('SELECT day FROM meetings_fac_free_days WHERE fac_id = ?')
  return (facId) =>
    new Set(
      facultyWithParents(db, facId).flatMap((f) =>
        (select.all(f) as Array<{ day: string }>).map((r) => r.day)
      )
    )
}
