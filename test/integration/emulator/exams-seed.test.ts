/**
 * The exams module's generated data: per scale, fast, deterministic, consistent (places within
 * capacity, only admitted students registered, windows before the exams), centred on the reference
 * date, with something to show for every demo role.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrateOAuth } from '../../../src/emulator/framework/oauth'
import { createRng } from '../../../src/emulator/framework/rng'
import type { Scale } from '../../../src/emulator/framework/types'
import { allModules } from '../../../src/emulator/modules'
import { DEMO_USER_IDS, seedCommon } from '../../../src/emulator/modules/common'
import { examsModule } from '../../../src/emulator/modules/exams'
import { startTestInstallation } from './harness'

const REF = '2026-11-22'

function seeded(scale: Scale, seed = 7, referenceDate = REF) {
  const db = new Database(':memory:')
  migrateOAuth(db)
  for (const m of allModules) m.migrate(db)
  const world = db.transaction(() => seedCommon(db, createRng(seed), scale, referenceDate))()
  const t0 = performance.now()
  db.transaction(() => examsModule.seed(db, world, createRng(seed + 4000)))()
  return { db, world, ms: performance.now() - t0 }
}
const count = (db: Database.Database, sql: string, ...args: unknown[]) =>
  (db.prepare(sql).get(...args) as { n: number }).n

describe('exams seed', () => {
  it.each([
    ['small', 10, 30],
    ['medium', 30, 100],
    ['large', 100, 300]
  ] as const)(
    '%s: enough sessions and exams (seeding time printed, not asserted)',
    (scale, minSessions, minExams) => {
      const { db, ms } = seeded(scale)
      // How long it took is printed, and measured by `npm run bench`: never asserted in a test.
      console.info(`exams seed, ${scale}: ${ms.toFixed(0)} ms`)
      expect(count(db, 'SELECT COUNT(*) AS n FROM exams_sessions')).toBeGreaterThanOrEqual(minSessions)
      expect(count(db, 'SELECT COUNT(*) AS n FROM exams_exams')).toBeGreaterThanOrEqual(minExams)
      if (scale === 'large') {
        for (const t of ['groups', 'examiners', 'admitted', 'registrations', 'unadmitted', 'conditions'])
          expect(count(db, `SELECT COUNT(*) AS n FROM exams_${t}`), t).toBeGreaterThan(300)
        expect(count(db, 'SELECT SUM(number_of_slots) AS n FROM exams_groups')).toBeGreaterThan(300)
      }
      db.close()
    }
  )

  it('is consistent: places within capacity, registered students admitted, nobody both admitted and refused', () => {
    const { db } = seeded('medium')
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM exams_registrations r
         WHERE NOT EXISTS (SELECT 1 FROM exams_admitted a WHERE a.exam_id = r.exam_id AND a.user_id = r.user_id)`
      )
    ).toBe(0)
    expect(
      count(
        db,
        'SELECT COUNT(*) AS n FROM exams_admitted a JOIN exams_unadmitted u ON u.exam_id = a.exam_id AND u.user_id = a.user_id'
      )
    ).toBe(0)
    // Slot k of a group holds at most floor(capacity / slots) (+1 for the first capacity % slots slots).
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM (SELECT r.exam_id, r.group_number, r.slot_number, COUNT(*) AS taken, g.capacity, g.number_of_slots
           FROM exams_registrations r JOIN exams_groups g ON g.exam_id = r.exam_id AND g.number = r.group_number
           GROUP BY r.exam_id, r.group_number, r.slot_number)
         WHERE slot_number > number_of_slots
            OR taken > capacity / number_of_slots + (CASE WHEN slot_number <= capacity % number_of_slots THEN 1 ELSE 0 END)`
      )
    ).toBe(0)
    // Registration opens before it closes, closes before the first group starts; groups end after they start.
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM exams_exams e WHERE e.registration_start >= e.registration_end
           OR e.registration_end >= (SELECT MIN(exam_start) FROM exams_groups g WHERE g.exam_id = e.id)`
      )
    ).toBe(0)
    expect(
      count(
        db,
        'SELECT COUNT(*) AS n FROM exams_groups WHERE exam_start >= exam_end OR capacity < 1 OR number_of_slots < 1'
      )
    ).toBe(0)
    expect(
      count(
        db,
        'SELECT COUNT(*) AS n FROM exams_exams e WHERE NOT EXISTS (SELECT 1 FROM exams_groups g WHERE g.exam_id = e.id)'
      )
    ).toBe(0)
    // References point at real objects of the common data.
    expect(
      count(
        db,
        'SELECT COUNT(*) AS n FROM exams_exams WHERE course_id NOT IN (SELECT id FROM courses) OR term_id NOT IN (SELECT id FROM terms)'
      )
    ).toBe(0)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM exams_sessions WHERE fac_id NOT IN (SELECT id FROM faculties)')
    ).toBe(0)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM exams_groups WHERE room_id NOT IN (SELECT id FROM rooms)')
    ).toBe(0)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM exams_examiners WHERE user_id NOT IN (SELECT id FROM users)')
    ).toBe(0)
    // Texts in both languages; datetimes in the USOS format.
    expect(
      count(
        db,
        "SELECT COUNT(*) AS n FROM exams_exams WHERE name_pl = '' OR name_en = '' OR description_pl = '' OR description_en = ''"
      )
    ).toBe(0)
    expect(
      count(db, "SELECT COUNT(*) AS n FROM exams_sessions WHERE name_pl = name_en OR description_pl = ''")
    ).toBe(0)
    const times = db
      .prepare(
        'SELECT exam_start AS a, exam_end AS b FROM exams_groups UNION ALL SELECT registration_start, registration_end FROM exams_exams'
      )
      .all() as Array<{ a: string; b: string }>
    for (const t of times) {
      expect(t.a).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      expect(t.b).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    }
    db.close()
  })

  it('centres the active sessions on the reference date, in the current term', () => {
    for (const ref of ['2026-11-22', '2027-05-10']) {
      const { db, world } = seeded('small', 7, ref)
      const starts = db
        .prepare(
          `SELECT MIN(g.exam_start) AS first, e.term_id FROM exams_exams e JOIN exams_sessions s ON s.id = e.session_id
           JOIN exams_groups g ON g.exam_id = e.id WHERE s.status IN ('active', 'active_reg_only') GROUP BY e.id`
        )
        .all() as Array<{ first: string; term_id: string }>
      expect(starts.length).toBeGreaterThan(0)
      const days = starts.map((s) => (Date.parse(s.first.slice(0, 10)) - Date.parse(ref)) / 86_400_000)
      for (const s of starts) expect(s.term_id).toBe(world.currentTerm.id)
      expect(Math.min(...days)).toBeGreaterThanOrEqual(-10)
      expect(Math.max(...days)).toBeLessThanOrEqual(45)
      // Some registrations are open on the reference date.
      expect(
        count(
          db,
          `SELECT COUNT(*) AS n FROM exams_exams e JOIN exams_sessions s ON s.id = e.session_id
           WHERE s.status = 'active' AND e.registration_start <= ? AND e.registration_end >= ?`,
          `${ref} 12:00:00`,
          `${ref} 12:00:00`
        )
      ).toBeGreaterThan(0)
      db.close()
    }
  })

  it('gives every demo role something to see', () => {
    const { db } = seeded('small')
    const current =
      "SELECT e.id FROM exams_exams e JOIN exams_sessions s ON s.id = e.session_id WHERE s.status IN ('active', 'active_reg_only')"
    const { lecturer, student, administrator } = DEMO_USER_IDS
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM exams_exams WHERE coordinator_id = ? AND id IN (${current})`,
        lecturer
      )
    ).toBeGreaterThan(0)
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM exams_examiners x JOIN exams_exams e ON e.id = x.exam_id
         WHERE x.user_id = ? AND e.coordinator_id <> ? AND x.group_number > 1`,
        lecturer,
        lecturer
      )
    ).toBeGreaterThan(0)
    expect(count(db, 'SELECT COUNT(*) AS n FROM exams_admitted WHERE user_id = ?', lecturer)).toBeGreaterThan(
      0
    )
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM exams_registrations WHERE user_id = ? AND exam_id IN (${current})`,
        student
      )
    ).toBeGreaterThan(0)
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM exams_admitted a WHERE a.user_id = ? AND a.exam_id IN (${current})
         AND NOT EXISTS (SELECT 1 FROM exams_registrations r WHERE r.exam_id = a.exam_id AND r.user_id = a.user_id)`,
        student
      )
    ).toBeGreaterThan(0)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM exams_unadmitted WHERE user_id = ?', student)
    ).toBeGreaterThan(0)
    expect(count(db, 'SELECT COUNT(*) AS n FROM exams_fac_admins WHERE user_id = ?', administrator)).toBe(2)
    db.close()
  })

  it('is deterministic for a seed, different for another', async () => {
    const dump = (db: Database.Database) =>
      JSON.stringify(
        ['sessions', 'exams', 'groups', 'examiners', 'admitted', 'registrations'].map((t) =>
          db.prepare(`SELECT * FROM exams_${t} ORDER BY 1, 2`).all()
        )
      )
    const a = seeded('medium', 11)
    const b = seeded('medium', 11)
    const c = seeded('medium', 12)
    expect(dump(a.db)).toBe(dump(b.db))
    expect(dump(a.db)).not.toBe(dump(c.db))
    for (const x of [a, b, c]) x.db.close()
    // And the same over HTTP, through the whole installation.
    const one = await startTestInstallation({ seed: 5, referenceDate: REF })
    const two = await startTestInstallation({ seed: 5, referenceDate: REF })
    try {
      const q = {
        fields: 'id|name|exams[id|name|registration_start|groups[number|exam_start|room|capacity|slots]]'
      }
      const x = await one.call('exams/active_examination_sessions', q, { as: null, admin: true })
      const y = await two.call('exams/active_examination_sessions', q, { as: null, admin: true })
      expect(x.body).toEqual(y.body)
    } finally {
      await one.close()
      await two.close()
    }
  })

  it('migrates idempotently', () => {
    const { db } = seeded('small')
    const before = count(db, 'SELECT COUNT(*) AS n FROM exams_exams')
    examsModule.migrate(db)
    examsModule.migrate(db)
    expect(count(db, 'SELECT COUNT(*) AS n FROM exams_exams')).toBe(before)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'exams%'")
      .all() as Array<{ name: string }>
    for (const t of tables) expect(t.name.startsWith('exams_')).toBe(true)
    db.close()
  })
})
