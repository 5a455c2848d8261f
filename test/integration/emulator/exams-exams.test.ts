/**
 * services/exams: exams over real HTTP (exam, exams, student_exams, search_exams_registrations,
 * condition).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
})
afterAll(() => inst.close())

const ADMIN_KEY = { as: null, admin: true } as const
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const EXAM_DEFAULT_KEYS = [
  'code',
  'course',
  'examination_session_id',
  'examiners_visible',
  'groups',
  'has_priorities',
  'id',
  'preferences_limit',
  'registration_end',
  'registration_start',
  'term'
]
const PRIMARY = [
  ...EXAM_DEFAULT_KEYS,
  'name',
  'description',
  'micro_round_length',
  'micro_break_length',
  'register_until',
  'unregister_until',
  'exchange_until',
  'examrep_session',
  'students_count'
]
const SECONDARY = ['admission_conditions', 'admitted_students', 'unadmitted_students']
const keys = (o: object) => Object.keys(o).sort()

function expectError(r: { status: number; body: any }, status: number, error: string, extra: object = {}) {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.body).toMatchObject({ error, ...extra })
}

/** Every exam of the active sessions, with what the tests need to pick one. */
async function activeExams(): Promise<
  Array<{ id: number; session: number; registration_start: string; registration_end: string }>
> {
  const r = await inst.call(
    'exams/active_examination_sessions',
    { fields: 'id|exams[id|registration_start|registration_end]' },
    ADMIN_KEY
  )
  return r.body.flatMap((s: any) => s.exams.map((e: any) => ({ ...e, session: s.id })))
}

/** An exam with an admission condition and students refused by it. */
async function examWithCondition() {
  for (const e of await activeExams()) {
    const r = await inst.call(
      'exams/exam',
      { id: String(e.id), fields: 'id|admission_conditions|unadmitted_students' },
      ADMIN_KEY
    )
    if (Object.keys(r.body.admission_conditions).length && Object.keys(r.body.unadmitted_students).length)
      return r.body
  }
  throw new Error('no exam with admission conditions in the seeded data')
}

describe('exams/exam', () => {
  it('answers the default fields, unsigned too (Consumer: optional)', async () => {
    const [e] = await activeExams()
    const r = await inst.call('exams/exam', { id: String(e!.id) }, { as: null })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(EXAM_DEFAULT_KEYS)
    expect(r.body.id).toBe(e!.id)
    expect(r.body.examination_session_id).toBe(e!.session)
    expect(r.body.registration_start).toMatch(DATETIME)
    expect(r.body.registration_end).toMatch(DATETIME)
    expect(r.body.registration_start < r.body.registration_end).toBe(true)
    expect(typeof r.body.examiners_visible).toBe('boolean')
    expect(typeof r.body.has_priorities).toBe('boolean')
    expect(r.body.preferences_limit).toBeGreaterThanOrEqual(1)
    expect(r.body.code).toMatch(/\S/)
    expect(keys(r.body.term)).toEqual(['end_date', 'finish_date', 'id', 'is_active', 'name', 'start_date'])
    expect(keys(r.body.course)).toEqual(['id', 'name'])
    expect(r.body.groups.length).toBeGreaterThan(0)
    for (const g of r.body.groups)
      expect(keys(g)).toEqual([
        'capacity',
        'exam_end',
        'exam_id',
        'exam_start',
        'examiners',
        'number',
        'number_of_slots',
        'slots'
      ])
    const unsigned = await fetch(`${inst.baseUrl}services/exams/exam?id=${e!.id}`)
    expect(unsigned.status).toBe(200)
    expect(await unsigned.json()).toEqual(r.body)
  })

  it('answers every primary field with the documented shapes', async () => {
    const [e] = await activeExams()
    const r = await inst.call('exams/exam', { id: String(e!.id), fields: PRIMARY.join('|') })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual([...PRIMARY].sort())
    expect(r.body.name.pl).toMatch(/\S/)
    expect(r.body.name.en).toMatch(/\S/)
    expect(r.body.description.pl).toMatch(/\S/)
    expect(r.body.description.en).toMatch(/\S/)
    for (const f of ['register_until', 'unregister_until', 'exchange_until'])
      if (r.body[f] !== null) expect(r.body[f]).toMatch(DATETIME)
    expect(Number.isInteger(r.body.micro_round_length)).toBe(true)
    expect(Number.isInteger(r.body.micro_break_length)).toBe(true)
    expect(keys(r.body.examrep_session)).toEqual(['description', 'exam_id', 'number'])
    expect([1, 2]).toContain(r.body.examrep_session.number)
    expect(r.body.students_count).toBeGreaterThan(0)
  })

  it('answers the secondary fields: conditions for anyone, students for administrative keys only', async () => {
    const { id } = await examWithCondition()
    const ordinary = await inst.call('exams/exam', { id: String(id), fields: SECONDARY.join('|') })
    expect(ordinary.status).toBe(200)
    expect(ordinary.body.admitted_students).toBeNull()
    expect(ordinary.body.unadmitted_students).toBeNull()
    const conditions = ordinary.body.admission_conditions as Record<string, any>
    for (const [examrepId, c] of Object.entries(conditions)) {
      expect(keys(c)).toEqual(['examrep', 'grade_value'])
      expect(c.examrep.id).toBe(Number(examrepId))
      expect(c.examrep.type_description.pl).toMatch(/\S/)
      if (c.grade_value !== null) {
        expect(keys(c.grade_value)).toEqual(['decimal_value', 'name', 'order_key', 'passes', 'symbol'])
        expect(c.grade_value.passes).toBe(true)
      }
    }
    const admin = await inst.call(
      'exams/exam',
      { id: String(id), fields: SECONDARY.join('|') + '|students_count' },
      ADMIN_KEY
    )
    const admitted = admin.body.admitted_students as string[]
    const unadmitted = admin.body.unadmitted_students as Record<string, number[]>
    expect(admitted.length).toBe(admin.body.students_count)
    for (const [user, reps] of Object.entries(unadmitted)) {
      expect(admitted).not.toContain(user)
      for (const rep of reps) expect(Object.keys(conditions)).toContain(String(rep))
    }
    const picked = await inst.call('exams/exam', {
      id: String(id),
      fields: 'admission_conditions[grade_value|examrep[id]]'
    })
    for (const c of Object.values(picked.body.admission_conditions as Record<string, any>))
      expect(keys(c)).toEqual(['examrep', 'grade_value'])
  })

  it('refuses a missing, invalid or unknown id, unknown fields and sub-selectors on plain fields', async () => {
    expectError(await inst.call('exams/exam', {}), 400, 'param_missing', { param_name: 'id' })
    expectError(await inst.call('exams/exam', { id: '12a' }), 400, 'param_invalid', { param_name: 'id' })
    expectError(await inst.call('exams/exam', { id: '999999' }), 400, 'object_not_found', {
      param_name: 'id'
    })
    const [e] = await activeExams()
    expectError(
      await inst.call('exams/exam', { id: String(e!.id), fields: 'id|grade' }),
      400,
      'field_not_found',
      { field_name: 'grade' }
    )
    expectError(
      await inst.call('exams/exam', { id: String(e!.id), fields: 'code[id]' }),
      400,
      'field_invalid',
      { field_name: 'code' }
    )
    expectError(
      await inst.call('exams/exam', { id: String(e!.id), fields: 'groups[attendees]' }),
      400,
      'field_not_found',
      { field_name: 'attendees' }
    )
  })
})

describe('exams/exams', () => {
  it('answers a dictionary keyed by the ids sent, null for unknown ids, the token ignored', async () => {
    const [a, b] = await activeExams()
    const r = await inst.call(
      'exams/exams',
      { ids: `${a!.id}|${b!.id}|999999`, fields: 'id|name' },
      { as: 'student' }
    )
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual([String(a!.id), String(b!.id), '999999'].sort())
    expect(r.body[String(a!.id)]).toMatchObject({ id: a!.id })
    expect(keys(r.body[String(a!.id)])).toEqual(['id', 'name'])
    expect(r.body['999999']).toBeNull()
    const one = await inst.call('exams/exam', { id: String(a!.id) }, { as: null })
    const many = await inst.call('exams/exams', { ids: String(a!.id) }, { as: null })
    expect(many.body[String(a!.id)]).toEqual(one.body)
  })

  it('refuses missing and invalid ids and unknown fields', async () => {
    expectError(await inst.call('exams/exams', {}, { as: null }), 400, 'param_missing', { param_name: 'ids' })
    expectError(await inst.call('exams/exams', { ids: 'abc' }, { as: null }), 400, 'param_invalid', {
      param_name: 'ids'
    })
    expectError(
      await inst.call('exams/exams', { ids: '1', fields: 'nope' }, { as: null }),
      400,
      'field_not_found',
      { field_name: 'nope' }
    )
  })
})

describe('exams/student_exams', () => {
  it("lists the student's exams: each one they are admitted to, registered for or refused", async () => {
    const me = inst.server.demoUserIds.student
    const r = await inst.call('exams/student_exams', {}, { as: 'student' })
    expect(r.status).toBe(200)
    expect(r.body.length).toBeGreaterThan(0)
    let refused = 0
    for (const e of r.body) {
      expect(keys(e)).toEqual(EXAM_DEFAULT_KEYS)
      const detail = await inst.call(
        'exams/exam',
        { id: String(e.id), fields: 'admitted_students|unadmitted_students' },
        ADMIN_KEY
      )
      const admitted = detail.body.admitted_students.includes(me)
      if (!admitted) {
        expect(Object.keys(detail.body.unadmitted_students)).toContain(me)
        refused++
      }
    }
    expect(refused).toBeGreaterThan(0)
  })

  it('serves the lecturer as a (doctoral) student, and nobody else their exams', async () => {
    const lecturer = await inst.call('exams/student_exams', { fields: 'id|name' }, { as: 'lecturer' })
    expect(lecturer.status).toBe(200)
    expect(lecturer.body.length).toBeGreaterThan(0)
    const admin = await inst.call('exams/student_exams', {}, { as: 'administrator' })
    expect(admin.body).toEqual([])
  })

  it('allows primary fields only, needs a token with the studies scope', async () => {
    expectError(
      await inst.call('exams/student_exams', { fields: 'id|admission_conditions' }, { as: 'student' }),
      400,
      'param_invalid',
      {
        param_name: 'fields'
      }
    )
    expectError(
      await inst.call('exams/student_exams', { fields: 'id|bogus' }, { as: 'student' }),
      400,
      'field_not_found',
      { field_name: 'bogus' }
    )
    expect((await inst.call('exams/student_exams', {}, { as: null })).status).toBe(401)
    const r = await inst.call('exams/student_exams', {}, { as: 'student', scopes: ['staff_perspective'] })
    expectError(r, 403, 'method_forbidden')
    expect(r.body.missing_scopes).toEqual(['studies'])
  })
})

describe('exams/search_exams_registrations', () => {
  const search = (params: Record<string, string>, opts = {}) =>
    inst.call('exams/search_exams_registrations', params, opts)

  it('lists active registrations whose window meets the date range', async () => {
    const r = await search({ start_date: '2026-11-15', end_date: '2026-12-15' })
    expect(r.status).toBe(200)
    expect(r.body.length).toBeGreaterThan(0)
    const sessions = new Set<number>()
    for (const e of r.body) {
      expect(keys(e)).toEqual(EXAM_DEFAULT_KEYS)
      expect(e.registration_end >= '2026-11-15 00:00:00').toBe(true)
      expect(e.registration_start <= '2026-12-15 23:59:59').toBe(true)
      sessions.add(e.examination_session_id)
    }
    const statuses = await inst.call('exams/examination_sessions', {
      ids: [...sessions].join('|'),
      fields: 'status'
    })
    for (const s of Object.values(statuses.body as Record<string, { status: string }>))
      expect(['active', 'active_reg_only']).toContain(s.status)
    // Every active exam whose window meets the range is found.
    const expected = (await activeExams()).filter(
      (e) => e.registration_end >= '2026-11-15 00:00:00' && e.registration_start <= '2026-12-15 23:59:59'
    )
    const found = new Set(r.body.map((e: { id: number }) => e.id))
    for (const e of expected) expect(found.has(e.id)).toBe(true)
  })

  it('filters by faculty (with its institutes) and by the user', async () => {
    const all = await search({
      start_date: '2026-11-15',
      end_date: '2026-12-15',
      fields: 'id|examination_session_id'
    })
    const wf = await search({
      start_date: '2026-11-15',
      end_date: '2026-12-15',
      faculty_id: 'WF',
      fields: 'id|examination_session_id'
    })
    expect(wf.body.length).toBeGreaterThan(0)
    expect(wf.body.length).toBeLessThan(all.body.length)
    const ids = [...new Set(wf.body.map((e: any) => e.examination_session_id))].join('|')
    const facs = await inst.call('exams/examination_sessions', { ids, fields: 'faculty' })
    for (const s of Object.values(facs.body as Record<string, any>)) expect(s.faculty.id).toMatch(/^WF/)
    const mine = await search(
      { start_date: '2026-11-15', end_date: '2026-12-15', user_related: 'true', fields: 'id' },
      { as: 'student' }
    )
    expect(mine.body.length).toBeGreaterThan(0)
    expect(mine.body.length).toBeLessThan(all.body.length)
    const me = inst.server.demoUserIds.student
    for (const e of mine.body) {
      const d = await inst.call(
        'exams/exam',
        { id: String(e.id), fields: 'admitted_students|unadmitted_students' },
        ADMIN_KEY
      )
      expect(d.body.admitted_students.includes(me) || me in d.body.unadmitted_students).toBe(true)
    }
  })

  it('refuses backwards and longer-than-a-month ranges with the documented reasons', async () => {
    expectError(await search({ start_date: '2026-12-01', end_date: '2026-11-30' }), 400, 'params_invalid', {
      reason: 'session_not_found'
    })
    expectError(await search({ start_date: '2026-11-01', end_date: '2026-12-02' }), 400, 'params_invalid', {
      reason: 'too_long_date_range'
    })
    expect((await search({ start_date: '2026-11-01', end_date: '2026-12-01' })).status).toBe(200)
    expect((await search({ start_date: '2027-01-31', end_date: '2027-02-28' })).status).toBe(200)
    expect((await search({ start_date: '2026-11-20', end_date: '2026-11-20' })).status).toBe(200)
  })

  it('refuses missing and invalid parameters, unknown faculties, and unsigned calls', async () => {
    expectError(await search({ end_date: '2026-11-30' }), 400, 'param_missing', { param_name: 'start_date' })
    expectError(await search({ start_date: '2026-11-01' }), 400, 'param_missing', { param_name: 'end_date' })
    expectError(await search({ start_date: '2026-11-31', end_date: '2026-12-01' }), 400, 'param_invalid', {
      param_name: 'start_date'
    })
    expectError(await search({ start_date: '2026-11-01', end_date: '1.12.2026' }), 400, 'param_invalid', {
      param_name: 'end_date'
    })
    expectError(
      await search({ start_date: '2026-11-01', end_date: '2026-11-30', user_related: 'yes' }),
      400,
      'param_invalid',
      {
        param_name: 'user_related'
      }
    )
    expectError(
      await search({ start_date: '2026-11-01', end_date: '2026-11-30', user_related: 'true' }, { as: null }),
      400,
      'param_invalid',
      {
        param_name: 'user_related'
      }
    )
    expectError(
      await search({ start_date: '2026-11-01', end_date: '2026-11-30', faculty_id: 'XX' }),
      400,
      'object_not_found',
      {
        param_name: 'faculty_id'
      }
    )
    expectError(
      await search({ start_date: '2026-11-01', end_date: '2026-11-30', fields: 'id|x' }),
      400,
      'field_not_found',
      { field_name: 'x' }
    )
    const unsigned = await fetch(
      `${inst.baseUrl}services/exams/search_exams_registrations?start_date=2026-11-01&end_date=2026-11-30`
    )
    expect(unsigned.status).toBe(401)
    expect((await search({ start_date: '2026-11-01', end_date: '2026-11-30' }, { as: null })).status).toBe(
      200
    )
  })
})

describe('exams/condition', () => {
  it('answers a condition as the exam lists it', async () => {
    const { id } = await examWithCondition()
    const exam = await inst.call('exams/exam', { id: String(id), fields: 'admission_conditions' })
    for (const [examrepId, c] of Object.entries(exam.body.admission_conditions as Record<string, any>)) {
      const r = await inst.call(
        'exams/condition',
        { exam_id: String(id), examrep_id: examrepId },
        { as: null }
      )
      expect(r.status).toBe(200)
      expect(r.body).toEqual(c)
      const sub = await inst.call('exams/condition', {
        exam_id: String(id),
        examrep_id: examrepId,
        fields: 'examrep[id|course_id]'
      })
      expect(sub.body).toEqual({ examrep: { id: Number(examrepId), course_id: c.examrep.course_id } })
    }
  })

  it('refuses missing, invalid and unknown ids, and unknown fields', async () => {
    const { id, admission_conditions } = await examWithCondition()
    const rep = Object.keys(admission_conditions)[0]!
    expectError(await inst.call('exams/condition', { examrep_id: rep }), 400, 'param_missing', {
      param_name: 'exam_id'
    })
    expectError(await inst.call('exams/condition', { exam_id: String(id) }), 400, 'param_missing', {
      param_name: 'examrep_id'
    })
    expectError(await inst.call('exams/condition', { exam_id: 'x', examrep_id: rep }), 400, 'param_invalid', {
      param_name: 'exam_id'
    })
    expectError(
      await inst.call('exams/condition', { exam_id: String(id), examrep_id: '1.5' }),
      400,
      'param_invalid',
      {
        param_name: 'examrep_id'
      }
    )
    expectError(
      await inst.call('exams/condition', { exam_id: '999999', examrep_id: rep }),
      400,
      'object_not_found',
      {
        param_name: 'exam_id'
      }
    )
    expectError(
      await inst.call('exams/condition', { exam_id: String(id), examrep_id: '999999' }),
      400,
      'object_not_found',
      {
        param_name: 'examrep_id'
      }
    )
    expectError(
      await inst.call('exams/condition', { exam_id: String(id), examrep_id: rep, fields: 'grade' }),
      400,
      'field_not_found',
      { field_name: 'grade' }
    )
  })
})
