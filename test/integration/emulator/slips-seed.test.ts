/**
 * The slips module's seed and storage, without the server: deterministic, fast at large scale,
 * realistic coverage (every state and answer status, connected templates with a cycle, the demo users
 * in every role), idempotent migrations; plus the Europe/Warsaw datetime rendering.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/emulator/framework/rng'
import type { Scale, SeedWorld } from '../../../src/emulator/framework/types'
import { slipsModule } from '../../../src/emulator/modules/slips'
import { answerStatus } from '../../../src/emulator/modules/slips/answer-status'
import { usosDatetime } from '../../../src/emulator/modules/slips/time'

const rng = createRng

function world(scale: Scale): SeedWorld {
  const staff = Array.from({ length: scale === 'large' ? 400 : 40 }, (_, i) => String(10_000 + i))
  const students = Array.from({ length: scale === 'large' ? 3000 : 200 }, (_, i) => String(50_000 + i))
  return {
    scale,
    referenceDate: '2025-11-20',
    users: {
      demo: { lecturer: '1001', student: '1002', template_admin: '1003', administrator: '1004' },
      staff: ['1001', '1003', '1004', ...staff],
      students: ['1001', '1002', ...students]
    },
    faculties: ['00000000', '10000000', '10100000', '10200000', '20000000', '30000000'],
    terms: ['2025Z', '2024L'],
    currentTerm: { id: '2025Z', start_date: '2025-10-01', end_date: '2026-02-22' },
    rooms: [],
    courseUnits: [],
    groups: [],
    courses: []
  }
}

function seeded(scale: Scale, seed = 1): Database.Database {
  const db = new Database(':memory:')
  slipsModule.migrate(db)
  slipsModule.seed(db, world(scale), rng(seed))
  return db
}

const TABLES = [
  'slips_directory',
  'slips_faculty_roles',
  'slips_templates',
  'slips_template_connections',
  'slips_questions',
  'slips_question_answerers',
  'slips_student_programmes',
  'slips_slips',
  'slips_slipquestions',
  'slips_extra_answerers'
]

const dump = (db: Database.Database): string =>
  JSON.stringify(TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()))
const count = (db: Database.Database, sql: string, ...args: unknown[]): number =>
  (db.prepare(sql).get(...args) as { n: number }).n

describe('slips seed', () => {
  it('is deterministic for a given random seed, and differs for another', () => {
    expect(dump(seeded('small', 5))).toBe(dump(seeded('small', 5)))
    expect(dump(seeded('small', 5))).not.toBe(dump(seeded('small', 6)))
  })

  it('seeds several hundred objects of each kind at large scale (seeding time printed, not asserted)', () => {
    const t0 = performance.now()
    const db = seeded('large')
    const ms = performance.now() - t0
    console.info(`slips seed, large: ${ms.toFixed(0)} ms`)
    for (const table of ['slips_templates', 'slips_questions', 'slips_slips', 'slips_slipquestions']) {
      expect(count(db, `SELECT COUNT(*) AS n FROM ${table}`), table).toBeGreaterThanOrEqual(300)
    }
  })

  it('grows with the scale', () => {
    const n = (s: Scale): number => count(seeded(s), 'SELECT COUNT(*) AS n FROM slips_slips')
    expect(n('small')).toBeLessThan(n('medium'))
    expect(n('medium')).toBeLessThan(n('large'))
  })

  it('covers every template state, slip state and answer status, with connections and a cycle', () => {
    const db = seeded('medium')
    const states = db.prepare('SELECT DISTINCT state FROM slips_templates ORDER BY state').all()
    expect(states).toEqual([{ state: 'active' }, { state: 'draft' }, { state: 'obsolete' }])
    const slipStates = db.prepare('SELECT DISTINCT state FROM slips_slips ORDER BY state').all()
    expect(slipStates).toEqual([{ state: 'active' }, { state: 'closed' }])
    const rows = db
      .prepare(
        `SELECT sq.answer, q.regexp_cleared, q.regexp_rejected FROM slips_slipquestions sq
         JOIN slips_questions q ON q.id = sq.question_id`
      )
      .all() as Array<{
      answer: string | null
      regexp_cleared: string | null
      regexp_rejected: string | null
    }>
    const statuses = new Set(rows.map((r) => answerStatus(r.answer, r.regexp_cleared, r.regexp_rejected)))
    expect([...statuses].sort()).toEqual(['cleared', 'pending', 'rejected', 'unclear'])
    expect(count(db, 'SELECT COUNT(*) AS n FROM slips_questions WHERE is_obsolete = 1')).toBeGreaterThan(0)
    const cycles = count(
      db,
      `SELECT COUNT(*) AS n FROM slips_template_connections a
       JOIN slips_template_connections b ON a.tpl_id = b.connected_tpl_id AND a.connected_tpl_id = b.tpl_id`
    )
    expect(cycles).toBeGreaterThan(0)
    // Every question is a short question, as add_question requires.
    const bad = db
      .prepare("SELECT question FROM slips_questions WHERE length(question) > 100 OR question NOT LIKE '%?'")
      .all()
    expect(bad).toEqual([])
    expect(count(db, 'SELECT COUNT(*) AS n FROM slips_templates WHERE length(name) > 75')).toBe(0)
  })

  it('gives the demo users something to see in every role', () => {
    const db = seeded('small')
    const { demo } = world('small').users
    const role = (user: string, r: string): number =>
      count(db, 'SELECT COUNT(*) AS n FROM slips_faculty_roles WHERE user_id = ? AND role = ?', user, r)
    expect(role(demo.template_admin, 'template_admin')).toBeGreaterThan(0)
    expect(role(demo.template_admin, 'issuer')).toBeGreaterThan(0)
    expect(role(demo.administrator, 'issuer')).toBe(world('small').faculties.length)
    expect(role(demo.lecturer, 'issuer')).toBeGreaterThan(0)
    // Drafts to edit in the editor's faculties.
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM slips_templates t JOIN slips_faculty_roles r ON r.fac_id = t.fac_id
         WHERE t.state = 'draft' AND r.user_id = ? AND r.role = 'template_admin'`,
        demo.template_admin
      )
    ).toBeGreaterThan(0)
    // Questions waiting for the lecturer on active slips.
    expect(
      count(
        db,
        `SELECT COUNT(*) AS n FROM slips_slipquestions sq JOIN slips_slips s ON s.id = sq.slip_id
         JOIN slips_question_answerers a ON a.question_id = sq.question_id
         WHERE s.state = 'active' AND sq.answer IS NULL AND a.user_id = ?`,
        demo.lecturer
      )
    ).toBeGreaterThan(2)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM slips_extra_answerers WHERE user_id = ?', demo.lecturer)
    ).toBeGreaterThan(0)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM slips_slips WHERE client_id = ?', demo.student)
    ).toBeGreaterThan(2)
    expect(
      count(
        db,
        "SELECT COUNT(*) AS n FROM slips_slips WHERE client_id = ? AND state = 'active'",
        demo.student
      )
    ).toBeGreaterThan(0)
    expect(
      count(db, 'SELECT COUNT(*) AS n FROM slips_slips WHERE issuer_id = ?', demo.administrator)
    ).toBeGreaterThan(0)
  })

  it('dates slips before the reference date, in the USOS format', () => {
    const db = seeded('medium')
    const rows = db.prepare('SELECT date_created, date_last_closed FROM slips_slips').all() as Array<{
      date_created: string
      date_last_closed: string | null
    }>
    for (const r of rows) {
      expect(r.date_created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      expect(r.date_created <= '2025-11-20 23:59:59').toBe(true)
      if (r.date_last_closed) expect(r.date_last_closed >= r.date_created).toBe(true)
    }
    const answered = db
      .prepare(
        `SELECT sq.date_answered, s.date_created FROM slips_slipquestions sq JOIN slips_slips s ON s.id = sq.slip_id
         WHERE sq.answer IS NOT NULL`
      )
      .all() as Array<{ date_answered: string; date_created: string }>
    expect(answered.length).toBeGreaterThan(0)
    for (const a of answered) expect(a.date_answered >= a.date_created.slice(0, 10)).toBe(true)
  })

  it('migrates idempotently and never seeds twice', () => {
    const db = seeded('small')
    const before = dump(db)
    slipsModule.migrate(db)
    slipsModule.seed(db, world('small'), rng(99))
    expect(dump(db)).toBe(before)
  })
})

describe('USOS datetimes', () => {
  it('render in Europe/Warsaw whatever the machine zone, across DST', () => {
    expect(usosDatetime(new Date('2025-01-15T10:00:00Z'))).toBe('2025-01-15 11:00:00')
    expect(usosDatetime(new Date('2025-07-15T10:00:00Z'))).toBe('2025-07-15 12:00:00')
    expect(usosDatetime(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-26 02:30:00')
    expect(usosDatetime(new Date('2025-10-26T01:30:00Z'))).toBe('2025-10-26 02:30:00')
    expect(usosDatetime(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01 00:30:00')
  })
})

describe('answer_status', () => {
  it('follows regexp_cleared / regexp_rejected: one match decides, none or both is unclear', () => {
    expect(answerStatus(null, '/^tak/i', '/^nie/i')).toBe('pending')
    expect(answerStatus('Tak', '/^tak/i', '/^nie/i')).toBe('cleared')
    expect(answerStatus('nie', '/^tak/i', '/^nie/i')).toBe('rejected')
    expect(answerStatus('może', '/^tak/i', '/^nie/i')).toBe('unclear')
    expect(answerStatus('tak nie', 'tak', 'nie')).toBe('unclear')
    expect(answerStatus('tak', null, null)).toBe('unclear')
    expect(answerStatus('', '^$', null)).toBe('cleared')
  })
})
