/** Who may sit an exam: the course's students, narrowed by kind of exam, minus those who fail a condition. */
import type { Rng, SeedWorld } from '../../../framework/types'
import type { SeedCourse } from './world'
import type { ExamKind, SessionKind } from './texts'

/** Share of the course's students who take part, by kind of session. */
const SHARE: Record<SessionKind, number> = {
  early: 0.25,
  main: 1,
  parttime: 0.35,
  resit: 0.3,
  parttime_resit: 0.2
}
/** Course index of the doctoral course the demo lecturer attends as a student. */
export const LECTURER_STUDIES_COURSE = 6
/** Course index of the exam the demo student is not admitted to (failed classes credit). */
export const STUDENT_REFUSED_COURSE = 3

export interface Population {
  admitted: string[]
  /** Students who fail the classes-credit condition. */
  unadmitted: string[]
}

export function populationOf(
  rng: Rng,
  world: SeedWorld,
  course: SeedCourse,
  sessionKind: SessionKind,
  kind: ExamKind,
  hasCondition: boolean
): Population {
  const demoStudent = world.users.demo.student
  const share = SHARE[sessionKind]
  let candidates = share >= 1 ? [...course.students] : course.students.filter(() => rng.bool(share))
  // The demo student sits every first-sitting exam of their courses, so the app always has some.
  if (course.students.includes(demoStudent) && kind.sitting === 1 && !candidates.includes(demoStudent))
    candidates.push(demoStudent)
  if (course.index === LECTURER_STUDIES_COURSE) candidates.push(world.users.demo.lecturer)
  candidates = [...new Set(candidates)]
  if (!hasCondition) return { admitted: candidates, unadmitted: [] }
  const refusedDemo = course.index === STUDENT_REFUSED_COURSE && kind.code === 'EP'
  const admitted: string[] = []
  const unadmitted: string[] = []
  for (const u of candidates) {
    const fails = u === demoStudent ? refusedDemo : u !== world.users.demo.lecturer && rng.bool(0.08)
    ;(fails ? unadmitted : admitted).push(u)
  }
  return { admitted, unadmitted }
}
