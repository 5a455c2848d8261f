import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/emulator/framework/rng'
import { migrateCommon } from '../../../src/emulator/modules/common/schema'
import { seedCommon } from '../../../src/emulator/modules/common/seed'
import { meetingsModule } from '../../../src/emulator/modules/meetings'

function seeded(scale: 'small' | 'large') {
  const db = new Database(':memory:')
  migrateCommon(db)
  meetingsModule.migrate(db)
  const started = performance.now()
  const world = seedCommon(db, createRng(5), scale, '2026-11-22')
  db.transaction(() => meetingsModule.seed(db, world, createRng(6)))()
  const count = (sql: string, ...args: string[]) => (db.prepare(sql).get(...args) as { n: number }).n
  return {
    ms: performance.now() - started,
    meetings: count('SELECT COUNT(*) AS n FROM meetings_meetings'),
    dates: count('SELECT COUNT(*) AS n FROM meetings_dates'),
    participants: count('SELECT COUNT(*) AS n FROM meetings_participants'),
    overfull: count(`SELECT COUNT(*) AS n FROM meetings_dates d WHERE
      (SELECT COUNT(*) FROM meetings_participants p WHERE p.meeting_date_id = d.id AND p.status <> 'rejected' AND p.is_reserve = 0) > d.seats_limit`),
    notes: count('SELECT COUNT(*) AS n FROM meetings_notes'),
    // A participant's substantiation must be one the meeting's mode accepts (own faculty, or its parents).
    badReasons: count(`SELECT COUNT(*) AS n FROM meetings_participants p
      JOIN meetings_dates d ON d.id = p.meeting_date_id JOIN meetings_meetings m ON m.id = d.meeting_id
      JOIN meetings_substantiations s ON s.id = p.substantiation_id JOIN faculties f ON f.id = m.fac_id
      WHERE s.type <> 'meeting' OR NOT (s.fac_id = m.fac_id OR (m.substantiation_mode = 'this_faculty_and_parents'
        AND s.fac_id IN (f.parent_id, (SELECT parent_id FROM faculties WHERE id = f.parent_id))))`),
    demoStudentUpcoming: count(
      `SELECT COUNT(*) AS n FROM meetings_participants p JOIN meetings_dates d ON d.id = p.meeting_date_id
      WHERE p.user_id = ? AND d.start_time > '2026-11-22' AND p.status <> 'rejected'`,
      world.users.demo.student
    ),
    holidays: count(
      "SELECT COUNT(*) AS n FROM meetings_dates WHERE substr(start_time, 1, 10) IN ('2026-11-11', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06')"
    ),
    db
  }
}

describe('meetings seed', () => {
  it('fills the large scale as promised: 40+ meetings, 1,200+ dates, 12,000+ participants', () => {
    const s = seeded('large')
    expect(s.meetings).toBeGreaterThanOrEqual(40)
    expect(s.dates).toBeGreaterThanOrEqual(1200)
    expect(s.participants).toBeGreaterThanOrEqual(12_000)
    expect(s.overfull).toBe(0)
    expect(s.holidays).toBe(0)
    expect(s.notes).toBeGreaterThanOrEqual(300)
    expect(s.badReasons).toBe(0)
    // How long it took is printed, and measured by `npm run bench`: never asserted in a test.
  })

  it('keeps small small, and the same seed gives the same data', () => {
    const a = seeded('small')
    const b = seeded('small')
    expect(a.meetings).toBeLessThan(10)
    expect(a.dates).toBeGreaterThanOrEqual(40)
    expect(a.dates).toBeLessThan(100)
    expect(a.notes).toBeGreaterThan(0)
    expect(a.badReasons).toBe(0)
    expect(a.demoStudentUpcoming).toBeGreaterThanOrEqual(3)
    const dump = (db: Database.Database) =>
      JSON.stringify(db.prepare('SELECT * FROM meetings_participants ORDER BY id LIMIT 50').all())
    expect(dump(a.db)).toBe(dump(b.db))
  })
})
