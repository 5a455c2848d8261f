/**
 * The exams sync against scripted USOS answers: each documented shape of search_exams_registrations,
 * exams/administrator (dictionary of faculty ids, an empty one as [] or {}, a refusal) and exams/exams
 * (admission_conditions keyed by exam report, grade_value null or a grade), and a malformed answer
 * that is refused with a clear message while the mirror keeps what it had.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { mirrorMigrations } from '../../../src/core/mirror'
import { listAdministeredSessions, listExams } from '../../../src/core/office-hours/exams'
import { openDatabase } from '../../../src/core/store'
import type { UsosCaller } from '../../../src/core/sync/engine'
import { syncExamGroups } from '../../../src/core/sync/exams'
import { UsosError } from '../../../src/core/usos/errors'

const window = { from: '2026-11-01', to: '2026-12-01', full: true }
let db: ReturnType<typeof openDatabase>['db']
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'exams-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  }).db
})

const group = (number: number, examiner: boolean) => ({
  exam_id: 5,
  number,
  exam_start: `2026-11-2${number} 09:00:00`,
  exam_end: `2026-11-2${number} 11:00:00`,
  capacity: 20,
  number_of_slots: 1,
  room: null,
  is_examiner: examiner,
  slots: [{ number: 1, capacity: 20, attendees_count: 3, start: null, end: null }]
})

const exam = (id: number, groups: unknown[], conditions: unknown = {}) => ({
  id,
  examination_session_id: 9,
  term: { id: '2026Z' },
  course: { id: 'WMI-ALG' },
  name: { pl: 'Egzamin', en: 'Exam' },
  registration_start: '2026-11-01 00:00:00',
  registration_end: '2026-11-15 23:59:59',
  groups,
  admission_conditions: conditions
})

function caller(answers: Record<string, (params: Record<string, unknown>) => unknown>): {
  usos: UsosCaller
  calls: string[]
} {
  const calls: string[] = []
  return {
    calls,
    usos: {
      async call<T>(method: string, params: Record<string, unknown> = {}) {
        calls.push(method)
        const answer = answers[method.replace('services/', '')]
        if (!answer) throw new Error(`unexpected call ${method}`)
        return answer(params) as T
      }
    }
  }
}

const base = {
  'exams/search_exams_registrations': () => [
    exam(5, [group(1, true), group(2, false)], {
      '77': {
        examrep: { id: 77, type_description: { pl: 'Zaliczenie ćwiczeń', en: 'Classes' } },
        grade_value: null
      },
      '78': {
        examrep: { id: 78, type_description: { pl: 'Kolokwium', en: 'Test' } },
        grade_value: { symbol: '3,5', name: { pl: 'dostateczny plus', en: 'satisfactory plus' } }
      }
    })
  ],
  'exams/exam_group': () => ({ attendees: [] }),
  'exams/examination_sessions': () => ({
    '9': { id: 9, name: { pl: 'Sesja zimowa', en: 'Winter' }, status: 'active' }
  })
}

describe('syncExamGroups', () => {
  it('keeps the examined groups of an exam with its admission conditions; nobody administers', async () => {
    const { usos, calls } = caller({ ...base, 'exams/administrator': () => [] })
    const r = await syncExamGroups(db, usos, window)
    expect(r).toMatchObject({ exams: 1, exam_groups: 1, administered_exams: 0 })
    expect(calls).not.toContain('services/exams/exams')
    const [e] = listExams(db)
    expect(e!.groups.map((g) => g.number)).toEqual([1])
    expect(e!.conditions).toEqual([
      { examrepId: '77', examrep: { pl: 'Zaliczenie ćwiczeń', en: 'Classes' }, grade: null },
      {
        examrepId: '78',
        examrep: { pl: 'Kolokwium', en: 'Test' },
        grade: { symbol: '3,5', name: { pl: 'dostateczny plus', en: 'satisfactory plus' } }
      }
    ])
    expect(listAdministeredSessions(db)).toEqual([])
  })

  it('treats a refused exams/administrator (no staff_perspective) as administering nothing', async () => {
    const { usos } = caller({
      ...base,
      'exams/administrator': () => {
        throw new UsosError('forbidden', 'Missing scopes: staff_perspective.', {
          status: 403,
          usosCode: 'method_forbidden',
          missingScopes: ['staff_perspective']
        })
      }
    })
    expect((await syncExamGroups(db, usos, window)).exams).toBe(1)
    expect(listAdministeredSessions(db)).toEqual([])
  })

  it('reads every exam of the administered sessions with all groups, marking the examined ones', async () => {
    const { usos } = caller({
      ...base,
      'exams/administrator': () => ({
        '12': [
          {
            id: 9,
            name: { pl: 'Sesja zimowa', en: 'Winter' },
            status: 'active',
            faculty: { id: '12', name: { pl: 'WMI', en: null } },
            exams: [{ id: 5 }, { id: 6 }]
          }
        ],
        '13': []
      }),
      'exams/exams': (params) => {
        expect(String(params.ids).split('|').sort()).toEqual(['5', '6'])
        expect(String(params.fields)).not.toContain('is_examiner')
        return {
          '5': exam(5, [group(1, false), group(2, false)]),
          '6': exam(6, [{ ...group(3, false), exam_id: 6 }]),
          '7': null
        }
      }
    })
    const r = await syncExamGroups(db, usos, window)
    expect(r).toMatchObject({ exams: 1, exam_groups: 1, administered_exams: 2 })
    const [session] = listAdministeredSessions(db)
    expect(session).toMatchObject({
      id: '9',
      status: 'active',
      faculty: { id: '12', name: { pl: 'WMI', en: null } }
    })
    expect(
      session!.exams.map((e) => [e.id, e.examined, e.groups.map((g) => [g.number, g.examiner])])
    ).toEqual([
      [
        '5',
        true,
        [
          [1, true],
          [2, false]
        ]
      ],
      ['6', false, [[3, false]]]
    ])
    // The examined list still shows only the group the user examines.
    expect(listExams(db).map((e) => [e.id, e.groups.map((g) => g.number)])).toEqual([['5', [1]]])
  })

  it('refuses a malformed exams/administrator answer with a clear message and keeps the mirror', async () => {
    const good = caller({ ...base, 'exams/administrator': () => ({}) })
    await syncExamGroups(db, good.usos, window)
    const before = listExams(db)
    const { usos } = caller({ ...base, 'exams/administrator': () => 'oops' })
    await expect(syncExamGroups(db, usos, window)).rejects.toThrow(
      /administered exams in an unexpected shape/
    )
    expect(listExams(db)).toEqual(before)
  })
})
