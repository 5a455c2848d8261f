/**
 * The exams module method by method, driven by its reference page (exams.txt): every method is
 * served with the page's consumer/token/scope rules, every required parameter is refused when
 * missing, the default `fields` answer exactly the listed fields, an unknown field is refused, and
 * every error and reason the page lists is reached on purpose over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoRole } from '../../../src/emulator/framework/types'
import { examsModule } from '../../../src/emulator/modules/exams'
import { startTestInstallation, type TestInstallation } from './harness'
import { readReference } from '../../helpers/usos-reference'

const REFERENCE = readReference('exams')

/** "Consumer: required (administrative) Token: ignored Scopes: staff_perspective" of a method. */
function accessOf(method: string) {
  const m = REFERENCE.find((r) => r.name === method)
  if (!m) throw new Error(`no access line for ${method}`)
  return { consumer: m.consumer, administrative: m.administrative, token: m.token, scopes: m.scopes }
}

let inst: TestInstallation
/** Seeded objects the calls below name. */
const fx = { exam: 0, session: 0, examrep: 0, examined: { exam: 0, mine: 0, other: 0 } }

beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
  const sessions = (
    await inst.call('exams/user', { fields: 'id|exams[id|groups[number]]' }, { as: 'lecturer', admin: true })
  ).body as Array<{ id: number; exams: Array<{ id: number; groups: Array<{ number: number }> }> }>
  for (const s of sessions)
    for (const e of s.exams) {
      const all = (
        await inst.call(
          'exams/exam',
          { id: String(e.id), fields: 'groups[number]|admission_conditions' },
          { as: null }
        )
      ).body as { groups: Array<{ number: number }>; admission_conditions: Record<string, unknown> }
      const mine = e.groups.map((g) => g.number)
      const other = all.groups.find((g) => !mine.includes(g.number))
      if (other && !fx.examined.exam)
        fx.examined = { exam: e.id, mine: mine[0] as number, other: other.number }
      const rep = Object.keys(all.admission_conditions)[0]
      if (rep && !fx.exam) Object.assign(fx, { exam: e.id, session: s.id, examrep: Number(rep) })
    }
  if (!fx.exam || !fx.examined.exam) throw new Error('the seeded data lacks the objects these tests need')
})
afterAll(() => inst.close())

type Call = { params: Record<string, string>; as?: DemoRole | null; admin?: boolean }
type Shape = 'object' | 'list' | 'dict' | 'dictOfLists'

/** A valid call of each method, and how its answer holds the objects its `fields` describe. */
function valid(method: string): Call & { shape: Shape } {
  const exam = String(fx.exam)
  const map: Record<string, Call & { shape: Shape }> = {
    'exams/active_examination_sessions': { params: {}, as: null, admin: true, shape: 'list' },
    'exams/administrator': { params: {}, as: 'administrator', shape: 'dictOfLists' },
    'exams/batch_register_exam': {
      params: { exam_id: exam, values: '{}' },
      as: null,
      admin: true,
      shape: 'dict'
    },
    'exams/batch_registration': {
      params: { exam_id: exam, unregister: '{}', register: '{}' },
      as: null,
      admin: true,
      shape: 'dict'
    },
    'exams/batch_unregister_exam': {
      params: { exam_id: exam, values: '{}' },
      as: null,
      admin: true,
      shape: 'dict'
    },
    'exams/condition': { params: { exam_id: exam, examrep_id: String(fx.examrep) }, shape: 'object' },
    'exams/exam': { params: { id: exam }, shape: 'object' },
    'exams/exam_group': { params: { exam_id: exam, group_number: '1' }, shape: 'object' },
    'exams/examination_session': { params: { id: String(fx.session) }, shape: 'object' },
    'exams/examination_sessions': { params: { ids: `${fx.session}|1` }, shape: 'dict' },
    'exams/exams': { params: { ids: `${exam}|${fx.examined.exam}` }, as: null, shape: 'dict' },
    'exams/faculty_examination_sessions': {
      params: { faculty_id: 'WMIM', status: 'active|archived' },
      as: null,
      admin: true,
      shape: 'list'
    },
    'exams/group': { params: { exam_id: exam, group_number: '1' }, shape: 'object' },
    'exams/search_exams_registrations': {
      params: { start_date: '2026-11-10', end_date: '2026-12-10' },
      shape: 'list'
    },
    'exams/slot': { params: { exam_id: exam, group_number: '1', slot_number: '1' }, shape: 'object' },
    'exams/student_exams': { params: {}, as: 'student', shape: 'list' },
    'exams/user': { params: {}, as: 'lecturer', admin: true, shape: 'list' }
  }
  const v = map[method]
  if (!v) throw new Error(`no valid call for ${method}`)
  return v
}

const call = (method: string, c: Call) =>
  inst.call(method, c.params, { as: c.as === undefined ? 'lecturer' : c.as, admin: c.admin ?? false })

function objectsOf(body: any, shape: Shape): object[] {
  if (shape === 'object') return [body]
  if (shape === 'list') return body
  if (shape === 'dict') return Object.values(body).filter((v): v is object => v !== null)
  return Object.values(body as Record<string, object[]>).flat()
}

/** Each error and reason the page lists, reached on purpose. */
function triggers(): Record<string, Call & { status: number; param_name?: string }> {
  const exam = String(fx.exam)
  const x = fx.examined
  const bad = { status: 400 }
  return {
    'exams/batch_register_exam object_not_found': {
      ...bad,
      params: { exam_id: '999999', values: '{}' },
      as: null,
      admin: true,
      param_name: 'exam_id'
    },
    'exams/batch_unregister_exam object_not_found': {
      ...bad,
      params: { exam_id: '999999', values: '{}' },
      as: null,
      admin: true,
      param_name: 'exam_id'
    },
    'exams/batch_registration object_not_found': {
      ...bad,
      params: { exam_id: '999999', unregister: '{}', register: '{}' },
      as: null,
      admin: true,
      param_name: 'exam_id'
    },
    'exams/condition object_not_found': {
      ...bad,
      params: { exam_id: exam, examrep_id: '999999' },
      param_name: 'examrep_id'
    },
    'exams/exam object_not_found': { ...bad, params: { id: '999999' }, param_name: 'id' },
    'exams/examination_session object_not_found': { ...bad, params: { id: '999999' }, param_name: 'id' },
    'exams/exam_group object_not_found': {
      ...bad,
      params: { exam_id: '999999', group_number: '1' },
      param_name: 'exam_id'
    },
    'exams/exam_group object_forbidden coordinator_only': {
      status: 403,
      params: { exam_id: String(x.exam), group_number: String(x.other), fields: 'attendees' }
    },
    'exams/exam_group object_forbidden examiner_only': {
      status: 403,
      params: { exam_id: String(x.exam), group_number: String(x.mine), fields: 'attendees' },
      as: 'student'
    },
    'exams/group object_not_found': {
      ...bad,
      params: { exam_id: exam, group_number: '999' },
      param_name: 'group_number'
    },
    'exams/group object_forbidden coordinator_only': {
      status: 403,
      params: { exam_id: String(x.exam), group_number: String(x.other), fields: 'slots[attendees]' },
      admin: true
    },
    'exams/group object_forbidden examiner_only': {
      status: 403,
      params: { exam_id: String(x.exam), group_number: String(x.mine), fields: 'slots[attendees]' },
      as: 'student',
      admin: true
    },
    'exams/search_exams_registrations object_not_found': {
      ...bad,
      params: { start_date: '2026-11-01', end_date: '2026-11-30', faculty_id: 'NO-SUCH' },
      param_name: 'faculty_id'
    },
    'exams/search_exams_registrations params_invalid session_not_found': {
      ...bad,
      params: { start_date: '2026-11-30', end_date: '2026-11-01' }
    },
    'exams/search_exams_registrations params_invalid too_long_date_range': {
      ...bad,
      params: { start_date: '2026-11-01', end_date: '2027-01-01' }
    },
    'exams/slot object_not_found': {
      ...bad,
      params: { exam_id: exam, group_number: '1', slot_number: '999' },
      param_name: 'slot_number'
    }
  }
}

describe('exams.txt, method by method', () => {
  it('serves exactly the methods of the page', () => {
    expect(REFERENCE.length).toBe(17)
    expect(examsModule.methods.map((m) => m.name).sort()).toEqual(REFERENCE.map((m) => m.name).sort())
  })

  describe.each(REFERENCE.map((m) => [m.name, m] as const))('%s', (name, ref) => {
    const access = accessOf(name)
    const required = ref.params.filter((p) => p.required).map((p) => p.name)
    const fields = ref.params.find((p) => p.name === 'fields')

    it('follows the consumer, token and scope rules of the page', async () => {
      const def = examsModule.methods.find((m) => m.name === name)!
      expect(def.auth).toBe(
        { required: 'token', optional: 'token_optional', ignored: 'consumer' }[access.token]
      )
      expect(Boolean(def.administrative)).toBe(access.administrative)
      expect(Boolean(def.anonymous)).toBe(access.consumer === 'optional')
      expect(def.scopes ?? []).toEqual(access.scopes)
      const v = valid(name)
      if (access.token === 'required') expect((await call(name, { ...v, as: null })).status).toBe(401)
      if (access.administrative) {
        const r = await call(name, { ...v, admin: false })
        expect(r.status).toBe(403)
        expect(r.body.error).toBe('method_forbidden')
      }
      const unsigned = await fetch(`${inst.baseUrl}services/${name}?${new URLSearchParams(v.params)}`)
      expect(unsigned.status === 401).toBe(access.consumer === 'required')
    })

    it('answers a valid call; with the default fields exactly', async () => {
      const v = valid(name)
      const r = await call(name, v)
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      if (!fields?.default) return
      const objects = objectsOf(r.body, v.shape)
      expect(objects.length).toBeGreaterThan(0)
      for (const o of objects) expect(Object.keys(o).sort()).toEqual(fields.default.split('|').sort())
    })

    it.each(required.map((p) => [p]))('refuses a missing %s (param_missing)', async (param) => {
      const v = valid(name)
      const params = { ...v.params }
      delete params[param]
      const r = await call(name, { ...v, params })
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ error: 'param_missing', param_name: param })
    })

    // USOS's errors page: an unknown field is field_not_found, naming the field and the method.
    it.skipIf(!fields)('refuses an unknown field (field_not_found naming it and the method)', async () => {
      const v = valid(name)
      const r = await call(name, { ...v, params: { ...v.params, fields: 'no_such_field' } })
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({
        error: 'field_not_found',
        field_name: 'no_such_field',
        method_name: `services/${name}`
      })
    })

    const listed = [...ref.errors].flatMap(([code, reasons]) =>
      reasons.length ? reasons.map((r) => `${code} ${r}`) : [code]
    )
    it.skipIf(listed.length === 0).each(listed.map((e) => [e]))('answers %s as documented', async (error) => {
      const t = triggers()[`${name} ${error}`]
      expect(t, `no trigger for ${name} ${error}`).toBeDefined()
      const r = await call(name, t!)
      const [code, reason] = error.split(' ')
      expect(r.status, JSON.stringify(r.body)).toBe(t!.status)
      expect(r.body.error).toBe(code)
      if (reason) expect(r.body.reason).toBe(reason)
      if (t!.param_name) expect(r.body.param_name).toBe(t!.param_name)
    })
  })
})
