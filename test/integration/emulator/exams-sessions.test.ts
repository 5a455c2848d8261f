/**
 * services/exams: examination sessions over real HTTP (active_examination_sessions,
 * faculty_examination_sessions, examination_session, examination_sessions, administrator, user).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
})
afterAll(() => inst.close())

const ADMIN_KEY = { as: null, admin: true } as const
const SESSION_KEYS = ['exams', 'faculty', 'id', 'status']
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
const STATUSES = ['in_preparation', 'closed', 'archived', 'active_reg_only', 'active']
const keys = (o: object) => Object.keys(o).sort()

function expectError(r: { status: number; body: any }, status: number, error: string, extra: object = {}) {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.body).toMatchObject({ error, ...extra })
  expect(typeof r.body.message).toBe('string')
}

describe('exams/active_examination_sessions', () => {
  it('lists the active sessions with the default fields (administrative key, no token)', async () => {
    const r = await inst.call('exams/active_examination_sessions', {}, ADMIN_KEY)
    expect(r.status).toBe(200)
    expect(r.body.length).toBeGreaterThan(0)
    for (const s of r.body) {
      expect(keys(s)).toEqual(SESSION_KEYS)
      expect(s.status).toBe('active')
      expect(keys(s.faculty)).toEqual(['id', 'name'])
      expect(s.faculty.name.pl).toBeTruthy()
      expect(s.faculty.name.en).toBeTruthy()
      for (const e of s.exams) {
        expect(keys(e)).toEqual(EXAM_DEFAULT_KEYS)
        expect(e.examination_session_id).toBe(s.id)
      }
    }
  })

  it('refuses an ordinary consumer key', async () => {
    const r = await inst.call('exams/active_examination_sessions', {}, { as: null })
    expectError(r, 403, 'method_forbidden')
  })

  it('selects fields, refuses unknown ones and secondary exam fields inside exams[...]', async () => {
    const r = await inst.call(
      'exams/active_examination_sessions',
      { fields: 'id|name|description' },
      ADMIN_KEY
    )
    expect(keys(r.body[0])).toEqual(['description', 'id', 'name'])
    expect(r.body[0].name.pl).toMatch(/\S/)
    expect(r.body[0].name.en).toMatch(/\S/)
    expectError(
      await inst.call('exams/active_examination_sessions', { fields: 'id|colour' }, ADMIN_KEY),
      400,
      'field_not_found',
      { field_name: 'colour' }
    )
    expectError(
      await inst.call(
        'exams/active_examination_sessions',
        { fields: 'exams[id|admitted_students]' },
        ADMIN_KEY
      ),
      400,
      'param_invalid',
      { param_name: 'fields' }
    )
    const nested = await inst.call(
      'exams/active_examination_sessions',
      { fields: 'exams[id|name]' },
      ADMIN_KEY
    )
    expect(nested.status).toBe(200)
    expect(keys(nested.body[0].exams[0])).toEqual(['id', 'name'])
  })
})

describe('exams/faculty_examination_sessions', () => {
  it('filters by faculty and statuses', async () => {
    const r = await inst.call(
      'exams/faculty_examination_sessions',
      { faculty_id: 'WMIM', status: 'active|archived' },
      ADMIN_KEY
    )
    expect(r.status).toBe(200)
    expect(r.body.length).toBeGreaterThan(1)
    const seen = new Set<string>()
    for (const s of r.body) {
      expect(keys(s)).toEqual(SESSION_KEYS)
      expect(s.faculty.id).toBe('WMIM')
      expect(['active', 'archived']).toContain(s.status)
      seen.add(s.status)
    }
    expect([...seen].sort()).toEqual(['active', 'archived'])
    const none = await inst.call(
      'exams/faculty_examination_sessions',
      { faculty_id: 'WMIM', status: 'active_reg_only' },
      ADMIN_KEY
    )
    expect(none.status).toBe(200)
    for (const s of none.body) expect(s.status).toBe('active_reg_only')
  })

  it('requires faculty_id and status, validates them', async () => {
    expectError(
      await inst.call('exams/faculty_examination_sessions', { status: 'active' }, ADMIN_KEY),
      400,
      'param_missing',
      { param_name: 'faculty_id' }
    )
    expectError(
      await inst.call('exams/faculty_examination_sessions', { faculty_id: 'WMIM' }, ADMIN_KEY),
      400,
      'param_missing',
      { param_name: 'status' }
    )
    expectError(
      await inst.call(
        'exams/faculty_examination_sessions',
        { faculty_id: 'WMIM', status: 'active|open' },
        ADMIN_KEY
      ),
      400,
      'param_invalid',
      { param_name: 'status' }
    )
    expectError(
      await inst.call(
        'exams/faculty_examination_sessions',
        { faculty_id: 'NOPE', status: 'active' },
        ADMIN_KEY
      ),
      400,
      'object_not_found',
      { param_name: 'faculty_id' }
    )
    expectError(
      await inst.call(
        'exams/faculty_examination_sessions',
        { faculty_id: 'WMIM', status: 'active' },
        { as: null }
      ),
      403,
      'method_forbidden'
    )
  })
})

describe('exams/examination_session and examination_sessions', () => {
  it('answers one session with any of its fields, also unsigned (Consumer: optional)', async () => {
    const r = await inst.call('exams/examination_session', {
      id: '1',
      fields: 'id|name|description|status|faculty'
    })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(['description', 'faculty', 'id', 'name', 'status'])
    expect(STATUSES).toContain(r.body.status)
    expect(r.body.description.pl).toMatch(/\S/)
    expect(r.body.description.en).toMatch(/\S/)
    const unsigned = await fetch(`${inst.baseUrl}services/exams/examination_session?id=1`)
    expect(unsigned.status).toBe(200)
    expect(keys((await unsigned.json()) as object)).toEqual(SESSION_KEYS)
  })

  it('refuses a missing, invalid or unknown id and unknown fields', async () => {
    expectError(await inst.call('exams/examination_session', {}), 400, 'param_missing', { param_name: 'id' })
    expectError(await inst.call('exams/examination_session', { id: 'one' }), 400, 'param_invalid', {
      param_name: 'id'
    })
    expectError(await inst.call('exams/examination_session', { id: '999999' }), 400, 'object_not_found', {
      param_name: 'id'
    })
    expectError(
      await inst.call('exams/examination_session', { id: '1', fields: 'id|rooms' }),
      400,
      'field_not_found',
      { field_name: 'rooms' }
    )
    expectError(
      await inst.call('exams/examination_session', { id: '1', fields: 'status[id]' }),
      400,
      'field_invalid',
      { field_name: 'status' }
    )
  })

  it('answers many sessions as a dictionary keyed by the ids sent, null for unknown ones', async () => {
    const r = await inst.call('exams/examination_sessions', { ids: '1|2|999999', fields: 'id|status' })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(['1', '2', '999999'])
    expect(r.body['1']).toMatchObject({ id: 1 })
    expect(r.body['2']).toMatchObject({ id: 2 })
    expect(r.body['999999']).toBeNull()
    expectError(await inst.call('exams/examination_sessions', {}), 400, 'param_missing', {
      param_name: 'ids'
    })
    expectError(await inst.call('exams/examination_sessions', { ids: '1|x' }), 400, 'param_invalid', {
      param_name: 'ids'
    })
    const single = await inst.call('exams/examination_session', { id: '2' })
    const many = await inst.call('exams/examination_sessions', { ids: '2' })
    expect(many.body['2']).toEqual(single.body)
  })
})

describe('exams/administrator', () => {
  it('maps the faculties the user manages (with their institutes) to their sessions', async () => {
    const r = await inst.call('exams/administrator', {}, { as: 'administrator' })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(['WF', 'WF-IFT', 'WMIM', 'WMIM-II', 'WMIM-IM'])
    expect(r.body.WMIM.length).toBeGreaterThan(0)
    for (const [fac, sessions] of Object.entries(r.body as Record<string, any[]>)) {
      for (const s of sessions) {
        expect(keys(s)).toEqual(SESSION_KEYS)
        expect(s.faculty.id).toBe(fac)
      }
    }
    const named = await inst.call('exams/administrator', { fields: 'id|name' }, { as: 'administrator' })
    expect(keys(named.body.WMIM[0])).toEqual(['id', 'name'])
  })

  it('answers an empty dictionary to someone who manages no faculty', async () => {
    const r = await inst.call('exams/administrator', {}, { as: 'student' })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({})
  })

  it('needs a token with the staff_perspective scope', async () => {
    expect((await inst.call('exams/administrator', {}, { as: null })).status).toBe(401)
    const r = await inst.call('exams/administrator', {}, { as: 'administrator', scopes: ['studies'] })
    expectError(r, 403, 'method_forbidden')
    expect(r.body.missing_scopes).toEqual(['staff_perspective'])
    expectError(
      await inst.call('exams/administrator', { fields: 'nope' }, { as: 'administrator' }),
      400,
      'field_not_found',
      { field_name: 'nope' }
    )
  })
})

describe('exams/user', () => {
  it("lists the sessions of the user's exams: all groups for a coordinator, their own otherwise", async () => {
    const r = await inst.call(
      'exams/user',
      { fields: 'id|exams[id|groups[number|is_examiner]]' },
      { as: 'lecturer', admin: true }
    )
    expect(r.status).toBe(200)
    expect(r.body.length).toBeGreaterThan(0)
    let coordinated = 0
    let examinedOnly = 0
    for (const s of r.body) {
      expect(s.exams.length).toBeGreaterThan(0)
      for (const e of s.exams) {
        const all = await inst.call(
          'exams/exam',
          { id: String(e.id), fields: 'groups[number]' },
          { as: null }
        )
        const allNumbers = all.body.groups.map((g: { number: number }) => g.number)
        const mine = e.groups.map((g: { number: number }) => g.number)
        if (mine.length === allNumbers.length) coordinated++
        else {
          examinedOnly++
          for (const g of e.groups) expect(g.is_examiner).toBe(true)
        }
      }
    }
    expect(coordinated).toBeGreaterThan(0)
    expect(examinedOnly).toBeGreaterThan(0)
  })

  it('answers an empty list to a student, and needs an administrative key and a token', async () => {
    const r = await inst.call('exams/user', {}, { as: 'student', admin: true })
    expect(r.status).toBe(200)
    expect(r.body).toEqual([])
    expectError(await inst.call('exams/user', {}, { as: 'lecturer' }), 403, 'method_forbidden')
    expect((await inst.call('exams/user', {}, { as: null, admin: true })).status).toBe(401)
  })
})
