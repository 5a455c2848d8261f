/**
 * services/slips conformance, part 1: for every method of slips.txt, each required parameter
 * missing, malformed values, unknown fields, tokens and scopes. Over real HTTP via the harness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

const ALL = ['slips', 'slips_admin']
const admin = { as: 'template_admin' as const, scopes: ALL }

let inst: TestInstallation
/** Valid values for every required parameter, taken from the seeded data. */
let valid: Record<string, string>

beforeAll(async () => {
  inst = await startTestInstallation({ scale: 'small', seed: 11 })
  const tpls = await inst.call(
    'slips/search_templates',
    { langpref: 'pl', num: '1', fields: 'id|questions[id]' },
    admin
  )
  const slips = await inst.call(
    'slips/search_slips',
    { langpref: 'pl', num: '1', fields: 'id|questions[id]|template[fac]' },
    admin
  )
  const tpl = tpls.body.items[0]
  const slip = slips.body.items[0]
  const firstSq = Object.values(slip.questions as Record<string, Array<{ id: string }>>)[0]?.[0]
  valid = {
    tpl_id: tpl.id,
    tpl_ids: tpl.id,
    question_id: tpl.questions[0].id,
    question_ids: tpl.questions[0].id,
    question: 'Czy student oddał klucz?',
    fac_id: slip.template.fac.id,
    name: 'Szablon testowy',
    slip_id: slip.id,
    slip_ids: slip.id,
    sq_id: firstSq?.id ?? '1',
    sq_ids: firstSq?.id ?? '1',
    client_user_id: inst.server.demoUserIds.student,
    langpref: 'pl'
  }
})
afterAll(async () => {
  await inst.close()
})

/** Each method with its required parameters, as slips.txt lists them. */
const REQUIRED: Record<string, string[]> = {
  add_question: ['tpl_id', 'question'],
  create_template: ['fac_id', 'name'],
  delete_question: ['question_id'],
  delete_slip: ['slip_id'],
  delete_template: ['tpl_id'],
  issue_slip: ['tpl_id', 'client_user_id'],
  question: ['question_id'],
  questions: ['question_ids'],
  search_slips: ['langpref'],
  search_templates: ['langpref'],
  slip: ['slip_id'],
  slipquestion: ['sq_id'],
  slipquestions: ['sq_ids'],
  slips: ['slip_ids'],
  template: ['tpl_id'],
  templates: ['tpl_ids'],
  to_be_answered: ['langpref'],
  update_question: ['question_id'],
  update_slip: ['slip_id'],
  update_slipquestion: ['sq_id'],
  update_template: ['tpl_id'],
  user_roles: []
}

describe('required parameters', () => {
  for (const [method, required] of Object.entries(REQUIRED)) {
    for (const missing of required) {
      it(`${method} without ${missing}: param_missing`, async () => {
        const params: Record<string, string> = {}
        for (const p of required) if (p !== missing) params[p] = valid[p] as string
        const r = await inst.call(`slips/${method}`, params, admin)
        expect(r.status).toBe(400)
        expect(r.body).toMatchObject({ error: 'param_missing', param_name: missing })
        expect(typeof r.body.message).toBe('string')
      })
    }
  }
})

describe('malformed values: param_invalid', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['template', { tpl_id: 'abc' }, 'tpl_id'],
    ['templates', { tpl_ids: '1|x' }, 'tpl_ids'],
    ['question', { question_id: '1.5' }, 'question_id'],
    ['questions', { question_ids: 'q' }, 'question_ids'],
    ['slip', { slip_id: 'abc' }, 'slip_id'],
    ['slips', { slip_ids: '1|two' }, 'slip_ids'],
    ['slipquestion', { sq_id: 'abc' }, 'sq_id'],
    ['slipquestions', { sq_ids: 'abc' }, 'sq_ids'],
    ['search_templates', { langpref: 'de' }, 'langpref'],
    ['search_templates', { langpref: 'pl', num: '21' }, 'num'],
    ['search_templates', { langpref: 'pl', num: '0' }, 'num'],
    ['search_templates', { langpref: 'pl', start: '-1' }, 'start'],
    ['search_templates', { langpref: 'pl', order_by: 'date_created' }, 'order_by'],
    ['search_templates', { langpref: 'pl', issuable_only: 'yes' }, 'issuable_only'],
    ['search_slips', { langpref: 'xx' }, 'langpref'],
    ['search_slips', { langpref: 'pl', num: '25' }, 'num'],
    ['search_slips', { langpref: 'pl', my_role: 'dean' }, 'my_role'],
    ['search_slips', { langpref: 'pl', state: 'open' }, 'state'],
    ['search_slips', { langpref: 'pl', order_by: 'name' }, 'order_by'],
    ['search_slips', { langpref: 'pl', tpl_ids: 'abc' }, 'tpl_ids'],
    ['to_be_answered', { langpref: 'fr' }, 'langpref'],
    ['to_be_answered', { langpref: 'pl', num: '100' }, 'num'],
    ['to_be_answered', { langpref: 'pl', order_by: 'slip.state' }, 'order_by'],
    ['to_be_answered', { langpref: 'pl', unanswered_before: '2025-13-45' }, 'unanswered_before'],
    ['create_template', { fac_id: 'X', name: 'N', lang: 'de' }, 'lang'],
    ['update_template', { tpl_id: '1', state: 'published' }, 'state'],
    ['update_template', { tpl_id: '1', lang: 'fr' }, 'lang'],
    ['update_template', { tpl_id: 'x' }, 'tpl_id'],
    ['update_question', { question_id: '1', is_obsolete: 'maybe' }, 'is_obsolete'],
    ['update_question', { question_id: '1', is_meaning_changed: '1' }, 'is_meaning_changed'],
    ['update_slip', { slip_id: '1', state: 'open' }, 'state'],
    ['update_slip', { slip_id: '1', student_programme_id: 'abc' }, 'student_programme_id'],
    ['update_slip', { slip_id: '1', question_ids: '1|b' }, 'question_ids'],
    ['issue_slip', { tpl_id: '1', client_user_id: '1', student_programme_id: 'x' }, 'student_programme_id'],
    ['delete_slip', { slip_id: 'x' }, 'slip_id'],
    ['delete_template', { tpl_id: 'x' }, 'tpl_id'],
    ['delete_question', { question_id: 'x' }, 'question_id'],
    ['add_question', { tpl_id: 'x', question: 'Q?' }, 'tpl_id'],
    ['update_slipquestion', { sq_id: 'x' }, 'sq_id']
  ]
  for (const [method, params, param] of cases) {
    it(`${method} ${JSON.stringify(params)}`, async () => {
      const r = await inst.call(`slips/${method}`, params, admin)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ error: 'param_invalid', param_name: param })
    })
  }
})

describe('field selectors', () => {
  const reads: Array<[string, () => Record<string, string>]> = [
    ['template', () => ({ tpl_id: valid.tpl_id as string })],
    ['templates', () => ({ tpl_ids: valid.tpl_ids as string })],
    ['question', () => ({ question_id: valid.question_id as string })],
    ['questions', () => ({ question_ids: valid.question_ids as string })],
    ['slip', () => ({ slip_id: valid.slip_id as string })],
    ['slips', () => ({ slip_ids: valid.slip_ids as string })],
    ['slipquestion', () => ({ sq_id: valid.sq_id as string })],
    ['slipquestions', () => ({ sq_ids: valid.sq_ids as string })],
    ['search_templates', () => ({ langpref: 'pl' })],
    ['search_slips', () => ({ langpref: 'pl' })],
    ['to_be_answered', () => ({ langpref: 'pl' })]
  ]
  for (const [method, params] of reads) {
    it(`${method} refuses an unknown field (field_not_found)`, async () => {
      const r = await inst.call(`slips/${method}`, { ...params(), fields: 'id|no_such_field' }, admin)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({
        error: 'field_not_found',
        field_name: 'no_such_field',
        method_name: `services/slips/${method}`
      })
    })
  }

  it('refuses an unknown subfield of a referenced object', async () => {
    const r = await inst.call(
      'slips/slip',
      { slip_id: valid.slip_id as string, fields: 'template[id|nope]' },
      admin
    )
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ error: 'field_not_found', field_name: 'nope' })
  })

  it('validates the deprecated sub-selector parameters against their object', async () => {
    const r = await inst.call(
      'slips/slip',
      { slip_id: valid.slip_id as string, tpl_fields: 'id|bogus' },
      admin
    )
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ error: 'field_not_found', field_name: 'bogus' })
  })

  it('connected_tpls is refused where more than one slip is read', async () => {
    for (const [method, params] of [
      ['slips', { slip_ids: valid.slip_ids as string, fields: 'id|connected_tpls' }],
      ['search_slips', { langpref: 'pl', fields: 'id|connected_tpls' }]
    ] as const) {
      const r = await inst.call(`slips/${method}`, params, admin)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ error: 'param_invalid', param_name: 'fields' })
    }
    const single = await inst.call(
      'slips/slip',
      { slip_id: valid.slip_id as string, fields: 'connected_tpls' },
      admin
    )
    expect(single.status).toBe(200)
    expect(Array.isArray(single.body.connected_tpls)).toBe(true)
  })
})

describe('tokens and scopes', () => {
  const tokenMethods = [
    'add_question',
    'create_template',
    'delete_question',
    'delete_slip',
    'delete_template',
    'issue_slip',
    'search_slips',
    'slip',
    'slipquestion',
    'slipquestions',
    'slips',
    'to_be_answered',
    'update_question',
    'update_slip',
    'update_slipquestion',
    'update_template',
    'user_roles'
  ]
  for (const method of tokenMethods) {
    it(`${method} needs an Access Token`, async () => {
      const params: Record<string, string> = {}
      for (const p of REQUIRED[method] ?? []) params[p] = valid[p] as string
      const r = await inst.call(`slips/${method}`, params, { as: null })
      expect(r.status).toBe(401)
    })
  }

  it('consumer-only calls work for template, templates, question, questions, search_templates', async () => {
    const calls: Array<[string, Record<string, string>]> = [
      ['template', { tpl_id: valid.tpl_id as string }],
      ['templates', { tpl_ids: valid.tpl_ids as string }],
      ['question', { question_id: valid.question_id as string }],
      ['questions', { question_ids: valid.question_ids as string }],
      ['search_templates', { langpref: 'en' }]
    ]
    for (const [method, params] of calls) {
      const r = await inst.call(`slips/${method}`, params, { as: null })
      expect(r.status, method).toBe(200)
    }
  })

  const slipsScoped = [
    'slip',
    'slips',
    'search_slips',
    'to_be_answered',
    'issue_slip',
    'update_slip',
    'delete_slip'
  ]
  for (const method of slipsScoped) {
    it(`${method} needs the slips scope`, async () => {
      const params: Record<string, string> = {}
      for (const p of REQUIRED[method] ?? []) params[p] = valid[p] as string
      const r = await inst.call(`slips/${method}`, params, { as: 'template_admin', scopes: ['slips_admin'] })
      expect(r.status).toBe(403)
    })
  }

  const adminScoped = [
    'create_template',
    'update_template',
    'delete_template',
    'add_question',
    'update_question'
  ]
  for (const method of adminScoped) {
    it(`${method} needs the slips_admin scope`, async () => {
      const params: Record<string, string> = {}
      for (const p of REQUIRED[method] ?? []) params[p] = valid[p] as string
      const r = await inst.call(`slips/${method}`, params, { as: 'template_admin', scopes: ['slips'] })
      expect(r.status).toBe(403)
    })
  }

  it('fields that need a scope refuse the call without it', async () => {
    const tpl = valid.tpl_id as string
    const noAdmin = await inst.call(
      'slips/template',
      { tpl_id: tpl, fields: 'can_i_edit' },
      { as: 'lecturer', scopes: ['slips'] }
    )
    expect(noAdmin.status).toBe(403)
    expect(noAdmin.body.missing_scopes).toEqual(['slips_admin'])
    const noSlips = await inst.call(
      'slips/template',
      { tpl_id: tpl, fields: 'can_i_issue' },
      { as: 'lecturer', scopes: [] }
    )
    expect(noSlips.status).toBe(403)
    expect(noSlips.body.missing_scopes).toEqual(['slips'])
    const noToken = await inst.call('slips/template', { tpl_id: tpl, fields: 'can_i_delete' }, { as: null })
    expect(noToken.status).toBe(401)
    const q = await inst.call(
      'slips/question',
      { question_id: valid.question_id as string, fields: 'can_i_delete' },
      { as: 'lecturer', scopes: ['slips'] }
    )
    expect(q.status).toBe(403)
    // The why_cant_i_* companions need no scope: they explain in the user's language instead.
    const why = await inst.call('slips/template', { tpl_id: tpl, fields: 'why_cant_i_edit' }, { as: null })
    expect(why.status).toBe(200)
    expect(why.body.why_cant_i_edit).toEqual({ pl: expect.any(String), en: expect.any(String) })
  })

  it('search_templates: issuable_only needs slips, editable_only needs slips_admin', async () => {
    const issuable = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', issuable_only: 'true' },
      { as: null }
    )
    expect(issuable.status).toBe(401)
    const editable = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', editable_only: 'true' },
      { as: 'template_admin', scopes: ['slips'] }
    )
    expect(editable.status).toBe(403)
    expect(editable.body.missing_scopes).toEqual(['slips_admin'])
  })
})
