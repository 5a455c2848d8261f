import type { CallContext, LangDict, ObjectType } from '../../framework/types'
import { warsawToday } from '../../framework/time'

interface UserRow {
  id: string
  first_name: string
  last_name: string
  titles_before: string | null
  titles_after: string | null
  email: string | null
  student_number: string | null
  staff_status: number
  student_status: number
  sex: string
}
interface FacultyRow {
  id: string
  name_pl: string
  name_en: string
  parent_id: string | null
}
interface TermRow {
  id: string
  name_pl: string
  name_en: string
  start_date: string
  end_date: string
  finish_date: string
}
interface RoomRow {
  id: number
  number: string
  building_id: string
  building_name_pl: string
  building_name_en: string
  capacity: number
}
interface UnitRow {
  id: number
  course_id: string
  term_id: string
  classtype_id: string
  name_pl: string
  name_en: string
}
interface GroupRow {
  course_unit_id: number
  group_number: number
  course_id: string
  term_id: string
  classtype_id: string
  name_pl: string
  name_en: string
  lecturer_id: string | null
}
interface CourseRow {
  id: string
  name_pl: string
  name_en: string
  fac_id: string
}

const lang = (pl: string | null, en: string | null): LangDict => ({ pl, en })

export const loadUser = (ctx: CallContext, id: string | number) =>
  (ctx.db.prepare('SELECT * FROM users WHERE id = ?').get(String(id)) as UserRow | undefined) ?? null

const GROUP_SQL = `SELECT g.course_unit_id, g.group_number, g.lecturer_id, u.course_id, u.term_id, u.classtype_id, c.name_pl, c.name_en
  FROM class_groups g JOIN course_units u ON u.id = g.course_unit_id JOIN courses c ON c.id = u.course_id`

export const loadGroup = (ctx: CallContext, unitId: number, groupNumber: number) =>
  (ctx.db
    .prepare(`${GROUP_SQL} WHERE g.course_unit_id = ? AND g.group_number = ?`)
    .get(unitId, groupNumber) as GroupRow | undefined) ?? null

export const userType: ObjectType<UserRow> = {
  name: 'users/user',
  primary: ['id', 'first_name', 'last_name'],
  fields: {
    id: { get: (u) => u.id },
    first_name: { get: (u) => u.first_name },
    last_name: { get: (u) => u.last_name },
    titles: { get: (u) => ({ before: u.titles_before, after: u.titles_after }) },
    // The e-mail address needs the `email` scope.
    email: { get: (u, ctx) => (ctx.scopes.has('email') ? u.email : null) },
    student_number: { get: (u) => u.student_number },
    staff_status: { get: (u) => u.staff_status },
    student_status: { get: (u) => u.student_status },
    sex: { get: (u) => u.sex }
  },
  load: (id, ctx) => loadUser(ctx, id)
}

export const facultyType: ObjectType<FacultyRow> = {
  name: 'fac/faculty',
  primary: ['id', 'name'],
  fields: {
    id: { get: (f) => f.id },
    name: { get: (f) => lang(f.name_pl, f.name_en) },
    parent: { get: (f) => f.parent_id, ref: 'fac/faculty' }
  },
  load: (id, ctx) =>
    (ctx.db.prepare('SELECT * FROM faculties WHERE id = ?').get(String(id)) as FacultyRow | undefined) ?? null
}

export const termType: ObjectType<TermRow> = {
  name: 'terms/term',
  primary: ['id', 'name', 'start_date', 'end_date', 'finish_date', 'is_active'],
  fields: {
    id: { get: (t) => t.id },
    name: { get: (t) => lang(t.name_pl, t.name_en) },
    start_date: { get: (t) => t.start_date },
    end_date: { get: (t) => t.end_date },
    finish_date: { get: (t) => t.finish_date },
    is_active: {
      get: (t, ctx) => {
        // The installation's day, not UTC's: near midnight the two differ.
        const today = warsawToday(ctx.now())
        return t.start_date <= today && today <= t.finish_date
      }
    }
  },
  load: (id, ctx) =>
    (ctx.db.prepare('SELECT * FROM terms WHERE id = ?').get(String(id)) as TermRow | undefined) ?? null
}

export const roomType: ObjectType<RoomRow> = {
  name: 'geo/room',
  primary: ['id', 'number', 'building_id', 'building_name', 'capacity'],
  fields: {
    id: { get: (r) => r.id },
    number: { get: (r) => r.number },
    building_id: { get: (r) => r.building_id },
    building_name: { get: (r) => lang(r.building_name_pl, r.building_name_en) },
    capacity: { get: (r) => r.capacity }
  },
  load: (id, ctx) =>
    (ctx.db.prepare('SELECT * FROM rooms WHERE id = ?').get(Number(id)) as RoomRow | undefined) ?? null
}

export const courseType: ObjectType<CourseRow> = {
  name: 'courses/course',
  primary: ['id', 'name'],
  fields: {
    id: { get: (c) => c.id },
    name: { get: (c) => lang(c.name_pl, c.name_en) },
    fac_id: { get: (c) => c.fac_id }
  },
  load: (id, ctx) =>
    (ctx.db.prepare('SELECT * FROM courses WHERE id = ?').get(String(id)) as CourseRow | undefined) ?? null
}

export const unitType: ObjectType<UnitRow> = {
  name: 'courses/unit',
  primary: ['id', 'course_id', 'course_name', 'term_id', 'classtype_id'],
  fields: {
    id: { get: (u) => u.id },
    course_id: { get: (u) => u.course_id },
    course_name: { get: (u) => lang(u.name_pl, u.name_en) },
    term_id: { get: (u) => u.term_id },
    classtype_id: { get: (u) => u.classtype_id }
  },
  load: (id, ctx) =>
    (ctx.db
      .prepare(
        'SELECT u.*, c.name_pl, c.name_en FROM course_units u JOIN courses c ON c.id = u.course_id WHERE u.id = ?'
      )
      .get(Number(id)) as UnitRow | undefined) ?? null
}

const CLASS_TYPE_NAMES: Record<string, LangDict> = {
  WYK: { pl: 'Wykład', en: 'Lecture' },
  CW: { pl: 'Ćwiczenia', en: 'Classes' },
  LAB: { pl: 'Laboratorium', en: 'Laboratory' },
  SEM: { pl: 'Seminarium', en: 'Seminar' }
}

export const groupType: ObjectType<GroupRow> = {
  name: 'groups/group',
  primary: ['course_unit_id', 'group_number', 'class_type', 'course_name', 'term_id'],
  fields: {
    course_unit_id: { get: (g) => g.course_unit_id },
    group_number: { get: (g) => g.group_number },
    class_type: { get: (g) => CLASS_TYPE_NAMES[g.classtype_id] ?? lang(g.classtype_id, g.classtype_id) },
    class_type_id: { get: (g) => g.classtype_id },
    course_id: { get: (g) => g.course_id },
    course_name: { get: (g) => lang(g.name_pl, g.name_en) },
    term_id: { get: (g) => g.term_id },
    lecturers: { get: (g) => (g.lecturer_id ? [g.lecturer_id] : []), ref: 'users/user' }
  },
  load: (id, ctx) => {
    const [unit, group] = String(id).split(':')
    return loadGroup(ctx, Number(unit), Number(group))
  }
}

export type { CourseRow, FacultyRow, GroupRow, RoomRow, TermRow, UnitRow, UserRow }
