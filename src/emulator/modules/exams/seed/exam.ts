/** One seeded exam: its row, admission conditions, who is admitted, groups, examiners and places. */
import type { Rng } from '../../../framework/types'
import { addDays, at } from '../dates'
import { assignPlaces, planGroups } from './groups'
import type { Inserts } from './inserts'
import type { PlannedSession } from './plan'
import { populationOf } from './population'
import { examName, EXAMREP_TYPES, type ExamKind } from './texts'
import type { SeedCourse, SeedData } from './world'

export interface ExamSeed {
  id: number
  sessionId: number
  session: PlannedSession
  course: SeedCourse
  kind: ExamKind
  firstDay: string
}

/** Exam reports per course and term ("Egzamin", "Zaliczenie ćwiczeń"), created on first use. */
export class Examreps {
  private readonly ids = new Map<string, number>()
  private nextId = 70001
  constructor(private readonly ins: Inserts) {}

  get(course: string, term: string, type: keyof typeof EXAMREP_TYPES): number {
    const key = `${course}|${term}|${type}`
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.nextId++
      this.ins.examrep.run(id, course, term, EXAMREP_TYPES[type].pl, EXAMREP_TYPES[type].en)
      this.ids.set(key, id)
    }
    return id
  }
}

export function seedExam(ins: Inserts, rng: Rng, data: SeedData, examreps: Examreps, e: ExamSeed): void {
  const { world } = data
  const D = e.firstDay
  const registrationStart = at(addDays(D, -28), '08:00:00')
  const registrationEnd = at(addDays(D, -3), '23:59:59')
  const unregisterUntil = at(addDays(D, -5), '23:59:59')
  const coordinator = e.course.lecturer ?? rng.pick(world.users.staff)
  const priorities = e.kind.oral && rng.bool(0.5)
  const name = examName(e.kind, e.course, e.session.kind.startsWith('parttime'))
  const examrepId = examreps.get(e.course.id, e.session.term.id, 'exam')
  ins.exam.run({
    id: e.id,
    session_id: e.sessionId,
    term_id: e.session.term.id,
    course_id: e.course.id,
    name_pl: name.pl,
    name_en: name.en,
    description_pl: e.kind.descPl,
    description_en: e.kind.descEn,
    code: `${e.course.id}-${e.session.term.id.replace('/', '')}-${e.kind.code}-${e.id}`,
    registration_start: registrationStart,
    registration_end: registrationEnd,
    register_until: registrationEnd,
    unregister_until: unregisterUntil,
    exchange_until: rng.bool(0.8) ? at(addDays(D, -4), '23:59:59') : null,
    examiners_visible: rng.bool(0.85) ? 1 : 0,
    has_priorities: priorities ? 1 : 0,
    preferences_limit: priorities ? 3 : 1,
    micro_round_length: priorities ? 900 : 0,
    micro_break_length: priorities ? 300 : 0,
    coordinator_id: coordinator,
    examrep_id: examrepId,
    examrep_session_number: e.kind.sitting
  })

  // Admission: a passed classes credit (any grade, or at least "good" for the early exam).
  const classes = examreps.get(e.course.id, e.session.term.id, 'classes')
  const hasCondition = e.kind.code === 'EZ' || e.kind.sitting === 2 || e.course.index === 3 || rng.bool(0.8)
  if (hasCondition) ins.condition.run(e.id, classes, e.kind.code === 'EZ' ? '4' : rng.bool(0.75) ? null : '3')
  const people = populationOf(rng, world, e.course, e.session.kind, e.kind, hasCondition)
  for (const u of people.admitted) ins.admitted.run(e.id, u)
  for (const u of people.unadmitted) ins.unadmitted.run(e.id, u, classes)

  const groups = planGroups(
    rng,
    e.kind,
    D,
    people.admitted.length,
    data.rooms,
    world.scale === 'small' ? 2 : 4
  )
  const teachers = e.course.teachers.length ? e.course.teachers : [coordinator]
  for (const g of groups) {
    const overrides = g.number > 1 && rng.bool(0.2)
    ins.group.run(
      e.id,
      g.number,
      g.start,
      g.end,
      g.capacity,
      g.slots,
      g.roomId,
      overrides ? at(addDays(D, -25), '08:00:00') : null,
      overrides ? registrationEnd : null,
      overrides ? unregisterUntil : null
    )
    ins.examiner.run(
      e.id,
      g.number,
      g.number === 1 ? coordinator : (teachers[(g.number - 1) % teachers.length] ?? coordinator)
    )
    if (rng.bool(0.3)) ins.examiner.run(e.id, g.number, rng.pick(world.users.staff))
  }
  // The demo lecturer also examines one group (not the first) of some colleagues' exams.
  const last = groups[groups.length - 1]
  if (last && last.number > 1 && coordinator !== world.users.demo.lecturer && e.id % 4 === 0)
    ins.examiner.run(e.id, last.number, world.users.demo.lecturer)

  // Places already taken on the reference date: most once registration has closed, about half
  // while it is open, none before it opens or while the session is being prepared.
  const now = at(world.referenceDate, '12:00:00')
  const share =
    e.session.status === 'in_preparation' || now < registrationStart ? 0 : now > registrationEnd ? 0.9 : 0.55
  const order = rng.shuffle(people.admitted)
  // The demo student holds a place in some exams and not yet in others.
  const demo = world.users.demo.student
  if (order.includes(demo)) {
    order.splice(order.indexOf(demo), 1)
    if (e.id % 2 === 0) order.unshift(demo)
    else order.push(demo)
  }
  for (const p of assignPlaces(groups, order, share)) ins.registration.run(e.id, p.group, p.slot, p.user)
}
