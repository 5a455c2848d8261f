/** services/exams: exam groups and slots over real HTTP (group, exam_group, slot), with who sees attendees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
/** An exam the demo lecturer coordinates, and one where they examine a later group only. */
let coordinated: { id: number; groups: number[] }
let examined: { id: number; mine: number; other: number }
beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
  const sessions = (
    await inst.call('exams/user', { fields: 'exams[id|groups[number]]' }, { as: 'lecturer', admin: true })
  ).body as Array<{ exams: Array<{ id: number; groups: Array<{ number: number }> }> }>
  for (const e of sessions.flatMap((s) => s.exams)) {
    const all = (await inst.call('exams/exam', { id: String(e.id), fields: 'groups[number]' }, { as: null }))
      .body.groups as Array<{ number: number }>
    const mine = e.groups.map((g) => g.number)
    if (mine.length === all.length && all.length > 1) coordinated ??= { id: e.id, groups: mine }
    const other = all.find((g) => !mine.includes(g.number))
    if (other && mine[0] !== undefined) examined ??= { id: e.id, mine: mine[0], other: other.number }
  }
  if (!coordinated || !examined) throw new Error('the seeded data lacks the exams these tests need')
})
afterAll(() => inst.close())

const ADMIN_KEY = { as: null, admin: true } as const
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const GROUP_DEFAULT = [
  'capacity',
  'exam_end',
  'exam_id',
  'exam_start',
  'examiners',
  'number',
  'number_of_slots',
  'slots'
]
const keys = (o: object) => Object.keys(o).sort()
const p = (exam: number, group: number, extra: Record<string, string> = {}) => ({
  exam_id: String(exam),
  group_number: String(group),
  ...extra
})

function expectError(r: { status: number; body: any }, status: number, error: string, extra: object = {}) {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.body).toMatchObject({ error, ...extra })
}

describe('exams/group', () => {
  it('answers the default fields; slots share the places and the time of the group', async () => {
    const r = await inst.call('exams/group', p(coordinated.id, 1), { as: null })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(GROUP_DEFAULT)
    expect(r.body.exam_start).toMatch(DATETIME)
    expect(r.body.exam_start < r.body.exam_end).toBe(true)
    expect(r.body.slots).toHaveLength(r.body.number_of_slots)
    const timed = await inst.call(
      'exams/group',
      p(coordinated.id, 1, { fields: 'capacity|slots[number|capacity|start|end]' })
    )
    const slots = timed.body.slots as Array<{ number: number; capacity: number; start: string; end: string }>
    expect(slots.reduce((n, s) => n + s.capacity, 0)).toBe(timed.body.capacity)
    expect(
      Math.max(...slots.map((s) => s.capacity)) - Math.min(...slots.map((s) => s.capacity))
    ).toBeLessThanOrEqual(1)
    expect(slots[0]!.start).toBe(r.body.exam_start)
    expect(slots[slots.length - 1]!.end).toBe(r.body.exam_end)
    for (let i = 1; i < slots.length; i++) expect(slots[i]!.start).toBe(slots[i - 1]!.end)
  })

  it('answers every documented field', async () => {
    const all =
      'exam_id|number|exam_start|exam_end|capacity|number_of_slots|slots|examiners|room|is_examiner|register_until|unregister_until|registration_start'
    const r = await inst.call('exams/group', p(examined.id, examined.mine, { fields: all }), {
      as: 'lecturer'
    })
    expect(keys(r.body)).toEqual(all.split('|').sort())
    expect(keys(r.body.room)).toEqual(['building_id', 'building_name', 'capacity', 'id', 'number'])
    expect(r.body.is_examiner).toBe(true)
    for (const f of ['register_until', 'unregister_until', 'registration_start'])
      if (r.body[f] !== null) expect(r.body[f]).toMatch(DATETIME)
    const other = await inst.call('exams/group', p(examined.id, examined.other, { fields: 'is_examiner' }), {
      as: 'lecturer'
    })
    expect(other.body.is_examiner).toBe(false)
    const anonymous = await inst.call(
      'exams/group',
      p(examined.id, examined.mine, { fields: 'is_examiner' }),
      { as: null }
    )
    expect(anonymous.body.is_examiner).toBe(false)
  })

  it('gives slot attendees to trusted keys only, and refuses them to a trusted key acting for a non-examiner', async () => {
    const fields = { fields: 'slots[number|attendees_count|attendees]' }
    const ordinary = await inst.call('exams/group', p(examined.id, examined.mine, fields), { as: 'lecturer' })
    expect(ordinary.status).toBe(200)
    for (const s of ordinary.body.slots) expect(s.attendees).toBeNull()
    const trusted = await inst.call('exams/group', p(examined.id, examined.mine, fields), ADMIN_KEY)
    for (const s of trusted.body.slots) {
      expect(Array.isArray(s.attendees)).toBe(true)
      expect(s.attendees).toHaveLength(s.attendees_count)
    }
    const examiner = await inst.call('exams/group', p(examined.id, examined.mine, fields), {
      as: 'lecturer',
      admin: true
    })
    expect(examiner.body).toEqual(trusted.body)
    expectError(
      await inst.call('exams/group', p(examined.id, examined.mine, fields), { as: 'student', admin: true }),
      403,
      'object_forbidden',
      {
        reason: 'examiner_only'
      }
    )
    expectError(
      await inst.call('exams/group', p(examined.id, examined.other, fields), { as: 'lecturer', admin: true }),
      403,
      'object_forbidden',
      {
        reason: 'coordinator_only'
      }
    )
  })

  it('hides examiners of exams that do not show them, except to the staff involved', async () => {
    const sessions = (
      await inst.call(
        'exams/active_examination_sessions',
        { fields: 'exams[id|examiners_visible]' },
        ADMIN_KEY
      )
    ).body
    const hidden = sessions.flatMap((s: any) => s.exams).find((e: any) => !e.examiners_visible)
    const shown = sessions.flatMap((s: any) => s.exams).find((e: any) => e.examiners_visible)
    expect(hidden).toBeDefined()
    expect(
      (await inst.call('exams/group', p(hidden.id, 1, { fields: 'examiners' }), { as: 'student' })).body
        .examiners
    ).toBeNull()
    const admin = await inst.call(
      'exams/group',
      p(hidden.id, 1, { fields: 'examiners[id|last_name]' }),
      ADMIN_KEY
    )
    expect(admin.body.examiners.length).toBeGreaterThan(0)
    expect(keys(admin.body.examiners[0])).toEqual(['id', 'last_name'])
    const visible = await inst.call('exams/group', p(shown.id, 1, { fields: 'examiners' }), { as: 'student' })
    expect(visible.body.examiners.length).toBeGreaterThan(0)
    expect(keys(visible.body.examiners[0])).toEqual(['first_name', 'id', 'last_name'])
  })

  it('refuses missing, invalid and unknown exams and groups, and fields of other objects', async () => {
    expectError(await inst.call('exams/group', { group_number: '1' }), 400, 'param_missing', {
      param_name: 'exam_id'
    })
    expectError(await inst.call('exams/group', { exam_id: String(coordinated.id) }), 400, 'param_missing', {
      param_name: 'group_number'
    })
    expectError(await inst.call('exams/group', { exam_id: 'x', group_number: '1' }), 400, 'param_invalid', {
      param_name: 'exam_id'
    })
    expectError(
      await inst.call('exams/group', p(coordinated.id, 1, { group_number: 'first' })),
      400,
      'param_invalid',
      {
        param_name: 'group_number'
      }
    )
    expectError(await inst.call('exams/group', p(999999, 1)), 400, 'object_not_found', {
      param_name: 'exam_id'
    })
    expectError(await inst.call('exams/group', p(coordinated.id, 99)), 400, 'object_not_found', {
      param_name: 'group_number'
    })
    expectError(
      await inst.call('exams/group', p(coordinated.id, 1, { fields: 'attendees' })),
      400,
      'field_not_found',
      { field_name: 'attendees' }
    )
    expectError(
      await inst.call('exams/group', p(coordinated.id, 1, { fields: 'room[id|colour]' })),
      400,
      'field_not_found',
      { field_name: 'colour' }
    )
  })
})

describe('exams/exam_group', () => {
  it('answers its four default fields and refuses fields of the group method', async () => {
    const r = await inst.call('exams/exam_group', p(coordinated.id, 1), { as: null })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(['exam_end', 'exam_id', 'exam_start', 'number'])
    const g = await inst.call('exams/group', p(coordinated.id, 1))
    expect(r.body).toMatchObject({ exam_start: g.body.exam_start, exam_end: g.body.exam_end, number: 1 })
    expectError(
      await inst.call('exams/exam_group', p(coordinated.id, 1, { fields: 'capacity' })),
      400,
      'field_not_found',
      { field_name: 'capacity' }
    )
  })

  it('shows attendees to the examiner, the coordinator, the faculty manager and a trusted key alone', async () => {
    const fields = { fields: 'number|attendees[id|first_name|last_name|student_number]' }
    const examiner = await inst.call('exams/exam_group', p(examined.id, examined.mine, fields), {
      as: 'lecturer'
    })
    expect(examiner.status).toBe(200)
    const trusted = await inst.call('exams/exam_group', p(examined.id, examined.mine, fields), ADMIN_KEY)
    expect(trusted.body).toEqual(examiner.body)
    const slots = await inst.call(
      'exams/group',
      p(examined.id, examined.mine, { fields: 'slots[attendees]' }),
      ADMIN_KEY
    )
    const fromSlots = slots.body.slots.flatMap((s: any) => s.attendees).sort()
    expect(examiner.body.attendees.map((a: any) => a.id).sort()).toEqual(fromSlots)
    for (const a of examiner.body.attendees)
      expect(keys(a)).toEqual(['first_name', 'id', 'last_name', 'student_number'])
    for (const g of coordinated.groups) {
      const r = await inst.call('exams/exam_group', p(coordinated.id, g, fields), { as: 'lecturer' })
      expect(r.status).toBe(200)
    }
  })

  it('refuses attendees to others with the documented reasons', async () => {
    const fields = { fields: 'attendees' }
    expectError(
      await inst.call('exams/exam_group', p(examined.id, examined.other, fields), { as: 'lecturer' }),
      403,
      'object_forbidden',
      {
        reason: 'coordinator_only'
      }
    )
    expectError(
      await inst.call('exams/exam_group', p(examined.id, examined.mine, fields), { as: 'student' }),
      403,
      'object_forbidden',
      {
        reason: 'examiner_only'
      }
    )
    expectError(
      await inst.call('exams/exam_group', p(examined.id, examined.mine, fields), { as: null }),
      403,
      'object_forbidden',
      {
        reason: 'examiner_only'
      }
    )
  })

  it('lets a faculty registration manager see the attendees of their faculty only', async () => {
    const managed = (await inst.call('exams/administrator', { fields: 'exams[id]' }, { as: 'administrator' }))
      .body as Record<string, any[]>
    const mine = new Set(
      Object.values(managed)
        .flat()
        .flatMap((s) => s.exams.map((e: any) => e.id))
    )
    const sessions = (
      await inst.call('exams/active_examination_sessions', { fields: 'exams[id]' }, ADMIN_KEY)
    ).body
    const all = sessions.flatMap((s: any) => s.exams.map((e: any) => e.id)) as number[]
    const inside = all.find((id) => mine.has(id))!
    const outside = all.find((id) => !mine.has(id))!
    expect(
      (await inst.call('exams/exam_group', p(inside, 1, { fields: 'attendees' }), { as: 'administrator' }))
        .status
    ).toBe(200)
    expectError(
      await inst.call('exams/exam_group', p(outside, 1, { fields: 'attendees' }), { as: 'administrator' }),
      403,
      'object_forbidden'
    )
  })

  it('refuses missing and unknown exams and groups', async () => {
    expectError(await inst.call('exams/exam_group', { group_number: '1' }), 400, 'param_missing', {
      param_name: 'exam_id'
    })
    expectError(await inst.call('exams/exam_group', { exam_id: '1' }), 400, 'param_missing', {
      param_name: 'group_number'
    })
    expectError(await inst.call('exams/exam_group', p(999999, 1)), 400, 'object_not_found', {
      param_name: 'exam_id'
    })
    expectError(await inst.call('exams/exam_group', p(coordinated.id, 42)), 400, 'object_not_found', {
      param_name: 'group_number'
    })
  })
})

describe('exams/slot', () => {
  it('answers its default fields: attendees null for ordinary keys, listed for trusted ones', async () => {
    const r = await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: '1' }), { as: 'lecturer' })
    expect(r.status).toBe(200)
    expect(keys(r.body)).toEqual(['attendees', 'attendees_count', 'capacity', 'number'])
    expect(r.body.number).toBe(1)
    expect(r.body.attendees).toBeNull()
    expect(r.body.attendees_count).toBeLessThanOrEqual(r.body.capacity)
    const trusted = await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: '1' }), ADMIN_KEY)
    expect(trusted.body.attendees).toHaveLength(trusted.body.attendees_count)
    const coordinator = await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: '1' }), {
      as: 'lecturer',
      admin: true
    })
    expect(coordinator.body.attendees).toEqual(trusted.body.attendees)
    const student = await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: '1' }), {
      as: 'student',
      admin: true
    })
    expect(student.body.attendees).toBeNull()
    const timed = await inst.call(
      'exams/slot',
      p(coordinated.id, 1, { slot_number: '1', fields: 'start|end' })
    )
    expect(keys(timed.body)).toEqual(['end', 'start'])
    expect(timed.body.start < timed.body.end).toBe(true)
  })

  it('refuses missing parameters and unknown exams, groups and slots with the documented param_name', async () => {
    expectError(
      await inst.call('exams/slot', { group_number: '1', slot_number: '1' }),
      400,
      'param_missing',
      { param_name: 'exam_id' }
    )
    expectError(await inst.call('exams/slot', { exam_id: '1', slot_number: '1' }), 400, 'param_missing', {
      param_name: 'group_number'
    })
    expectError(await inst.call('exams/slot', p(coordinated.id, 1)), 400, 'param_missing', {
      param_name: 'slot_number'
    })
    expectError(
      await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: 'a' })),
      400,
      'param_invalid',
      { param_name: 'slot_number' }
    )
    expectError(await inst.call('exams/slot', p(999999, 1, { slot_number: '1' })), 400, 'object_not_found', {
      param_name: 'exam_id'
    })
    expectError(
      await inst.call('exams/slot', p(coordinated.id, 77, { slot_number: '1' })),
      400,
      'object_not_found',
      {
        param_name: 'group_number'
      }
    )
    for (const slot of ['0', '99'])
      expectError(
        await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: slot })),
        400,
        'object_not_found',
        {
          param_name: 'slot_number'
        }
      )
    expectError(
      await inst.call('exams/slot', p(coordinated.id, 1, { slot_number: '1', fields: 'room' })),
      400,
      'field_not_found',
      { field_name: 'room' }
    )
  })
})
