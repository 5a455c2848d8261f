/** Notes about the students who came to office hours, per faculty + term + student. */
import type Database from 'better-sqlite3'
import type { Rng, Scale, SeedWorld } from '../../framework/types'
import { addDaysToDay } from '../../framework/time'
import { PRIVATE_NOTES, PUBLIC_NOTES } from './seed-texts'

/** How many students per faculty the demo lecturer has notes about. */
const NOTES: Record<Scale, number> = { small: 8, medium: 60, large: 400 }

/**
 * The demo lecturer's notes (private, public, or both) about students who visited them, and a
 * colleague's public notes about some of the same students: the app then has the lecturer's own
 * notes and another author's public ones to show.
 */
export function seedNotes(
  db: Database.Database,
  world: SeedWorld,
  rng: Rng,
  visitors: ReadonlyMap<string, ReadonlySet<string>>,
  colleague: string | null
): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO meetings_notes (author_id, fac_id, term_id, user_id, private_note, public_note,
       private_created, public_created, creation_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const term = world.currentTerm.id
  const stamp = () =>
    `${addDaysToDay(world.referenceDate, -rng.int(1, 40))} ${String(rng.int(9, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`
  for (const [fac, students] of visitors) {
    for (const userId of [...students].slice(0, NOTES[world.scale])) {
      const kind = rng.pick(['private', 'public', 'both'] as const)
      const priv = kind === 'public' ? null : rng.pick(PRIVATE_NOTES)
      const pub = kind === 'private' ? null : rng.pick(PUBLIC_NOTES)
      const created = stamp()
      insert.run(
        world.users.demo.lecturer,
        fac,
        term,
        userId,
        priv,
        pub,
        priv === null ? null : created,
        pub === null ? null : created,
        created
      )
      if (colleague && rng.bool(0.25)) {
        const at = stamp()
        insert.run(colleague, fac, term, userId, null, rng.pick(PUBLIC_NOTES), null, at, at)
      }
    }
  }
}
