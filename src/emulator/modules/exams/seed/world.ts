/** What the exams generator reads from the common data: courses, their teachers and students, rooms. */
import type Database from 'better-sqlite3'
import type { SeedWorld } from '../../../framework/types'

export interface SeedCourse {
  id: string
  pl: string
  en: string
  /** Position in the world's course list (the demo people take part in the first ones). */
  index: number
  /** The lecture's lecturer coordinates the exam; class teachers examine too. */
  lecturer: string | null
  teachers: string[]
  /** Students of the course's groups, in id order. */
  students: string[]
}

export interface SeedData {
  world: SeedWorld
  coursesByFaculty: Map<string, SeedCourse[]>
  rooms: Array<{ id: number; capacity: number }>
}

export function readWorld(db: Database.Database, world: SeedWorld): SeedData {
  const courses = db.prepare('SELECT id, name_pl, name_en, fac_id FROM courses').all() as Array<{
    id: string
    name_pl: string
    name_en: string
    fac_id: string
  }>
  const teaching = db
    .prepare(
      `SELECT u.course_id, u.classtype_id, g.lecturer_id FROM class_groups g JOIN course_units u ON u.id = g.course_unit_id
       WHERE u.term_id = ? ORDER BY u.id, g.group_number`
    )
    .all(world.currentTerm.id) as Array<{
    course_id: string
    classtype_id: string
    lecturer_id: string | null
  }>
  const members = db
    .prepare(
      `SELECT DISTINCT u.course_id, m.user_id FROM group_members m JOIN course_units u ON u.id = m.course_unit_id
       ORDER BY u.course_id, CAST(m.user_id AS INTEGER)`
    )
    .all() as Array<{ course_id: string; user_id: string }>
  const byFaculty = new Map<string, SeedCourse[]>()
  for (const c of courses) {
    const index = world.courses.indexOf(c.id)
    if (index < 0) continue
    const taught = teaching.filter((t) => t.course_id === c.id)
    const course: SeedCourse = {
      id: c.id,
      pl: c.name_pl,
      en: c.name_en,
      index,
      lecturer: taught.find((t) => t.classtype_id === 'WYK')?.lecturer_id ?? null,
      teachers: [...new Set(taught.flatMap((t) => (t.lecturer_id ? [t.lecturer_id] : [])))],
      students: members.filter((m) => m.course_id === c.id).map((m) => m.user_id)
    }
    const list = byFaculty.get(c.fac_id) ?? []
    list.push(course)
    byFaculty.set(c.fac_id, list)
  }
  for (const list of byFaculty.values()) list.sort((a, b) => a.index - b.index)
  const rooms = db.prepare('SELECT id, capacity FROM rooms ORDER BY id').all() as Array<{
    id: number
    capacity: number
  }>
  return { world, coursesByFaculty: byFaculty, rooms }
}
