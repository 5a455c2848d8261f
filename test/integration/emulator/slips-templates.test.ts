/**
 * services/slips conformance, part 2: templates and questions — create/update/delete, states and
 * what each allows, visibility of drafts, connected templates (cycles), question order, forking of
 * a question whose meaning changed, search_templates. Over real HTTP via the harness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoRole } from '../../../src/emulator/framework/types'
import { startTestInstallation, type TestInstallation } from './harness'

const ALL = ['slips', 'slips_admin']
const as = (role: DemoRole | null, scopes: string[] = ALL) => ({ as: role, scopes })
const editor = as('template_admin')
const LANG_DICT = { pl: expect.any(String), en: expect.any(String) }

let inst: TestInstallation
let demo: Record<DemoRole, string>
/** A faculty where the demo template editor edits, and one where it does not. */
let facA: string
let otherFac: string

beforeAll(async () => {
  inst = await startTestInstallation({ scale: 'small', seed: 23 })
  demo = inst.server.demoUserIds
  const mine = await inst.call('slips/user_roles', {}, editor)
  const theirs = await inst.call('slips/user_roles', {}, as('administrator'))
  const editorFacs = Object.keys(mine.body.template_admin.faculties)
  facA = editorFacs[0] as string
  otherFac = Object.keys(theirs.body.template_admin.faculties).find((f) => !editorFacs.includes(f)) as string
})
afterAll(async () => {
  await inst.close()
})

function expectRefusal(
  body: { success: boolean; user_messages: { generic_message: unknown; fields: Record<string, unknown> } },
  field?: string
): void {
  expect(body.success).toBe(false)
  expect(body.user_messages.generic_message).toEqual(LANG_DICT)
  if (field) expect(body.user_messages.fields[field]).toEqual(LANG_DICT)
}

async function createTemplate(name: string, extra: Record<string, string> = {}): Promise<string> {
  const r = await inst.call('slips/create_template', { fac_id: facA, name, ...extra }, editor)
  expect(r.status).toBe(200)
  expect(r.body).toEqual({ success: true, tpl_id: expect.stringMatching(/^\d+$/) })
  return r.body.tpl_id
}

async function addQuestion(tplId: string, question: string): Promise<string> {
  const r = await inst.call('slips/add_question', { tpl_id: tplId, question }, editor)
  expect(r.body).toEqual({ success: true, question_id: expect.stringMatching(/^\d+$/) })
  return r.body.question_id
}

async function update(method: string, params: Record<string, string>, who = editor) {
  const r = await inst.call(`slips/${method}`, params, who)
  expect(r.status).toBe(200)
  return r.body
}

async function template(tplId: string, fields: string, who = editor) {
  const r = await inst.call('slips/template', { tpl_id: tplId, fields }, who)
  expect(r.status).toBe(200)
  return r.body
}

async function question(questionId: string, fields: string, who = editor) {
  const r = await inst.call('slips/question', { question_id: questionId, fields }, who)
  expect(r.status).toBe(200)
  return r.body
}

describe('create_template', () => {
  it('creates a draft bound to the faculty, in Polish by default', async () => {
    const id = await createTemplate('Rozliczenie z pracowni robotyki')
    const t = await template(
      id,
      'id|name|lang|state|fac|desc_for_issuers|slips_stats|connected_tpl_ids|questions'
    )
    expect(t).toEqual({
      id,
      name: 'Rozliczenie z pracowni robotyki',
      lang: 'pl',
      state: 'draft',
      fac: { id: facA, name: LANG_DICT },
      desc_for_issuers: null,
      slips_stats: { active: 0, closed: 0 },
      connected_tpl_ids: [],
      questions: []
    })
  })

  it('honours lang=en', async () => {
    const id = await createTemplate('Robotics lab clearance', { lang: 'en' })
    expect((await template(id, 'lang')).lang).toBe('en')
  })

  it('refuses a name over 75 characters or a blank one, field by field', async () => {
    const long = await update('create_template', { fac_id: facA, name: 'x'.repeat(76) })
    expectRefusal(long, 'name')
    const blank = await update('create_template', { fac_id: facA, name: '   ' })
    expectRefusal(blank, 'name')
    expect(await update('create_template', { fac_id: facA, name: 'y'.repeat(75) })).toMatchObject({
      success: true
    })
  })

  it('refuses an unknown faculty, and a faculty where the user is no template editor', async () => {
    expectRefusal(await update('create_template', { fac_id: 'NO-SUCH-FAC', name: 'Szablon' }), 'fac_id')
    expect(otherFac).toBeDefined()
    const notMine = await update('create_template', { fac_id: otherFac, name: 'Szablon' })
    expectRefusal(notMine)
    expect(notMine.user_messages.fields).toEqual({})
    expectRefusal(await update('create_template', { fac_id: facA, name: 'Szablon' }, as('lecturer')))
  })
})

describe('template, templates: visibility and fields', () => {
  let draft: string
  let active: string
  beforeAll(async () => {
    draft = await createTemplate('Szkic: rozliczenie z magazynu')
    active = await createTemplate('Rozliczenie z magazynu sprzętu')
    await addQuestion(active, 'Czy student zwrócił sprzęt do magazynu?')
    expect(await update('update_template', { tpl_id: active, state: 'active' })).toEqual({ success: true })
  })

  it('answers only the `name` by default', async () => {
    const r = await inst.call('slips/template', { tpl_id: active }, as(null))
    expect(r.body).toEqual({ name: 'Rozliczenie z magazynu sprzętu' })
  })

  it('shows drafts to their editors only', async () => {
    expect((await template(draft, 'state|can_i_edit')).state).toBe('draft')
    for (const who of [as('lecturer'), as(null)]) {
      const r = await inst.call('slips/template', { tpl_id: draft }, who)
      expect(r.status).toBe(403)
      expect(r.body).toMatchObject({ error: 'object_forbidden', param_name: 'tpl_id' })
    }
    const multi = await inst.call('slips/templates', { tpl_ids: `${draft}|${active}|999999` }, as('lecturer'))
    expect(multi.body).toEqual({
      [draft]: null,
      [active]: { id: active, name: 'Rozliczenie z magazynu sprzętu' },
      '999999': null
    })
    const editorView = await inst.call('slips/templates', { tpl_ids: draft, fields: 'state' }, editor)
    expect(editorView.body).toEqual({ [draft]: { state: 'draft' } })
  })

  it('answers object_not_found for an unknown template', async () => {
    const r = await inst.call('slips/template', { tpl_id: '999999' }, editor)
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ error: 'object_not_found', param_name: 'tpl_id' })
  })

  it('explains who may issue, edit and delete', async () => {
    const forEditor = await template(
      draft,
      'can_i_issue|why_cant_i_issue|can_i_edit|why_cant_i_edit|can_i_delete|why_cant_i_delete'
    )
    expect(forEditor).toEqual({
      can_i_issue: false,
      why_cant_i_issue: LANG_DICT,
      can_i_edit: true,
      why_cant_i_edit: null,
      can_i_delete: true,
      why_cant_i_delete: null
    })
    const forIssuer = await template(
      active,
      'can_i_issue|why_cant_i_issue|can_i_edit|why_cant_i_edit',
      as('lecturer')
    )
    expect(forIssuer).toEqual({
      can_i_issue: true,
      why_cant_i_issue: null,
      can_i_edit: false,
      why_cant_i_edit: LANG_DICT
    })
    const forStudent = await template(active, 'can_i_issue|why_cant_i_issue', as('student'))
    expect(forStudent).toEqual({ can_i_issue: false, why_cant_i_issue: LANG_DICT })
  })

  it('lists coordinators (the template editors) as users', async () => {
    const t = await template(active, 'coordinators[id]')
    expect(t.coordinators).toContainEqual({ id: demo.template_admin })
    const full = await template(active, 'coordinators')
    expect(full.coordinators[0]).toEqual({
      id: expect.any(String),
      first_name: expect.any(String),
      last_name: expect.any(String)
    })
  })

  it('renders questions through question_fields (deprecated) or a sub-selector', async () => {
    const byDefault = await template(active, 'questions')
    expect(byDefault.questions).toEqual([
      { id: expect.any(String), question: 'Czy student zwrócił sprzęt do magazynu?' }
    ])
    const deprecated = await inst.call(
      'slips/template',
      { tpl_id: active, fields: 'questions', question_fields: 'is_obsolete' },
      editor
    )
    expect(deprecated.body.questions).toEqual([{ is_obsolete: false }])
    const sub = await template(active, 'questions[question|tpl_id]')
    expect(sub.questions).toEqual([{ question: 'Czy student zwrócił sprzęt do magazynu?', tpl_id: active }])
  })
})

describe('add_question', () => {
  let tpl: string
  beforeAll(async () => {
    tpl = await createTemplate('Rozliczenie z pracowni chemicznej')
  })

  it('appends a question with the documented defaults', async () => {
    const id = await addQuestion(tpl, 'Czy student zdał odczynniki?')
    const q = await question(
      id,
      'id|tpl_id|question|desc_for_answerers|answerers|is_included_by_default|can_client_answer|can_issuers_answer|can_issuers_assign_answerers|is_obsolete|regexp_cleared|regexp_rejected|quick_answers'
    )
    expect(q).toEqual({
      id,
      tpl_id: tpl,
      question: 'Czy student zdał odczynniki?',
      desc_for_answerers: null,
      answerers: [],
      is_included_by_default: true,
      can_client_answer: false,
      can_issuers_answer: false,
      can_issuers_assign_answerers: false,
      is_obsolete: false,
      regexp_cleared: null,
      regexp_rejected: null,
      quick_answers: null
    })
    const second = await addQuestion(tpl, 'Czy student oddał fartuch?')
    const order = await template(tpl, 'questions[id]')
    expect(order.questions).toEqual([{ id }, { id: second }])
  })

  it('requires a question mark and at most 100 characters', async () => {
    expectRefusal(
      await update('add_question', { tpl_id: tpl, question: 'Czy student oddał klucz' }),
      'question'
    )
    expectRefusal(await update('add_question', { tpl_id: tpl, question: `${'x'.repeat(100)}?` }), 'question')
    expect(await update('add_question', { tpl_id: tpl, question: `${'x'.repeat(99)}?` })).toMatchObject({
      success: true
    })
  })

  it('is refused to non-editors and for unknown templates', async () => {
    expectRefusal(await update('add_question', { tpl_id: tpl, question: 'Czy?' }, as('lecturer')))
    expectRefusal(await update('add_question', { tpl_id: '999999', question: 'Czy?' }), 'tpl_id')
  })

  it('the question method answers `question` by default and object_not_found for unknown ids', async () => {
    const id = await addQuestion(tpl, 'Czy student oddał okulary ochronne?')
    const r = await inst.call('slips/question', { question_id: id }, editor)
    expect(r.body).toEqual({ question: 'Czy student oddał okulary ochronne?' })
    const missing = await inst.call('slips/question', { question_id: '999999' }, editor)
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ error: 'object_not_found', param_name: 'question_id' })
    // Questions of a draft are as hidden as the draft itself.
    const hidden = await inst.call('slips/question', { question_id: id }, as('lecturer'))
    expect(hidden.status).toBe(403)
    expect(hidden.body).toMatchObject({ error: 'object_forbidden', param_name: 'question_id' })
    const multi = await inst.call('slips/questions', { question_ids: `${id}|999999` }, as('lecturer'))
    expect(multi.body).toEqual({ [id]: null, '999999': null })
  })
})

describe('update_question in a draft', () => {
  let tpl: string
  let qid: string
  beforeAll(async () => {
    tpl = await createTemplate('Rozliczenie z biblioteki instytutu')
    qid = await addQuestion(tpl, 'Czy student oddał książki?')
  })

  it('sets every documented attribute', async () => {
    const r = await update('update_question', {
      question_id: qid,
      desc_for_answerers: 'Sprawdź konto czytelnika.\nTakże wypożyczenia międzybiblioteczne.',
      answerers: `${demo.lecturer}|${demo.administrator}`,
      is_included_by_default: 'false',
      can_client_answer: 'true',
      can_issuers_answer: 'true',
      can_issuers_assign_answerers: 'true',
      regexp_cleared: '/^tak/i',
      regexp_rejected: '^nie',
      quick_answers: 'tak|nie|częściowo'
    })
    expect(r).toEqual({ success: true })
    const q = await question(
      qid,
      'desc_for_answerers|answerers[id]|is_included_by_default|can_client_answer|can_issuers_answer|can_issuers_assign_answerers|regexp_cleared|regexp_rejected|quick_answers'
    )
    expect(q).toEqual({
      desc_for_answerers: 'Sprawdź konto czytelnika.\nTakże wypożyczenia międzybiblioteczne.',
      answerers: [{ id: demo.lecturer }, { id: demo.administrator }],
      is_included_by_default: false,
      can_client_answer: true,
      can_issuers_answer: true,
      can_issuers_assign_answerers: true,
      regexp_cleared: '/^tak/i',
      regexp_rejected: '^nie',
      quick_answers: 'tak|nie|częściowo'
    })
  })

  it('changes the text in place in a draft (no fork), and an empty string clears a value', async () => {
    const r = await update('update_question', {
      question_id: qid,
      question: 'Czy student oddał wszystkie książki?',
      desc_for_answerers: ''
    })
    expect(r).toEqual({ success: true })
    expect(await question(qid, 'question|desc_for_answerers|is_obsolete')).toEqual({
      question: 'Czy student oddał wszystkie książki?',
      desc_for_answerers: null,
      is_obsolete: false
    })
  })

  it('refuses invalid regular expressions, unknown answerers and bad questions', async () => {
    expectRefusal(
      await update('update_question', { question_id: qid, regexp_cleared: '/(tak/i' }),
      'regexp_cleared'
    )
    expectRefusal(
      await update('update_question', { question_id: qid, regexp_rejected: '/nie/x' }),
      'regexp_rejected'
    )
    expectRefusal(
      await update('update_question', { question_id: qid, answerers: `${demo.lecturer}|no-such-user` }),
      'answerers'
    )
    expectRefusal(
      await update('update_question', { question_id: qid, question: 'Bez znaku zapytania' }),
      'question'
    )
    // Nothing of a refused update is applied.
    expect((await question(qid, 'regexp_cleared')).regexp_cleared).toBe('/^tak/i')
  })

  it('is refused to non-editors and for unknown questions', async () => {
    expectRefusal(await update('update_question', { question_id: qid, quick_answers: 'x' }, as('lecturer')))
    expectRefusal(
      await update('update_question', { question_id: '999999', quick_answers: 'x' }),
      'question_id'
    )
  })
})

describe('update_template', () => {
  let t1: string
  let t2: string
  let t3: string
  let q: string[]
  beforeAll(async () => {
    t1 = await createTemplate('Karta obiegowa absolwenta (test)')
    t2 = await createTemplate('Rozliczenie z akademikiem (test)')
    t3 = await createTemplate('Rozliczenie z kwestury (test)')
    q = [
      await addQuestion(t1, 'Czy student oddał legitymację?'),
      await addQuestion(t1, 'Czy student złożył pracę dyplomową?'),
      await addQuestion(t1, 'Czy student rozliczył się z kwesturą?')
    ]
    await addQuestion(t3, 'Czy opłaty zostały uregulowane?')
  })

  it('changes name, language and description; "" clears the description', async () => {
    expect(
      await update('update_template', {
        tpl_id: t1,
        name: 'Karta obiegowa absolwenta',
        lang: 'en',
        desc_for_issuers: 'Wystaw po obronie.'
      })
    ).toEqual({ success: true })
    expect(await template(t1, 'name|lang|desc_for_issuers')).toEqual({
      name: 'Karta obiegowa absolwenta',
      lang: 'en',
      desc_for_issuers: 'Wystaw po obronie.'
    })
    await update('update_template', { tpl_id: t1, desc_for_issuers: '', lang: 'pl' })
    expect(await template(t1, 'desc_for_issuers|lang')).toEqual({ desc_for_issuers: null, lang: 'pl' })
    expectRefusal(await update('update_template', { tpl_id: t1, name: 'z'.repeat(80) }), 'name')
  })

  it('reorders questions; unlisted ones move to the end', async () => {
    await update('update_template', { tpl_id: t1, questions_order: `${q[2]}|${q[0]}` })
    expect((await template(t1, 'questions[id]')).questions).toEqual([
      { id: q[2] },
      { id: q[0] },
      { id: q[1] }
    ])
    const foreign = await update('update_template', { tpl_id: t1, questions_order: `${q[0]}|999999` })
    expectRefusal(foreign, 'questions_order')
  })

  it('connects templates, cycles included, and reports the deep closure', async () => {
    await update('update_template', { tpl_id: t1, connected_tpl_ids: `${t2}` })
    await update('update_template', { tpl_id: t2, connected_tpl_ids: `${t3}|${t1}` })
    expect(await template(t1, 'connected_tpl_ids|connected_tpl_ids_deep')).toEqual({
      connected_tpl_ids: [t2],
      connected_tpl_ids_deep: [t2, t3]
    })
    expect(await template(t2, 'connected_tpl_ids_deep')).toEqual({ connected_tpl_ids_deep: [t3, t1] })
    expectRefusal(await update('update_template', { tpl_id: t1, connected_tpl_ids: t1 }), 'connected_tpl_ids')
    expectRefusal(
      await update('update_template', { tpl_id: t1, connected_tpl_ids: '999999' }),
      'connected_tpl_ids'
    )
    await update('update_template', { tpl_id: t2, connected_tpl_ids: '' })
    expect(await template(t2, 'connected_tpl_ids')).toEqual({ connected_tpl_ids: [] })
  })

  it('walks the states: draft -> active <-> obsolete, never back to draft', async () => {
    const empty = await createTemplate('Pusty szablon')
    expectRefusal(await update('update_template', { tpl_id: empty, state: 'active' }), 'state')
    expect(await update('update_template', { tpl_id: t3, state: 'active' })).toEqual({ success: true })
    expectRefusal(await update('update_template', { tpl_id: t3, state: 'draft' }), 'state')
    expect(await update('update_template', { tpl_id: t3, state: 'obsolete' })).toEqual({ success: true })
    expect((await template(t3, 'state|can_i_issue|why_cant_i_issue')).why_cant_i_issue).toEqual(LANG_DICT)
    expect(await update('update_template', { tpl_id: t3, state: 'active' })).toEqual({ success: true })
    expect((await template(t3, 'state', as(null))).state).toBe('active')
  })

  it('is refused to non-editors and for unknown templates', async () => {
    expectRefusal(await update('update_template', { tpl_id: t1, name: 'X' }, as('lecturer')))
    expectRefusal(await update('update_template', { tpl_id: '999999', name: 'X' }), 'tpl_id')
    expectRefusal(await update('update_template', { tpl_id: t1, fac_id: otherFac }), 'fac_id')
  })
})

describe('update_question outside drafts: "meaning changed" forks the question', () => {
  let tpl: string
  let qid: string
  let after: string
  beforeAll(async () => {
    tpl = await createTemplate('Rozliczenie z pracowni komputerowej')
    qid = await addQuestion(tpl, 'Czy student oddał laptopa?')
    after = await addQuestion(tpl, 'Czy student oddał kartę wejściową?')
    await update('update_question', { question_id: qid, answerers: demo.lecturer, quick_answers: 'tak|nie' })
    await update('update_template', { tpl_id: tpl, state: 'active' })
  })

  it('keeps the question when the user says the meaning did not change', async () => {
    const r = await update('update_question', {
      question_id: qid,
      question: 'Czy student oddał laptop?',
      is_meaning_changed: 'false'
    })
    expect(r).toEqual({ success: true })
    expect(await question(qid, 'question|is_obsolete')).toEqual({
      question: 'Czy student oddał laptop?',
      is_obsolete: false
    })
  })

  it('does not fork for changes other than the question text', async () => {
    expect(
      await update('update_question', {
        question_id: qid,
        desc_for_answerers: 'Numer inwentarzowy na naklejce.'
      })
    ).toEqual({ success: true })
    expect((await template(tpl, 'questions[id]')).questions).toHaveLength(2)
  })

  it('forks by default: a new question with the new text, the old one obsolete, both with the other changes', async () => {
    const r = await update('update_question', {
      question_id: qid,
      question: 'Czy student oddał laptopa wraz z zasilaczem?',
      quick_answers: 'tak|nie|brak zasilacza'
    })
    expect(r).toEqual({ success: true, question_id: expect.stringMatching(/^\d+$/) })
    const forked = r.question_id as string
    expect(forked).not.toBe(qid)
    const fields = 'question|is_obsolete|quick_answers|desc_for_answerers|answerers[id]|tpl_id'
    expect(await question(qid, fields)).toEqual({
      question: 'Czy student oddał laptop?',
      is_obsolete: true,
      quick_answers: 'tak|nie|brak zasilacza',
      desc_for_answerers: 'Numer inwentarzowy na naklejce.',
      answerers: [{ id: demo.lecturer }],
      tpl_id: tpl
    })
    expect(await question(forked, fields)).toEqual({
      question: 'Czy student oddał laptopa wraz z zasilaczem?',
      is_obsolete: false,
      quick_answers: 'tak|nie|brak zasilacza',
      desc_for_answerers: 'Numer inwentarzowy na naklejce.',
      answerers: [{ id: demo.lecturer }],
      tpl_id: tpl
    })
    // The copy takes the original's place in the order, right after it.
    expect((await template(tpl, 'questions[id]')).questions).toEqual([
      { id: qid },
      { id: forked },
      { id: after }
    ])
  })
})

describe('delete_question', () => {
  it('deletes questions of drafts only; others must be marked obsolete', async () => {
    const draft = await createTemplate('Szablon do usuwania pytań')
    const q1 = await addQuestion(draft, 'Czy student oddał pendrive?')
    expect(await question(q1, 'can_i_delete|why_cant_i_delete')).toEqual({
      can_i_delete: true,
      why_cant_i_delete: null
    })
    expectRefusal(await update('delete_question', { question_id: q1 }, as('lecturer')))
    expect(await update('delete_question', { question_id: q1 })).toEqual({ success: true })
    const gone = await inst.call('slips/question', { question_id: q1 }, editor)
    expect(gone.body).toMatchObject({ error: 'object_not_found' })
    expectRefusal(await update('delete_question', { question_id: q1 }), 'question_id')

    const q2 = await addQuestion(draft, 'Czy student oddał klucz do szafki?')
    await update('update_template', { tpl_id: draft, state: 'active' })
    expect(await question(q2, 'can_i_delete|why_cant_i_delete')).toEqual({
      can_i_delete: false,
      why_cant_i_delete: LANG_DICT
    })
    expectRefusal(await update('delete_question', { question_id: q2 }))
    expect(await update('update_question', { question_id: q2, is_obsolete: 'true' })).toEqual({
      success: true
    })
    expect((await question(q2, 'is_obsolete')).is_obsolete).toBe(true)
  })
})

describe('delete_template', () => {
  it('deletes drafts and unused templates; used ones must be made obsolete', async () => {
    const draft = await createTemplate('Szablon roboczy do usunięcia')
    expectRefusal(await update('delete_template', { tpl_id: draft }, as('lecturer')))
    expect(await update('delete_template', { tpl_id: draft })).toEqual({ success: true })
    const gone = await inst.call('slips/template', { tpl_id: draft }, editor)
    expect(gone.body).toMatchObject({ error: 'object_not_found', param_name: 'tpl_id' })
    expectRefusal(await update('delete_template', { tpl_id: draft }), 'tpl_id')

    const unused = await createTemplate('Aktywny, nieużywany szablon')
    await addQuestion(unused, 'Czy student oddał klucz?')
    await update('update_template', { tpl_id: unused, state: 'active' })
    expect(await template(unused, 'can_i_delete')).toEqual({ can_i_delete: true })
    expect(await update('delete_template', { tpl_id: unused })).toEqual({ success: true })

    const used = await createTemplate('Aktywny, używany szablon')
    await addQuestion(used, 'Czy student oddał klucz?')
    await update('update_template', { tpl_id: used, state: 'active' })
    const issued = await update('issue_slip', { tpl_id: used, client_user_id: demo.student })
    expect(issued).toMatchObject({ success: true })
    expect(await template(used, 'can_i_delete|why_cant_i_delete')).toEqual({
      can_i_delete: false,
      why_cant_i_delete: LANG_DICT
    })
    expectRefusal(await update('delete_template', { tpl_id: used }))
    expect(await update('update_template', { tpl_id: used, state: 'obsolete' })).toEqual({ success: true })
  })
})

describe('search_templates', () => {
  let draft: string
  let active: string
  beforeAll(async () => {
    draft = await createTemplate('Obiegówka laboratorium akustyki')
    active = await createTemplate('Rozliczenie laboratorium akustyki')
    await addQuestion(active, 'Czy student oddał mikrofony?')
    await update('update_template', { tpl_id: active, state: 'active' })
  })

  it('answers id|match by default, with matched words in <b>', async () => {
    const r = await inst.call('slips/search_templates', { langpref: 'pl', query: 'akustyki' }, as(null))
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      items: [{ id: active, match: 'Rozliczenie laboratorium <b>akustyki</b>' }],
      next_page: false
    })
  })

  it('finds a template by its id', async () => {
    const r = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', query: active, fields: 'id' },
      as(null)
    )
    expect(r.body.items).toContainEqual({ id: active })
  })

  it('shows drafts to their editors only', async () => {
    const mine = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', query: 'akustyki', fields: 'id|state' },
      editor
    )
    expect(mine.body.items).toEqual(
      expect.arrayContaining([
        { id: draft, state: 'draft' },
        { id: active, state: 'active' }
      ])
    )
    const lecturer = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', query: 'akustyki', fields: 'id' },
      as('lecturer')
    )
    expect(lecturer.body.items).toEqual([{ id: active }])
  })

  it("editable_only and issuable_only filter by the caller's rights", async () => {
    const editable = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', editable_only: 'true', num: '20', fields: 'id|can_i_edit' },
      editor
    )
    expect(editable.body.items.length).toBeGreaterThan(0)
    for (const t of editable.body.items) expect(t.can_i_edit).toBe(true)
    const none = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', editable_only: 'true' },
      as('student')
    )
    expect(none.body).toEqual({ items: [], next_page: false })
    const issuable = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', issuable_only: 'true', num: '20', fields: 'id|state|can_i_issue' },
      as('lecturer')
    )
    expect(issuable.body.items.length).toBeGreaterThan(0)
    for (const t of issuable.body.items) expect(t).toMatchObject({ state: 'active', can_i_issue: true })
  })

  it('filters by faculty, pages, and orders', async () => {
    const byFac = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', fac_ids: facA, num: '20', fields: 'fac[id]' },
      as(null)
    )
    for (const t of byFac.body.items) expect(t.fac).toEqual({ id: facA })
    const page1 = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', num: '2', fields: 'id' },
      as(null)
    )
    expect(page1.body.items).toHaveLength(2)
    expect(page1.body.next_page).toBe(true)
    const page2 = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', num: '2', start: '2', fields: 'id' },
      as(null)
    )
    expect(page2.body.items[0]).not.toEqual(page1.body.items[0])
    const far = await inst.call('slips/search_templates', { langpref: 'pl', start: '100' }, as(null))
    expect(far.body).toEqual({ items: [], next_page: false })
    const byName = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', num: '20', order_by: 'name', fields: 'name' },
      as(null)
    )
    const names = byName.body.items.map((t: { name: string }) => t.name)
    expect(names).toEqual(
      [...names].sort((a: string, b: string) =>
        a.localeCompare(b, 'pl', { sensitivity: 'base', numeric: true })
      )
    )
    const desc = await inst.call(
      'slips/search_templates',
      { langpref: 'pl', num: '20', order_by: '-state', fields: 'state' },
      editor
    )
    const states = desc.body.items.map((t: { state: string }) => t.state)
    expect(states).toEqual([...states].sort().reverse())
  })
})
