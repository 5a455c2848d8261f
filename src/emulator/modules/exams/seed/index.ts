/**
 * The exams module's seeded data: examination sessions per faculty, term and kind (see plan.ts),
 * each with exams of the faculty's courses, centred on the reference date. Deterministic for a
 * given seed; all inserts run in one transaction through prepared statements.
 */
import type Database from 'better-sqlite3'
import type { Rng, SeedWorld } from '../../../framework/types'
import { addDays } from '../dates'
import { Examreps, seedExam } from './exam'
import { prepareInserts } from './inserts'
import { planSessions, SCALES } from './plan'
import { EXAM_KINDS, sessionDescription, sessionName } from './texts'
import { readWorld } from './world'

export function seedExams(db: Database.Database, world: SeedWorld, rng: Rng): void {
  const data = readWorld(db, world)
  const plan = planSessions(db, world)
  const ins = prepareInserts(db)
  const perSession = SCALES[world.scale].examsPerSession
  db.transaction(() => {
    const examreps = new Examreps(ins)
    let examId = 5001
    for (const [i, s] of plan.entries()) {
      const sessionId = i + 1
      const name = sessionName(s.kind, s.term.id)
      const desc = sessionDescription(s.kind, { pl: s.faculty.name_pl, en: s.faculty.name_en })
      ins.session.run(sessionId, name.pl, name.en, desc.pl, desc.en, s.status, s.faculty.id, s.term.id)
      const courses = data.coursesByFaculty.get(s.faculty.courseFaculty) ?? []
      if (courses.length === 0) continue
      const kinds = EXAM_KINDS[s.kind]
      for (let k = 0; k < perSession; k++) {
        // Each course once, then the next kind of exam (written, then oral) for the same courses.
        const course = courses[k % courses.length]
        const kind = kinds[Math.floor(k / courses.length) % kinds.length]
        if (!course || !kind) continue
        seedExam(ins, rng, data, examreps, {
          id: examId++,
          sessionId,
          session: s,
          course,
          kind,
          firstDay: addDays(s.anchor, rng.int(s.days[0], s.days[1]))
        })
      }
    }
    // Registration managers (ROLA_ZARZADZANIE_REJESTRACJAMI): the demo administrator for two
    // faculties, and a colleague for a third.
    const [first, second, third] = plan.map((p) => p.faculty.id).filter((f, i, all) => all.indexOf(f) === i)
    for (const f of [first, second]) if (f) ins.facAdmin.run(f, world.users.demo.administrator)
    const colleague = world.users.staff.find((u) => !Object.values(world.users.demo).includes(u))
    if (third && colleague) ins.facAdmin.run(third, colleague)
  })()
}
