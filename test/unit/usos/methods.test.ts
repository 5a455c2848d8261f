import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  camelCase,
  checkParams,
  f,
  fields,
  isWriteMethod,
  methodSpecs,
  USOS_METHODS,
  UsosClient,
  usosApi
} from '../../../src/core/usos'
// @ts-expect-error -- a plain .mjs script without types; it is what generated the table
import { OUTPUT_FILE, REFERENCE_DIR, generate, readReference } from '../../../scripts/gen-usos-methods.mjs'
import { MODULES, readReference as catalogue } from '../../helpers/usos-reference'

const spec = (name: string) => {
  const s = methodSpecs.get(name)
  if (!s) throw new Error(`no ${name}`)
  return s
}
const param = (method: string, name: string) => spec(method).params.find((p) => p.name === name)

const pagesHere = existsSync(join(REFERENCE_DIR, 'meetings.txt'))

describe('the method table', () => {
  it.skipIf(!pagesHere)(
    pagesHere
      ? 'is exactly what the generator makes of the reference pages now'
      : `is exactly what the generator makes of the reference pages now (skipped: no pages at ${REFERENCE_DIR}; the catalogue test below checks the table in any clone)`,
    async () => {
      expect(JSON.parse(JSON.stringify(USOS_METHODS))).toEqual(readReference())
      // The committed file is byte for byte the generator's (formatted) output: deterministic.
      expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(await generate())
    }
  )

  it('has the 70 methods of the committed API catalogue, with their parameters, requirements and defaults', () => {
    expect(USOS_METHODS).toHaveLength(70)
    expect(new Set(USOS_METHODS.map((m) => m.name)).size).toBe(70)
    const perModule = (m: string) => USOS_METHODS.filter((x) => x.module === m).length
    expect([perModule('meetings'), perModule('slips'), perModule('exams')]).toEqual([31, 22, 17])
    for (const module of MODULES) {
      for (const ref of catalogue(module)) {
        const mine = spec(ref.name)
        expect(mine.token, ref.name).toBe(ref.token)
        expect(mine.consumer === 'administrative', ref.name).toBe(ref.administrative)
        const params = mine.params
          .filter((p) => p.name !== 'format' && p.name !== 'callback')
          .map((p) => ({
            name: p.name,
            required: p.required,
            deprecated: p.deprecated,
            default: p.default ?? undefined
          }))
        expect(params, ref.name).toEqual(
          ref.params.map((p) => ({
            name: p.name,
            required: p.required,
            deprecated: p.deprecated === true,
            default: p.default
          }))
        )
      }
    }
  })

  it('knows parameters and their documented defaults', () => {
    expect(param('meetings/user_calendar', 'days')).toMatchObject({
      required: false,
      default: '7',
      type: 'integer'
    })
    expect(param('meetings/user_calendar', 'lecturer_id')?.required).toBe(true)
    expect(param('meetings/user_calendar', 'start')?.default).toBe('')
    const gen = spec('meetings/generate_meeting_dates')
    expect(gen.params.filter((p) => p.required).map((p) => p.name)).toEqual([
      'start_date',
      'end_date',
      'number',
      'frequency'
    ])
    expect(param('meetings/generate_meeting_dates', 'frequency')?.values).toEqual([
      'daily',
      'weekly',
      'week_days',
      'weekends',
      'biweekly_odd',
      'biweekly_even',
      'monthly'
    ])
    expect(param('meetings/generate_meeting_dates', 'use_calendar')).toMatchObject({
      type: 'boolean',
      default: 'false'
    })
    expect(param('meetings/generate_meeting_dates', 'week_day')?.default).toBe('')
    expect(param('meetings/accept_participant', 'message_lang_code')).toMatchObject({
      default: 'pl',
      type: 'enum',
      values: ['pl', 'en']
    })
    expect(param('meetings/lecturer', 'fields')?.default).toBe('id|name|comment|open')
    expect(param('slips/search_slips', 'my_role')?.default).toBe('(all possible roles)')
    expect(param('slips/search_slips', 'num')).toMatchObject({ default: '6', type: 'integer' })
    expect(param('slips/search_slips', 'tpl_fields')).toMatchObject({ deprecated: true, required: false })
    expect(param('slips/search_slips', 'issued_by')?.type).toBe('list')
    expect(param('slips/update_question', 'is_meaning_changed')).toMatchObject({
      type: 'boolean',
      default: 'true'
    })
    expect(param('exams/batch_register_exam', 'values')?.type).toBe('json')
    expect(param('exams/faculty_examination_sessions', 'status')).toMatchObject({
      required: true,
      type: 'list'
    })
    expect(param('meetings/participants', 'participant_ids')).toMatchObject({ required: true, type: 'list' })
    expect(spec('meetings/accept_participant').params.map((p) => p.name)).toEqual([
      'participant_id',
      'message_lang_code',
      'format',
      'callback'
    ])
  })

  it('knows authorization, scopes, SSL and BETA as the pages say', () => {
    expect(spec('slips/add_question')).toMatchObject({
      consumer: 'required',
      token: 'required',
      scopes: ['slips_admin'],
      beta: true,
      ssl: false
    })
    expect(spec('exams/batch_register_exam')).toMatchObject({
      consumer: 'administrative',
      token: 'ignored',
      ssl: true
    })
    expect(spec('exams/user')).toMatchObject({ consumer: 'administrative', token: 'required' })
    expect(spec('exams/exam')).toMatchObject({ consumer: 'optional', token: 'optional', ssl: false })
    expect(spec('exams/exams')).toMatchObject({ consumer: 'optional', token: 'ignored', ssl: true })
    expect(spec('exams/administrator').scopes).toEqual(['staff_perspective'])
    expect(spec('exams/student_exams').scopes).toEqual(['studies'])
    expect(spec('meetings/substantiation')).toMatchObject({ token: 'optional', beta: false })
    expect(spec('meetings/lecturer')).toMatchObject({
      consumer: 'required',
      token: 'required',
      scopes: [],
      beta: false
    })
    expect(USOS_METHODS.filter((m) => m.beta).length).toBe(17 + 22)
    expect(USOS_METHODS.filter((m) => m.consumer === 'administrative').map((m) => m.name)).toEqual([
      'exams/active_examination_sessions',
      'exams/batch_register_exam',
      'exams/batch_registration',
      'exams/batch_unregister_exam',
      'exams/faculty_examination_sessions',
      'exams/user'
    ])
  })

  it('knows multi-id methods, result shapes and which methods write', () => {
    expect(Object.fromEntries(USOS_METHODS.filter((m) => m.multi).map((m) => [m.name, m.multi]))).toEqual({
      'exams/examination_sessions': 'ids',
      'exams/exams': 'ids',
      'meetings/meeting_dates': 'meeting_date_ids',
      'meetings/meetings': 'meeting_ids',
      'meetings/participants': 'participant_ids',
      'slips/questions': 'question_ids',
      'slips/slipquestions': 'sq_ids',
      'slips/slips': 'slip_ids',
      'slips/templates': 'tpl_ids'
    })
    expect(spec('meetings/lecturer').returns).toBe('list')
    expect(spec('meetings/meeting').returns).toBe('object')
    expect(spec('meetings/meetings').returns).toBe('map')
    expect(USOS_METHODS.filter((m) => m.write).map((m) => m.name.split('/')[1])).toEqual([
      'batch_register_exam',
      'batch_registration',
      'batch_unregister_exam',
      'accept_participant',
      'delete_note',
      'put_note',
      'reject_participant',
      'sign_off',
      'sign_up',
      'sign_up_non_usos_person',
      'sign_up_specific_user',
      'add_question',
      'create_template',
      'delete_question',
      'delete_slip',
      'delete_template',
      'issue_slip',
      'update_question',
      'update_slip',
      'update_slipquestion',
      'update_template'
    ])
    expect(isWriteMethod('services/meetings/accept_participant')).toBe(true)
    expect(isWriteMethod('meetings/generate_meeting_dates')).toBe(false)
    expect(isWriteMethod('meetings/lecturer')).toBe(false)
  })
})

describe('the typed API', () => {
  const client = new UsosClient({
    baseUrl: 'http://127.0.0.1:9/',
    consumer: { key: 'k', secret: 's' },
    retries: 0
  })

  it('has a wrapper for every method in the table, camelCase on the client and by reference name', () => {
    const byName = usosApi(client) as unknown as Record<string, Record<string, unknown>>
    const onClient = client as unknown as Record<string, Record<string, unknown>>
    for (const m of USOS_METHODS) {
      const [module, method] = m.name.split('/') as [string, string]
      expect(typeof onClient[module]?.[camelCase(method)], m.name).toBe('function')
      expect(typeof byName[module]?.[method], m.name).toBe('function')
    }
    for (const module of ['meetings', 'slips', 'exams']) {
      expect(Object.keys(onClient[module]!).length).toBe(
        USOS_METHODS.filter((m) => m.module === module).length
      )
    }
    expect(typeof client.slips.toBeAnswered).toBe('function')
    expect(typeof client.exams.examGroup).toBe('function')
    expect(typeof client.meetings.signUpNonUsosPerson).toBe('function')
  })

  it('types parameters from the reference and results from a field selection', () => {
    type LecturerParams = Parameters<typeof client.meetings.userCalendar>[0]
    expectTypeOf<{ lecturer_id: string; days: number }>().toMatchTypeOf<LecturerParams>()
    expectTypeOf<{ days: number }>().not.toMatchTypeOf<LecturerParams>()
    type Frequency = Parameters<typeof client.meetings.generateMeetingDates>[0]['frequency']
    expectTypeOf<Frequency>().toEqualTypeOf<
      'daily' | 'weekly' | 'week_days' | 'weekends' | 'biweekly_odd' | 'biweekly_even' | 'monthly'
    >()
    const sel = fields({ id: f.id })
    // Type-level only: never called.
    const _types = () => {
      expectTypeOf(client.meetings.lecturer({ fields: sel })).resolves.toEqualTypeOf<{ id: string }[]>()
      expectTypeOf(client.meetings.meeting({ meeting_id: 1, fields: sel })).resolves.toEqualTypeOf<{
        id: string
      }>()
      expectTypeOf(client.meetings.meetings({ meeting_ids: [1], fields: sel })).resolves.toEqualTypeOf<
        Record<string, { id: string } | null>
      >()
      expectTypeOf(client.meetings.lecturer()).resolves.toEqualTypeOf<unknown[]>()
      expectTypeOf(client.meetings.lecturer({ fields: 'id|name' })).resolves.toEqualTypeOf<unknown[]>()
      expectTypeOf(client.slips.userRoles()).resolves.toBeUnknown()
      const yearly = { start_date: 'a', end_date: 'b', number: 1, frequency: 'yearly' } as const
      // @ts-expect-error -- frequency must be one of the documented values
      void client.meetings.generateMeetingDates(yearly)
    }
    expect(typeof _types).toBe('function')
  })

  it('refuses a call missing a required parameter, or naming an unknown one, before sending', async () => {
    // @ts-expect-error -- meeting_id is required
    await expect(client.meetings.meeting({})).rejects.toMatchObject({
      kind: 'usos',
      usosCode: 'param_missing',
      paramName: 'meeting_id'
    })
    // @ts-expect-error -- no such parameter
    await expect(client.meetings.meeting({ meeting_id: 1, colour: 'red' })).rejects.toMatchObject({
      usosCode: 'param_invalid',
      paramName: 'colour'
    })
    expect(() => checkParams(spec('meetings/meeting'), { meeting_id: 1, callback: 'x' })).toThrow(
      /no parameter callback/
    )
    expect(() => checkParams(spec('meetings/meetings'), { meeting_ids: [] })).toThrow(
      /needs the parameter meeting_ids/
    )
    expect(client.stats().requests).toBe(0)
  })
})
