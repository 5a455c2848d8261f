import type Database from 'better-sqlite3'
import type { DemoRole, Rng, Scale, SeedWorld } from '../../framework/types'
import {
  BUILDINGS,
  CLASS_TYPES,
  COURSES,
  FACULTIES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES,
  STAFF_TITLES,
  feminine
} from './names'

const COUNTS: Record<Scale, { staff: number; students: number; groupSize: number }> = {
  small: { staff: 12, students: 80, groupSize: 15 },
  medium: { staff: 40, students: 600, groupSize: 25 },
  large: { staff: 120, students: 4000, groupSize: 30 }
}

/** The academic term holding a day: winter Oct–Feb ("2026/27-Z"), summer Mar–Sep ("2026/27-L"). */
export function termsAround(referenceDate: string) {
  // Read from the text itself: no Date, so no machine time zone.
  const y = Number(referenceDate.slice(0, 4))
  const m = Number(referenceDate.slice(5, 7))
  const startYear = m >= 10 ? y : y - 1
  const winter = (sy: number) => ({
    id: `${sy}/${String((sy + 1) % 100).padStart(2, '0')}-Z`,
    name_pl: `Semestr zimowy ${sy}/${String((sy + 1) % 100).padStart(2, '0')}`,
    name_en: `Winter semester ${sy}/${String((sy + 1) % 100).padStart(2, '0')}`,
    start_date: `${sy}-10-01`,
    end_date: `${sy + 1}-02-28`,
    finish_date: `${sy + 1}-02-28`
  })
  const summer = (sy: number) => ({
    id: `${sy}/${String((sy + 1) % 100).padStart(2, '0')}-L`,
    name_pl: `Semestr letni ${sy}/${String((sy + 1) % 100).padStart(2, '0')}`,
    name_en: `Summer semester ${sy}/${String((sy + 1) % 100).padStart(2, '0')}`,
    start_date: `${sy + 1}-03-01`,
    end_date: `${sy + 1}-09-30`,
    finish_date: `${sy + 1}-09-30`
  })
  const inWinter = m >= 10 || m <= 2
  const current = inWinter ? winter(startYear) : summer(startYear)
  const others = inWinter
    ? [summer(startYear), summer(startYear - 1)]
    : [winter(startYear + 1), winter(startYear)]
  return [current, ...others]
}

export const DEMO_USER_IDS: Record<DemoRole, string> = {
  lecturer: '100001',
  student: '100002',
  template_admin: '100003',
  administrator: '100004'
}

export function seedCommon(db: Database.Database, rng: Rng, scale: Scale, referenceDate: string): SeedWorld {
  const counts = COUNTS[scale]
  const insertUser = db.prepare(
    `INSERT INTO users (id, first_name, last_name, titles_before, email, student_number, staff_status, student_status, sex)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .toLowerCase()
  const person = () => {
    const female = rng.bool()
    const first = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)
    const lastBase = rng.pick(LAST_NAMES)
    return { first, last: female ? feminine(lastBase) : lastBase, sex: female ? 'F' : 'M' }
  }
  // The demo people, one per role. The lecturer is staff and also a student (doctoral studies).
  insertUser.run(
    DEMO_USER_IDS.lecturer,
    'Zofia',
    'Żółkiewska',
    'dr hab.',
    'zofia.zolkiewska@demo.usos.example',
    '400001',
    2,
    1,
    'F'
  )
  insertUser.run(
    DEMO_USER_IDS.student,
    'Jan',
    'Kowalski',
    null,
    'jan.kowalski@students.demo.usos.example',
    '438211',
    0,
    1,
    'M'
  )
  insertUser.run(
    DEMO_USER_IDS.template_admin,
    'Małgorzata',
    'Wiśniewska',
    'mgr',
    'm.wisniewska@demo.usos.example',
    null,
    2,
    0,
    'F'
  )
  insertUser.run(
    DEMO_USER_IDS.administrator,
    'Tomasz',
    'Lewandowski',
    'mgr inż.',
    't.lewandowski@demo.usos.example',
    null,
    2,
    0,
    'M'
  )
  const staff: string[] = [DEMO_USER_IDS.lecturer, DEMO_USER_IDS.template_admin, DEMO_USER_IDS.administrator]
  for (let i = 0; i < counts.staff; i++) {
    const p = person()
    const id = String(200001 + i)
    insertUser.run(
      id,
      p.first,
      p.last,
      rng.pick(STAFF_TITLES),
      `${ascii(p.first)}.${ascii(p.last)}@demo.usos.example`,
      null,
      2,
      0,
      p.sex
    )
    staff.push(id)
  }
  const students: string[] = [DEMO_USER_IDS.student]
  for (let i = 0; i < counts.students; i++) {
    const p = person()
    const id = String(300001 + i)
    insertUser.run(
      id,
      p.first,
      p.last,
      null,
      `${ascii(p.first)}.${ascii(p.last)}${i}@students.demo.usos.example`,
      String(410000 + i),
      0,
      1,
      p.sex
    )
    students.push(id)
  }

  const insertFaculty = db.prepare(
    'INSERT INTO faculties (id, name_pl, name_en, parent_id) VALUES (?, ?, ?, ?)'
  )
  insertFaculty.run('00000000', 'Uniwersytet Demonstracyjny', 'Demo University', null)
  const faculties = ['00000000']
  for (const f of FACULTIES) {
    insertFaculty.run(f.code, f.pl, f.en, '00000000')
    faculties.push(f.code)
    for (const [code, pl, en] of f.institutes) {
      insertFaculty.run(code, pl, en, f.code)
      faculties.push(code)
    }
  }

  const terms = termsAround(referenceDate)
  const insertTerm = db.prepare(
    'INSERT INTO terms (id, name_pl, name_en, start_date, end_date, finish_date) VALUES (?, ?, ?, ?, ?, ?)'
  )
  for (const t of terms) insertTerm.run(t.id, t.name_pl, t.name_en, t.start_date, t.end_date, t.finish_date)

  const insertRoom = db.prepare(
    'INSERT INTO rooms (id, number, building_id, building_name_pl, building_name_en, capacity) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const rooms: number[] = []
  let roomId = 1001
  for (const [bid, pl, en] of BUILDINGS) {
    for (const number of ['0.01', '1.12', '2.05', '3.40', '4.07', '5.440']) {
      insertRoom.run(roomId, number, bid, pl, en, rng.pick([12, 20, 30, 60, 120]))
      rooms.push(roomId++)
    }
  }

  const insertCourse = db.prepare('INSERT INTO courses (id, name_pl, name_en, fac_id) VALUES (?, ?, ?, ?)')
  const insertUnit = db.prepare(
    'INSERT INTO course_units (id, course_id, term_id, classtype_id) VALUES (?, ?, ?, ?)'
  )
  const insertGroup = db.prepare(
    'INSERT INTO class_groups (course_unit_id, group_number, lecturer_id) VALUES (?, ?, ?)'
  )
  const insertMember = db.prepare(
    'INSERT OR IGNORE INTO group_members (course_unit_id, group_number, user_id) VALUES (?, ?, ?)'
  )
  const courseUnits: number[] = []
  const groups: SeedWorld['groups'] = []
  let unitId = 50001
  for (const [i, [cid, pl, en]] of COURSES.entries()) {
    const fac = FACULTIES[i % FACULTIES.length]?.code ?? 'WMIM'
    insertCourse.run(cid, pl, en, fac)
    for (const [ct] of CLASS_TYPES.slice(0, 2)) {
      insertUnit.run(unitId, cid, terms[0]?.id, ct)
      courseUnits.push(unitId)
      for (let g = 1; g <= (ct === 'WYK' ? 1 : 2); g++) {
        // The demo lecturer teaches the first courses; colleagues the rest.
        insertGroup.run(unitId, g, i < 3 ? DEMO_USER_IDS.lecturer : rng.pick(staff))
        groups.push({ course_unit_id: unitId, group_number: g })
        const members = rng.shuffle(students).slice(0, counts.groupSize)
        if (i < 4) members.push(DEMO_USER_IDS.student)
        for (const s of members) insertMember.run(unitId, g, s)
      }
      unitId++
    }
  }
  const current = terms[0] as (typeof terms)[number]
  return {
    scale,
    referenceDate,
    users: { demo: { ...DEMO_USER_IDS }, staff, students },
    faculties,
    terms: terms.map((t) => t.id),
    currentTerm: { id: current.id, start_date: current.start_date, end_date: current.end_date },
    rooms,
    courseUnits,
    groups,
    courses: COURSES.map(([id]) => id)
  }
}
