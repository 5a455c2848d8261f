import { addDays, format, parseISO } from 'date-fns'
import type Database from 'better-sqlite3'
import type { Rng, Scale, SeedWorld } from '../../framework/types'

const EXAMS_PER_SESSION: Record<Scale, number> = { small: 3, medium: 8, large: 30 }
const day = (d: Date) => format(d, 'yyyy-MM-dd')

export function seedExams(db: Database.Database, world: SeedWorld, rng: Rng): void {
  const term = world.currentTerm
  const ref = parseISO(world.referenceDate)
  const insertSession = db.prepare(
    'INSERT INTO exams_sessions (name_pl, name_en, description_pl, description_en, status, fac_id) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const insertExam = db.prepare(
    `INSERT INTO exams_exams (session_id, term_id, course_id, name_pl, name_en, description_pl, description_en, code, registration_start,
       registration_end, register_until, unregister_until, exchange_until, examiners_visible, has_priorities, preferences_limit,
       micro_round_length, micro_break_length, coordinator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertGroup = db.prepare(
    `INSERT INTO exams_groups (exam_id, number, exam_start, exam_end, capacity, number_of_slots, room_id, registration_start, register_until,
       unregister_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertExaminer = db.prepare(
    'INSERT OR IGNORE INTO exams_examiners (exam_id, group_number, user_id) VALUES (?, ?, ?)'
  )
  const insertAdmitted = db.prepare('INSERT OR IGNORE INTO exams_admitted (exam_id, user_id) VALUES (?, ?)')
  const insertRegistration = db.prepare(
    'INSERT OR IGNORE INTO exams_registrations (exam_id, group_number, slot_number, user_id) VALUES (?, ?, ?, ?)'
  )
  const insertExamrep = db.prepare(
    'INSERT INTO exams_examreps (course_id, term_id, name_pl, name_en) VALUES (?, ?, ?, ?)'
  )
  const insertCondition = db.prepare(
    'INSERT OR IGNORE INTO exams_conditions (exam_id, examrep_id, grade_symbol) VALUES (?, ?, ?)'
  )
  const insertUnadmitted = db.prepare(
    'INSERT OR IGNORE INTO exams_unadmitted (exam_id, user_id, examrep_id) VALUES (?, ?, ?)'
  )
  db.prepare('INSERT OR IGNORE INTO exams_fac_admins (fac_id, user_id) VALUES (?, ?)').run(
    'WMIM',
    world.users.demo.administrator
  )
  db.prepare('INSERT OR IGNORE INTO exams_fac_admins (fac_id, user_id) VALUES (?, ?)').run(
    'WF',
    world.users.demo.administrator
  )

  const sessions: Array<{ status: string; fac: string; pl: string; en: string }> = [
    {
      status: 'active',
      fac: 'WMIM',
      pl: `Sesja egzaminacyjna ${term.id}`,
      en: `Examination session ${term.id}`
    },
    {
      status: 'active_reg_only',
      fac: 'WF',
      pl: `Sesja poprawkowa ${term.id}`,
      en: `Resit session ${term.id}`
    },
    {
      status: 'in_preparation',
      fac: 'WH',
      pl: `Sesja ${term.id} (w przygotowaniu)`,
      en: `Session ${term.id} (in preparation)`
    },
    { status: 'closed', fac: 'WMIM', pl: 'Sesja archiwalna', en: 'Past session' }
  ]
  const courses = world.courses
  let examNo = 0
  for (const [si, s] of sessions.entries()) {
    const sessionId = Number(
      insertSession.run(s.pl, s.en, 'Zapisy przez USOS.', 'Registration through USOS.', s.status, s.fac)
        .lastInsertRowid
    )
    for (let e = 0; e < EXAMS_PER_SESSION[world.scale]; e++) {
      const course = courses[(si * 3 + e) % courses.length] as string
      examNo++
      // The first exams fall around the reference day, so the calendar shows them next to office hours.
      const first = addDays(ref, si === 3 ? -120 + e : -3 + ((e * 5 + si * 2) % 40))
      const regStart = `${day(addDays(first, -21))} 10:00:00`
      const regEnd = `${day(addDays(first, -2))} 23:59:00`
      const coordinator = e % 3 === 0 ? world.users.demo.lecturer : rng.pick(world.users.staff)
      const examId = Number(
        insertExam.run(
          sessionId,
          term.id,
          course,
          `Egzamin — termin ${1 + (e % 2)}`,
          `Exam — sitting ${1 + (e % 2)}`,
          e % 2 ? 'Egzamin pisemny.' : 'Egzamin ustny.',
          e % 2 ? 'Written exam.' : 'Oral exam.',
          `EX-${course}-${examNo}`,
          regStart,
          regEnd,
          regEnd,
          regEnd,
          regEnd,
          rng.bool(0.8) ? 1 : 0,
          rng.bool(0.3) ? 1 : 0,
          rng.int(1, 3),
          60,
          10,
          coordinator
        ).lastInsertRowid
      )
      const examrep = Number(
        insertExamrep.run(course, term.id, 'Zaliczenie ćwiczeń', 'Classes credit').lastInsertRowid
      )
      insertCondition.run(examId, examrep, rng.bool() ? '3' : null)
      const groups = world.scale === 'small' ? 2 : rng.int(2, 4)
      const admitted = rng.shuffle(world.users.students).slice(0, world.scale === 'large' ? 120 : 40)
      if (e % 2 === 0) admitted.push(world.users.demo.student, world.users.demo.lecturer)
      for (const u of admitted) insertAdmitted.run(examId, u)
      for (const u of rng.shuffle(world.users.students).slice(0, 3)) insertUnadmitted.run(examId, u, examrep)
      for (let g = 1; g <= groups; g++) {
        // Exams are held on weekdays: a group falling on a weekend moves to the Monday.
        const raw = addDays(first, g - 1)
        const weekday = raw.getDay()
        const date = weekday === 6 ? addDays(raw, 2) : weekday === 0 ? addDays(raw, 1) : raw
        const startHour = 9 + ((g * 2) % 8)
        const start = `${day(date)} ${String(startHour).padStart(2, '0')}:00:00`
        const end = `${day(date)} ${String(startHour + 2).padStart(2, '0')}:00:00`
        const slots = rng.pick([1, 2, 4])
        const capacity = rng.pick([16, 24, 40])
        insertGroup.run(
          examId,
          g,
          start,
          end,
          capacity,
          slots,
          rng.pick(world.rooms),
          regStart,
          regEnd,
          regEnd
        )
        insertExaminer.run(
          examId,
          g,
          g === 1 || e % 3 === 0 ? world.users.demo.lecturer : rng.pick(world.users.staff)
        )
        if (rng.bool(0.4)) insertExaminer.run(examId, g, rng.pick(world.users.staff))
      }
      // Registrations: most admitted students hold a place, spread over groups and slots within capacity.
      const groupRows = db
        .prepare('SELECT number, capacity, number_of_slots FROM exams_groups WHERE exam_id = ?')
        .all(examId) as Array<{
        number: number
        capacity: number
        number_of_slots: number
      }>
      let k = 0
      for (const u of admitted.slice(0, Math.floor(admitted.length * 0.7))) {
        const g = groupRows[k % groupRows.length] as (typeof groupRows)[number]
        const slot = 1 + (Math.floor(k / groupRows.length) % g.number_of_slots)
        const taken = (
          db
            .prepare(
              'SELECT COUNT(*) AS n FROM exams_registrations WHERE exam_id = ? AND group_number = ? AND slot_number = ?'
            )
            .get(examId, g.number, slot) as { n: number }
        ).n
        if (taken < slotCapacity(g.capacity, g.number_of_slots, slot))
          insertRegistration.run(examId, g.number, slot, u)
        k++
      }
    }
  }
}

/** A group's places are spread evenly over its slots; the first slots take the remainder. */
export function slotCapacity(capacity: number, slots: number, slot: number): number {
  return Math.floor(capacity / slots) + (slot <= capacity % slots ? 1 : 0)
}
