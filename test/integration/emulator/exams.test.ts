import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
})
afterAll(() => inst.close())

const admin = { as: null, admin: true } as const

async function anExam() {
  const sessions = (
    await inst.call(
      'exams/active_examination_sessions',
      { fields: 'id|exams[id|groups[number|number_of_slots|capacity]]' },
      admin
    )
  ).body as Array<{
    id: number
    exams: Array<{ id: number; groups: Array<{ number: number; number_of_slots: number; capacity: number }> }>
  }>
  expect(sessions.length).toBeGreaterThan(0)
  return sessions[0]!.exams[0]!
}

describe('exams module', () => {
  it('answers sessions, exams, groups and slots with their documented fields and defaults', async () => {
    const exam = await anExam()
    const e = await inst.call('exams/exam', { id: String(exam.id) }, { as: null })
    expect(Object.keys(e.body).sort()).toEqual(
      [
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
      ].sort()
    )
    const g = await inst.call('exams/group', {
      exam_id: String(exam.id),
      group_number: '1',
      fields: 'capacity|number_of_slots|slots[number|capacity|start|end]|room'
    })
    const slots = g.body.slots as Array<{ capacity: number; start: string; end: string }>
    expect(slots).toHaveLength(g.body.number_of_slots)
    expect(slots.reduce((n, s) => n + s.capacity, 0)).toBe(g.body.capacity)
    expect(slots[0]!.start < slots[0]!.end).toBe(true)
    const many = await inst.call('exams/exams', { ids: `${exam.id}|99999` }, { as: null })
    expect(many.body['99999']).toBeNull()
    expect(many.body[String(exam.id)].id).toBe(exam.id)
  })

  it('shows attendees only to examiners, the coordinator and administrative keys', async () => {
    const exam = await anExam()
    const asStudent = await inst.call(
      'exams/exam_group',
      { exam_id: String(exam.id), group_number: '1', fields: 'attendees' },
      { as: 'student' }
    )
    expect(asStudent.status).toBe(403)
    expect(asStudent.body).toMatchObject({ error: 'object_forbidden', reasons: ['examiner_only'] })
    const asAdmin = await inst.call(
      'exams/exam_group',
      { exam_id: String(exam.id), group_number: '1', fields: 'attendees[id|last_name]' },
      admin
    )
    expect(asAdmin.status).toBe(200)
    expect(Array.isArray(asAdmin.body.attendees)).toBe(true)
    const slot = await inst.call('exams/slot', {
      exam_id: String(exam.id),
      group_number: '1',
      slot_number: '99'
    })
    expect(slot.body).toMatchObject({ error: 'object_not_found', param_name: 'slot_number' })
  })

  it('registers in batch with a status per user, never twice, within capacity', async () => {
    const exam = await anExam()
    const admitted = (
      await inst.call('exams/exam', { id: String(exam.id), fields: 'admitted_students' }, admin)
    ).body.admitted_students as string[]
    const registered = new Set<string>()
    for (const g of exam.groups) {
      const att = (
        await inst.call(
          'exams/exam_group',
          { exam_id: String(exam.id), group_number: String(g.number), fields: 'attendees' },
          admin
        )
      ).body.attendees as Array<{ id: string }>
      for (const a of att) registered.add(a.id)
    }
    const free = admitted.filter((u) => !registered.has(u))
    const taken = [...registered][0]!
    expect(free.length).toBeGreaterThan(0)
    const values = JSON.stringify({ '1': { '1': [free[0], taken, '999999999'] } })
    const first = await inst.call('exams/batch_register_exam', { exam_id: String(exam.id), values }, admin)
    expect(first.status).toBe(200)
    const statuses = first.body['1']['1'] as Record<string, string>
    expect(statuses[free[0]!]).toMatch(/^(success|e_not_permitted)$/)
    expect(statuses[taken]).toMatch(/already_registered/)
    expect(statuses['999999999']).toBe('e_not_permitted')
    if (statuses[free[0]!] === 'success') {
      const again = await inst.call('exams/batch_register_exam', { exam_id: String(exam.id), values }, admin)
      expect(again.body['1']['1'][free[0]!]).toBe('w_already_registered')
      const off = await inst.call(
        'exams/batch_unregister_exam',
        { exam_id: String(exam.id), values: JSON.stringify({ '1': { '1': [free[0]] } }) },
        admin
      )
      expect(off.body).toEqual({ [free[0]!]: 'success' })
      const offAgain = await inst.call(
        'exams/batch_unregister_exam',
        { exam_id: String(exam.id), values: JSON.stringify({ '1': { '1': [free[0]] } }) },
        admin
      )
      expect(offAgain.body).toEqual({ [free[0]!]: 'w_already_not_registered' })
    }
    const both = await inst.call(
      'exams/batch_registration',
      { exam_id: String(exam.id), unregister: '{}', register: JSON.stringify({ '1': { '1': [taken] } }) },
      admin
    )
    expect(both.body).toHaveProperty('unregister')
    expect(both.body).toHaveProperty('register')
    const bad = await inst.call(
      'exams/batch_register_exam',
      { exam_id: String(exam.id), values: '[1,2' },
      admin
    )
    expect(bad.body).toMatchObject({ error: 'param_invalid', param_name: 'values' })
    const missing = await inst.call('exams/batch_register_exam', { exam_id: '99999', values: '{}' }, admin)
    expect(missing.body).toMatchObject({ error: 'object_not_found', param_name: 'exam_id' })
  })

  it('searches registrations over at most a month', async () => {
    const ok = await inst.call('exams/search_exams_registrations', {
      start_date: '2026-11-01',
      end_date: '2026-11-30'
    })
    expect(ok.status).toBe(200)
    expect(Array.isArray(ok.body)).toBe(true)
    const long = await inst.call('exams/search_exams_registrations', {
      start_date: '2026-10-01',
      end_date: '2026-12-31'
    })
    expect(long.body).toMatchObject({ error: 'params_invalid', reasons: ['too_long_date_range'] })
    const backwards = await inst.call('exams/search_exams_registrations', {
      start_date: '2026-12-01',
      end_date: '2026-11-01'
    })
    expect(backwards.body).toMatchObject({ error: 'params_invalid', reasons: ['session_not_found'] })
  })

  it('gives the administrator their faculties’ sessions, and students their exams (studies scope)', async () => {
    const adm = await inst.call('exams/administrator', {}, { as: 'administrator' })
    expect(Object.keys(adm.body).sort()).toEqual(['WF', 'WMIM'])
    const noScope = await inst.call('exams/administrator', {}, { as: 'administrator', scopes: ['studies'] })
    expect(noScope.status).toBe(403)
    expect(noScope.body.missing_scopes).toEqual(['staff_perspective'])
    const mine = await inst.call('exams/student_exams', {}, { as: 'student' })
    expect((mine.body as unknown[]).length).toBeGreaterThan(0)
  })
})
