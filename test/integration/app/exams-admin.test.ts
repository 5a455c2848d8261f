/**
 * Exams the user administers (exams/administrator) through the API handlers on the demo
 * installation, compared with USOS's own answers: the sessions, every exam of them with all its
 * groups, and each exam's admission conditions; none of it leaks into the calendar.
 */
import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import { syncedDemo } from '../../helpers/demo-app'

type Conditions = Record<string, { examrep: { id: number | string }; grade_value: { symbol: string } | null }>

async function usosOf(ctx: AppContext) {
  const client = ctx.accounts.clientFor(ctx.accounts.active()!.id)
  const administered = await client.call<Record<string, Array<{ id: string; exams: Array<{ id: string }> }>>>(
    'services/exams/administrator',
    { fields: 'id|exams[id]' }
  )
  const examIds = Object.values(administered).flatMap((list) =>
    list.flatMap((s) => s.exams.map((e) => String(e.id)))
  )
  const exams =
    examIds.length === 0
      ? {}
      : await client.call<
          Record<string, { groups: Array<{ number: number }>; admission_conditions: Conditions }>
        >('services/exams/exams', {
          ids: examIds.join('|'),
          fields: 'id|groups[number]|admission_conditions'
        })
  return { administered, exams }
}

describe('an exam administrator', () => {
  const demo = syncedDemo('administrator')

  it('sees every session they administer with all its exams, groups and admission conditions, as USOS has them', async () => {
    const sessions = await demo.api.listAdministeredExams({})
    const usos = await usosOf(demo.ctx)
    const usosSessions = Object.values(usos.administered).flat()
    expect(usosSessions.length).toBeGreaterThan(0)
    expect(sessions.map((s) => s.id).sort()).toEqual(
      [...new Set(usosSessions.map((s) => String(s.id)))].sort()
    )
    let conditions = 0
    for (const s of sessions) {
      const theirs = usosSessions.find((u) => String(u.id) === s.id)!
      expect(s.exams.map((e) => e.id).sort()).toEqual(theirs.exams.map((e) => String(e.id)).sort())
      expect(s.faculty.id).not.toBeNull()
      for (const e of s.exams) {
        expect(e.administered).toBe(true)
        const u = usos.exams[e.id]!
        expect(e.groups.map((g) => g.number).sort()).toEqual(u.groups.map((g) => g.number).sort())
        expect(e.conditions.map((c) => [c.examrepId, c.grade?.symbol ?? null]).sort()).toEqual(
          Object.entries(u.admission_conditions ?? {})
            .map(([id, c]) => [id, c?.grade_value?.symbol ?? null])
            .sort()
        )
        conditions += e.conditions.length
      }
    }
    expect(conditions).toBeGreaterThan(0)
  })

  it('keeps the calendar to the groups they examine', async () => {
    const sessions = await demo.api.listAdministeredExams({})
    const administered = sessions.flatMap((s) => s.exams.flatMap((e) => e.groups))
    const examined = new Set(
      (await demo.api.listExams({})).flatMap((e) => e.groups.map((g) => `exam:${g.examId}:${g.number}`))
    )
    const calendar = (await demo.api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.kind === 'exam_group'
    )
    expect(new Set(calendar.map((i) => i.id))).toEqual(examined)
    for (const g of administered.filter((g) => !g.examiner)) {
      expect(examined.has(`exam:${g.examId}:${g.number}`)).toBe(false)
      expect(g.clashes).toEqual([])
    }
    expect(administered.some((g) => !g.examiner)).toBe(true)
  })

  it('opens a group of an administered exam with its slots', async () => {
    const [session] = await demo.api.listAdministeredExams({})
    const exam = session!.exams.find((e) => e.groups.length > 0)!
    const group = exam.groups[0]!
    const d = await demo.api.getExamGroup({ examId: exam.id, groupNumber: group.number })
    expect(d.group.slots).toEqual(group.slots)
    expect(d.exam.administered).toBe(true)
  })
})

describe('a lecturer', () => {
  const demo = syncedDemo()

  it('administers what USOS says (and the examined exams carry their admission conditions)', async () => {
    const usos = await usosOf(demo.ctx)
    const sessions = await demo.api.listAdministeredExams({})
    expect(sessions.map((s) => s.id).sort()).toEqual(
      Object.values(usos.administered)
        .flat()
        .map((s) => String(s.id))
        .sort()
    )
    const client = demo.ctx.accounts.clientFor(demo.ctx.accounts.active()!.id)
    const exams = await demo.api.listExams({})
    expect(exams.length).toBeGreaterThan(0)
    const theirs = await client.call<Record<string, { admission_conditions: Conditions }>>(
      'services/exams/exams',
      {
        ids: exams.map((e) => e.id).join('|'),
        fields: 'id|admission_conditions'
      }
    )
    for (const e of exams) {
      expect(e.examined).toBe(true)
      expect(e.conditions.map((c) => c.examrepId).sort()).toEqual(
        Object.keys(theirs[e.id]!.admission_conditions ?? {}).sort()
      )
    }
  })
})
