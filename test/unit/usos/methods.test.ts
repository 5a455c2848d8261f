import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { USOS_METHODS, UsosClient, checkParams, methodSpecs, usosApi } from '../../../src/core/usos'
// @ts-expect-error -- a plain .mjs script without types; its parser is what generated the table
import { parseReference } from '../../../scripts/gen-usos-methods.mjs'

const referenceDir = join(process.cwd(), '..', 'shared', 'usos-api')

describe('the method table', () => {
  it('is generated from the reference as it is now (70 methods)', () => {
    expect(existsSync(referenceDir), `the API reference is expected at ${referenceDir}`).toBe(true)
    const fresh = readdirSync(referenceDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => parseReference(readFileSync(join(referenceDir, f), 'utf8')))
    expect(JSON.parse(JSON.stringify(USOS_METHODS))).toEqual(fresh)
    expect(USOS_METHODS).toHaveLength(70)
    const perModule = (m: string) => USOS_METHODS.filter((x) => x.module === m).length
    expect([perModule('meetings'), perModule('slips'), perModule('exams')]).toEqual([31, 22, 17])
  })

  it('knows parameters, defaults and authorization as the pages say', () => {
    const cal = methodSpecs.get('meetings/user_calendar')!
    expect(cal.params.find((p) => p.name === 'days')).toEqual({ name: 'days', required: false, default: '7' })
    expect(cal.params.find((p) => p.name === 'lecturer_id')?.required).toBe(true)
    const gen = methodSpecs.get('meetings/generate_meeting_dates')!
    expect(gen.params.filter((p) => p.required).map((p) => p.name)).toEqual([
      'start_date',
      'end_date',
      'number',
      'frequency'
    ])
    expect(gen.params.find((p) => p.name === 'week_day')?.default).toBe('')
    expect(methodSpecs.get('slips/add_question')).toMatchObject({
      scopes: ['slips_admin'],
      token: 'required',
      beta: true
    })
    expect(methodSpecs.get('exams/batch_register_exam')).toMatchObject({
      consumer: 'administrative',
      token: 'ignored'
    })
    expect(methodSpecs.get('meetings/substantiation')).toMatchObject({ token: 'optional' })
  })
})

describe('the typed API', () => {
  const client = new UsosClient({
    baseUrl: 'http://127.0.0.1:9/',
    consumer: { key: 'k', secret: 's' },
    retries: 0
  })

  it('reaches every one of the 70 methods', () => {
    const api = usosApi(client) as unknown as Record<string, Record<string, unknown>>
    for (const m of USOS_METHODS) {
      const [module, method] = m.name.split('/') as [string, string]
      expect(typeof api[module]?.[method], m.name).toBe('function')
    }
  })

  it('refuses a call missing a required parameter, or naming an unknown one, before sending', async () => {
    const api = usosApi(client)
    // @ts-expect-error -- meeting_id is required
    await expect(api.meetings.meeting({})).rejects.toMatchObject({
      usosCode: 'param_missing',
      paramName: 'meeting_id'
    })
    expect(() => checkParams(methodSpecs.get('meetings/meeting')!, { meeting_id: 1, colour: 'red' })).toThrow(
      /no parameter colour/
    )
    expect(client.stats().requests).toBe(0)
  })
})

describe('field selectors', () => {
  it('are built from structured lists, nested references in brackets', async () => {
    const { fieldSelector } = await import('../../../src/core/usos')
    expect(fieldSelector({ id: true, lecturer: { id: true, faculty: { name: true } }, term: true })).toBe(
      'id|lecturer[id|faculty[name]]|term'
    )
    const { PARTICIPANT_FIELDS } = await import('../../../src/core/sync')
    expect(PARTICIPANT_FIELDS).toContain('user[id|first_name|last_name|student_number|titles]')
  })
})
