/**
 * services/exams administrative batch methods over real HTTP (batch_register_exam,
 * batch_unregister_exam, batch_registration): per-user statuses, applied once, within capacity,
 * all or nothing, persisted across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
})
afterAll(() => inst.close())

const ADMIN_KEY = { as: null, admin: true } as const
const STATE_FIELDS =
  'id|admitted_students|unadmitted_students|groups[number|number_of_slots|slots[number|capacity|attendees_count|attendees]]'

interface Slot {
  number: number
  capacity: number
  attendees_count: number
  attendees: string[]
}
interface ExamState {
  id: number
  admitted_students: string[]
  unadmitted_students: Record<string, number[]>
  groups: Array<{ number: number; number_of_slots: number; slots: Slot[] }>
}

function expectError(r: { status: number; body: any }, status: number, error: string, extra: object = {}) {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.body).toMatchObject({ error, ...extra })
}

async function examsOf(statuses: string, t: TestInstallation = inst): Promise<ExamState[]> {
  const ids: number[] = []
  for (const fac of ['WMIM', 'WF', 'WH', 'WP']) {
    const r = await t.call(
      'exams/faculty_examination_sessions',
      { faculty_id: fac, status: statuses, fields: 'exams[id]' },
      ADMIN_KEY
    )
    for (const s of r.body) for (const e of s.exams) ids.push(e.id)
  }
  const r = await t.call('exams/exams', { ids: ids.join('|'), fields: STATE_FIELDS }, ADMIN_KEY)
  return Object.values(r.body as Record<string, ExamState>)
}

const state = async (id: number, t: TestInstallation = inst) =>
  (await t.call('exams/exam', { id: String(id), fields: STATE_FIELDS }, ADMIN_KEY)).body as ExamState
const registered = (e: ExamState) => new Set(e.groups.flatMap((g) => g.slots.flatMap((s) => s.attendees)))
const freeAdmitted = (e: ExamState) => e.admitted_students.filter((u) => !registered(e).has(u))
const placeOf = (e: ExamState, user: string) => {
  for (const g of e.groups)
    for (const s of g.slots) if (s.attendees.includes(user)) return { group: g.number, slot: s.number }
  return null
}
const values = (v: object) => JSON.stringify(v)
const register = (exam: number, v: object, t: TestInstallation = inst) =>
  t.call('exams/batch_register_exam', { exam_id: String(exam), values: values(v) }, ADMIN_KEY)
const unregister = (exam: number, v: object) =>
  inst.call('exams/batch_unregister_exam', { exam_id: String(exam), values: values(v) }, ADMIN_KEY)

describe('exams/batch_register_exam', () => {
  it('answers a status per user in the shape of values, and applies each registration once', async () => {
    const exams = await examsOf('active')
    const e = exams.find(
      (x) =>
        freeAdmitted(x).length >= 2 && Object.keys(x.unadmitted_students).length > 0 && registered(x).size > 0
    )!
    expect(e).toBeDefined()
    const [a, b] = freeAdmitted(e)
    const refused = Object.keys(e.unadmitted_students)[0]!
    const holder = [...registered(e)][0]!
    const held = placeOf(e, holder)!
    const g = e.groups[0]!
    const otherSlotOrGroup =
      held.group === g.number && held.slot === 1
        ? e.groups[1]
          ? { group: e.groups[1].number, slot: 1 }
          : g.slots[1]
            ? { group: g.number, slot: 2 }
            : null
        : { group: g.number, slot: 1 }
    const r = await register(e.id, { [g.number]: { 1: [a, refused, '999999999'] } })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      [g.number]: { 1: { [a!]: 'success', [refused]: 'e_not_permitted', '999999999': 'e_not_permitted' } }
    })
    const again = await register(e.id, { [g.number]: { 1: [a, a] } })
    expect(again.body).toEqual({ [g.number]: { 1: { [a!]: 'w_already_registered' } } })
    const after = await state(e.id)
    expect(placeOf(after, a!)).toEqual({ group: g.number, slot: 1 })
    expect(after.groups[0]!.slots[0]!.attendees_count).toBe(e.groups[0]!.slots[0]!.attendees_count + 1)
    // Holding another place of the same exam is an error; the same place, a warning.
    const same = await register(e.id, { [held.group]: { [held.slot]: [holder] } })
    expect(same.body[held.group][held.slot][holder]).toBe('w_already_registered')
    if (otherSlotOrGroup) {
      const elsewhere = await register(e.id, {
        [otherSlotOrGroup.group]: { [otherSlotOrGroup.slot]: [holder, b] }
      })
      expect(elsewhere.body[otherSlotOrGroup.group][otherSlotOrGroup.slot][holder]).toBe(
        'e_already_registered'
      )
    }
    expect(placeOf(await state(e.id), holder)).toEqual(held)
  })

  it('never fills a slot beyond its capacity', async () => {
    const exams = await examsOf('active|active_reg_only')
    let target: { e: ExamState; group: number; slot: Slot } | undefined
    for (const e of exams)
      for (const g of e.groups)
        for (const s of g.slots)
          if (!target && freeAdmitted(e).length > s.capacity - s.attendees_count)
            target = { e, group: g.number, slot: s }
    expect(target).toBeDefined()
    const { e, group, slot } = target!
    const free = slot.capacity - slot.attendees_count
    const users = freeAdmitted(e).slice(0, free + 1)
    const r = await register(e.id, { [group]: { [slot.number]: users } })
    const statuses = r.body[group][slot.number] as Record<string, string>
    expect(users.map((u) => statuses[u])).toEqual([...Array(free).fill('success'), 'e_not_permitted'])
    const after = (await state(e.id)).groups.find((g) => g.number === group)!.slots[slot.number - 1]!
    expect(after.attendees_count).toBe(slot.capacity)
  })

  it('refuses registrations in finished (closed, archived) sessions', async () => {
    const e = (await examsOf('closed|archived')).find((x) => freeAdmitted(x).length > 0)
    expect(e).toBeDefined()
    const u = freeAdmitted(e!)[0]!
    const r = await register(e!.id, { [e!.groups[0]!.number]: { 1: [u] } })
    expect(r.body[e!.groups[0]!.number]['1'][u]).toBe('e_not_permitted')
  })

  it('refuses missing and malformed parameters and unknown exams, groups and slots, applying nothing', async () => {
    const [e] = await examsOf('active')
    const id = String(e!.id)
    expectError(
      await inst.call('exams/batch_register_exam', { values: '{}' }, ADMIN_KEY),
      400,
      'param_missing',
      {
        param_name: 'exam_id'
      }
    )
    expectError(
      await inst.call('exams/batch_register_exam', { exam_id: id }, ADMIN_KEY),
      400,
      'param_missing',
      {
        param_name: 'values'
      }
    )
    expectError(
      await inst.call('exams/batch_register_exam', { exam_id: 'x', values: '{}' }, ADMIN_KEY),
      400,
      'param_invalid',
      {
        param_name: 'exam_id'
      }
    )
    for (const bad of [
      '{"1": ',
      '"text"',
      '[1, 2]',
      '{"one": {}}',
      '{"1": []}',
      '{"1": {"x": []}}',
      '{"1": {"1": "123"}}',
      '{"1": {"1": ["12a"]}}'
    ])
      expectError(
        await inst.call('exams/batch_register_exam', { exam_id: id, values: bad }, ADMIN_KEY),
        400,
        'param_invalid',
        {
          param_name: 'values'
        }
      )
    expectError(await register(999999, {}), 400, 'object_not_found', { param_name: 'exam_id' })
    const u = freeAdmitted(e!)[0]!
    expectError(await register(e!.id, { 1: { 1: [u] }, 99: { 1: [u] } }), 400, 'object_not_found', {
      param_name: 'values'
    })
    expectError(await register(e!.id, { 1: { 1: [u], 50: [u] } }), 400, 'object_not_found', {
      param_name: 'values'
    })
    expect(placeOf(await state(e!.id), u)).toBeNull()
    expect((await register(e!.id, {})).body).toEqual({})
    expect((await register(e!.id, [])).body).toEqual({})
    expectError(
      await inst.call('exams/batch_register_exam', { exam_id: id, values: '{}' }, { as: null }),
      403,
      'method_forbidden'
    )
  })
})

describe('exams/batch_unregister_exam', () => {
  it('unregisters once: success, then w_already_not_registered; a wrong slot changes nothing', async () => {
    const e = (await examsOf('active')).find((x) => registered(x).size >= 2)!
    const [u, v] = [...registered(e)]
    const place = placeOf(e, u!)!
    const vPlace = placeOf(e, v!)!
    const wrongSlot = e.groups.find((g) => g.number !== vPlace.group)
      ? { group: e.groups.find((g) => g.number !== vPlace.group)!.number, slot: 1 }
      : null
    const first = await unregister(e.id, { [place.group]: { [place.slot]: [u] } })
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ [u!]: 'success' })
    const second = await unregister(e.id, { [place.group]: { [place.slot]: [u] } })
    expect(second.body).toEqual({ [u!]: 'w_already_not_registered' })
    expect(placeOf(await state(e.id), u!)).toBeNull()
    if (wrongSlot) {
      const wrong = await unregister(e.id, { [wrongSlot.group]: { [wrongSlot.slot]: [v] } })
      expect(wrong.body).toEqual({ [v!]: 'w_already_not_registered' })
      expect(placeOf(await state(e.id), v!)).toEqual(vPlace)
    }
  })

  it('refuses missing parameters, unknown exams and ordinary keys', async () => {
    expectError(
      await inst.call('exams/batch_unregister_exam', { values: '{}' }, ADMIN_KEY),
      400,
      'param_missing',
      {
        param_name: 'exam_id'
      }
    )
    expectError(
      await inst.call('exams/batch_unregister_exam', { exam_id: '1' }, ADMIN_KEY),
      400,
      'param_missing',
      {
        param_name: 'values'
      }
    )
    expectError(await unregister(999999, {}), 400, 'object_not_found', { param_name: 'exam_id' })
    expectError(
      await inst.call('exams/batch_unregister_exam', { exam_id: '1', values: '{}' }, { as: 'lecturer' }),
      403,
      'method_forbidden'
    )
  })
})

describe('exams/batch_registration', () => {
  const both = (exam: number, out: object, into: object | string) =>
    inst.call(
      'exams/batch_registration',
      {
        exam_id: String(exam),
        unregister: values(out),
        register: typeof into === 'string' ? into : values(into)
      },
      ADMIN_KEY
    )

  it('unregisters first, then registers: moving a student in one call', async () => {
    const e = (await examsOf('active')).find((x) => {
      const free = x.groups.flatMap((g) => g.slots.map((s) => ({ g: g.number, s })))
      return registered(x).size > 0 && free.filter(({ s }) => s.capacity > s.attendees_count).length >= 2
    })!
    expect(e).toBeDefined()
    const u = [...registered(e)][0]!
    const from = placeOf(e, u)!
    const to = e.groups
      .flatMap((g) =>
        g.slots.map((s) => ({ group: g.number, slot: s.number, room: s.capacity > s.attendees_count }))
      )
      .find((p) => p.room && (p.group !== from.group || p.slot !== from.slot))!
    const r = await both(e.id, { [from.group]: { [from.slot]: [u] } }, { [to.group]: { [to.slot]: [u] } })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ unregister: { [u]: 'success' }, register: { [u]: 'success' } })
    expect(placeOf(await state(e.id), u)).toEqual({ group: to.group, slot: to.slot })
    const repeat = await both(
      e.id,
      { [from.group]: { [from.slot]: [u] } },
      { [to.group]: { [to.slot]: [u] } }
    )
    expect(repeat.body).toEqual({
      unregister: { [u]: 'w_already_not_registered' },
      register: { [u]: 'w_already_registered' }
    })
  })

  it('applies nothing when any part is invalid, and requires every parameter', async () => {
    const e = (await examsOf('active')).find((x) => registered(x).size > 0)!
    const u = [...registered(e)][0]!
    const from = placeOf(e, u)!
    expectError(
      await both(e.id, { [from.group]: { [from.slot]: [u] } }, '{"1": {"1": [true]}}'),
      400,
      'param_invalid',
      {
        param_name: 'register'
      }
    )
    expectError(
      await both(e.id, { [from.group]: { [from.slot]: [u] } }, { 1: { 999: [u] } }),
      400,
      'object_not_found',
      {
        param_name: 'register'
      }
    )
    expect(placeOf(await state(e.id), u)).toEqual(from)
    const call = (p: Record<string, string>) => inst.call('exams/batch_registration', p, ADMIN_KEY)
    expectError(await call({ unregister: '{}', register: '{}' }), 400, 'param_missing', {
      param_name: 'exam_id'
    })
    expectError(await call({ exam_id: String(e.id), register: '{}' }), 400, 'param_missing', {
      param_name: 'unregister'
    })
    expectError(await call({ exam_id: String(e.id), unregister: '{}' }), 400, 'param_missing', {
      param_name: 'register'
    })
    expectError(
      await call({ exam_id: '999999', unregister: '{}', register: '{}' }),
      400,
      'object_not_found',
      {
        param_name: 'exam_id'
      }
    )
    expectError(
      await inst.call(
        'exams/batch_registration',
        { exam_id: String(e.id), unregister: '{}', register: '{}' },
        { as: null }
      ),
      403,
      'method_forbidden'
    )
  })
})

describe('persistence', () => {
  it('keeps registrations across a restart of the installation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exams-state-'))
    try {
      const first = await startTestInstallation({ referenceDate: '2026-11-22', dataDir: dir })
      const e = (await examsOf('active', first)).find((x) => freeAdmitted(x).length > 0)!
      const u = freeAdmitted(e)[0]!
      const g = e.groups.find((x) => x.slots.some((s) => s.capacity > s.attendees_count))!
      const s = g.slots.find((x) => x.capacity > x.attendees_count)!
      expect(
        (await register(e.id, { [g.number]: { [s.number]: [u] } }, first)).body[g.number][s.number][u]
      ).toBe('success')
      await first.close()
      const second = await startTestInstallation({ referenceDate: '2026-11-22', dataDir: dir })
      try {
        expect(placeOf(await state(e.id, second), u)).toEqual({ group: g.number, slot: s.number })
        expect(
          (await register(e.id, { [g.number]: { [s.number]: [u] } }, second)).body[g.number][s.number][u]
        ).toBe('w_already_registered')
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
