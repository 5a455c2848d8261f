/**
 * services/slips conformance, part 3: issued slips — issue/update/delete, slip states, the questions
 * a slip gets (connected templates, defaults, obsolete ones), answering and answer_status computed
 * from regexp_cleared / regexp_rejected, extra answerers, to_be_answered paging, search_slips and
 * user_roles. Over real HTTP via the harness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoRole } from '../../../src/emulator/framework/types'
import { startTestInstallation, type TestInstallation } from './harness'
import { testClock } from '../../helpers/clock'

const ALL = ['slips', 'slips_admin']
const as = (role: DemoRole | null, scopes: string[] = ALL) => ({ as: role, scopes })
const editor = as('template_admin')
const LANG_DICT = { pl: expect.any(String), en: expect.any(String) }
const USER = { id: expect.any(String), first_name: expect.any(String), last_name: expect.any(String) }
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

/** The expected USOS rendering of an instant, computed independently of the module (Intl, sv-SE). */
function warsaw(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  }).format(d)
}

let inst: TestInstallation
let demo: Record<DemoRole, string>
let facA: string
const T: Record<'t1' | 't2' | 't3' | 't4', string> = { t1: '', t2: '', t3: '', t4: '' }
const Q: Record<'key' | 'thesis' | 'optional' | 'old' | 'dorm' | 'draft' | 'lone', string> = {
  key: '',
  thesis: '',
  optional: '',
  old: '',
  dorm: '',
  draft: '',
  lone: ''
}
/** S1: T1 issued for the student; hidden: T4 issued for the administrator (the student has no role in it). */
let s1: string
let hidden: string
/** Slipquestion ids of S1, by question. */
const SQ: Record<string, string> = {}

async function ok(method: string, params: Record<string, string>, who = editor) {
  const r = await inst.call(`slips/${method}`, params, who)
  expect(r.status, `${method} ${JSON.stringify(r.body)}`).toBe(200)
  return r.body
}

async function succeed(method: string, params: Record<string, string>, who = editor) {
  const body = await ok(method, params, who)
  expect(body.success, `${method} ${JSON.stringify(body)}`).toBe(true)
  return body
}

function expectRefusal(
  body: { success: boolean; user_messages: { generic_message: unknown; fields: Record<string, unknown> } },
  field?: string
): void {
  expect(body.success).toBe(false)
  expect(body.user_messages.generic_message).toEqual(LANG_DICT)
  if (field) expect(body.user_messages.fields[field]).toEqual(LANG_DICT)
}

/**
 * issue_slip and delete_slip refuse as USOS does outside the template editing pages: HTTP 4xx,
 * `param_invalid` naming the parameter, with `user_messages` (a real answer quoted in the USOS
 * team's jquery-usos, doc/api/forms.md: delete_slip, param_name slip_id).
 */
async function expectWriteRefused(
  method: string,
  params: Record<string, string>,
  who = editor,
  field?: string
) {
  const r = await inst.call(`slips/${method}`, params, who)
  expect(r.status, `${method} ${JSON.stringify(r.body)}`).toBe(400)
  expect(r.body).toMatchObject({
    error: 'param_invalid',
    param_name: expect.any(String),
    message: expect.any(String)
  })
  expect(r.body.user_messages.generic_message).toEqual(LANG_DICT)
  if (field) {
    expect(r.body.param_name).toBe(field)
    expect(r.body.user_messages.fields[field]).toEqual(LANG_DICT)
  }
}

async function newTemplate(name: string, questions: string[]): Promise<[string, string[]]> {
  const tpl = (await succeed('create_template', { fac_id: facA, name })).tpl_id as string
  const ids: string[] = []
  for (const q of questions)
    ids.push((await succeed('add_question', { tpl_id: tpl, question: q })).question_id)
  return [tpl, ids]
}

async function slip(id: string, fields: string, who = editor) {
  return ok('slip', { slip_id: id, fields }, who)
}

async function sq(id: string, fields: string, who = editor) {
  return ok('slipquestion', { sq_id: id, fields }, who)
}

beforeAll(async () => {
  inst = await startTestInstallation({ scale: 'small', seed: 31 })
  demo = inst.server.demoUserIds
  const editorRoles = await ok('user_roles', {}, editor)
  const lecturerRoles = await ok('user_roles', {}, as('lecturer'))
  // Faculty A: edited by the demo template editor, where the demo lecturer issues slips too.
  facA = Object.keys(editorRoles.template_admin.faculties).find(
    (f) => f in lecturerRoles.issuer.faculties
  ) as string
  expect(facA).toBeDefined()

  let ids: string[]
  ;[T.t1, ids] = await newTemplate('Karta obiegowa – próba', [
    'Czy student zwrócił klucz do pracowni?',
    'Czy student złożył pracę w archiwum?',
    'Czy student oddał kartę do czytelni?',
    'Czy student oddał sprzęt?'
  ])
  ;[Q.key, Q.thesis, Q.optional, Q.old] = ids as [string, string, string, string]
  await succeed('update_question', {
    question_id: Q.key,
    answerers: demo.lecturer,
    regexp_cleared: '/^tak/i',
    regexp_rejected: '/^(nie|tak, ale)/i',
    quick_answers: 'tak|nie',
    can_issuers_answer: 'true',
    can_issuers_assign_answerers: 'true'
  })
  await succeed('update_question', { question_id: Q.thesis, can_client_answer: 'true' })
  await succeed('update_question', { question_id: Q.optional, is_included_by_default: 'false' })
  await succeed('update_question', { question_id: Q.old, is_obsolete: 'true' })
  ;[T.t2, ids] = await newTemplate('Rozliczenie z akademikiem – próba', [
    'Czy opłaty za akademik są uregulowane?'
  ])
  Q.dorm = ids[0] as string
  await succeed('update_question', { question_id: Q.dorm, answerers: demo.administrator })
  ;[T.t3, ids] = await newTemplate('Szkic – próba', ['Czy student oddał pieczątkę?'])
  Q.draft = ids[0] as string
  ;[T.t4, ids] = await newTemplate('Niepołączony szablon – próba', ['Czy student oddał identyfikator?'])
  Q.lone = ids[0] as string
  await succeed('update_template', { tpl_id: T.t1, connected_tpl_ids: `${T.t2}|${T.t3}`, state: 'active' })
  await succeed('update_template', { tpl_id: T.t2, connected_tpl_ids: T.t1, state: 'active' })
  await succeed('update_template', { tpl_id: T.t4, state: 'active' })

  inst.server.setNow(new Date(Math.floor(testClock().getTime() / 1000) * 1000))
  s1 = (await succeed('issue_slip', { tpl_id: T.t1, client_user_id: demo.student })).slip_id
  hidden = (await succeed('issue_slip', { tpl_id: T.t4, client_user_id: demo.administrator })).slip_id
  const body = await slip(s1, 'questions[id|question_id]')
  for (const list of Object.values(
    body.questions as Record<string, Array<{ id: string; question_id: string }>>
  )) {
    for (const item of list) SQ[item.question_id] = item.id
  }
})
afterAll(async () => {
  await inst.close()
})

describe('user_roles', () => {
  it('describes each role, entry by entry as the scopes allow', async () => {
    const lecturer = await ok('user_roles', {}, as('lecturer'))
    expect(lecturer).toEqual({
      template_admin: { has_role: false, faculties: {} },
      issuer: {
        has_role: true,
        faculties: expect.objectContaining({ [facA]: { id: facA, name: LANG_DICT } })
      },
      answerer: { has_role: true, is_default_answerer: true },
      client: { has_role: expect.any(Boolean) }
    })
    const editorRoles = await ok('user_roles', {}, editor)
    expect(editorRoles.template_admin).toEqual({
      has_role: true,
      faculties: expect.objectContaining({ [facA]: { id: facA, name: LANG_DICT } })
    })
    const student = await ok('user_roles', {}, as('student', ['slips']))
    expect(Object.keys(student).sort()).toEqual(['answerer', 'client', 'issuer'])
    expect(student.issuer).toEqual({ has_role: false, faculties: {} })
    expect(student.client).toEqual({ has_role: true })
    expect(Object.keys(await ok('user_roles', {}, as('template_admin', ['slips_admin'])))).toEqual([
      'template_admin'
    ])
    expect(await ok('user_roles', {}, as('lecturer', []))).toEqual({})
  })
})

describe('issue_slip', () => {
  it('issues a closed slip with the defaults of the template and its active connected templates', async () => {
    const body = await slip(
      s1,
      'id|state|issuer[id]|client[id]|date_created|date_last_closed|issuers_comment|student_programme'
    )
    expect(body).toEqual({
      id: s1,
      state: 'closed',
      issuer: { id: demo.template_admin },
      client: { id: demo.student },
      date_created: expect.stringMatching(DATETIME),
      date_last_closed: null,
      issuers_comment: null,
      student_programme: null
    })
    // Included by default only; never obsolete ones; the draft T3's questions stay out.
    const qs = await slip(s1, 'questions[question_id]')
    expect(qs.questions).toEqual({
      [T.t1]: [{ question_id: Q.key }, { question_id: Q.thesis }],
      [T.t2]: [{ question_id: Q.dorm }]
    })
  })

  it('stamps date_created with the server clock in Europe/Warsaw', async () => {
    const now = new Date(Math.floor(testClock().getTime() / 1000) * 1000)
    inst.server.setNow(now)
    const id = (await succeed('issue_slip', { tpl_id: T.t4, client_user_id: demo.student })).slip_id
    expect((await slip(id, 'date_created')).date_created).toBe(warsaw(now))
  })

  it('orders connected_tpls: the template, its deep connections, then templates of other questions', async () => {
    const body = await slip(s1, 'connected_tpls[id]')
    expect(body.connected_tpls).toEqual([{ id: T.t1 }, { id: T.t2 }, { id: T.t3 }])
    const bare = await slip(s1, 'connected_tpls')
    expect(bare.connected_tpls[0]).toEqual({ id: T.t1, name: 'Karta obiegowa – próba' })
    // The draft T3 is shown to template editors only.
    const forClient = await slip(s1, 'connected_tpls[id]', as('student'))
    expect(forClient.connected_tpls).toEqual([{ id: T.t1 }, { id: T.t2 }])
  })

  it('binds a student programme of the client', async () => {
    const seeded = await ok(
      'search_slips',
      { langpref: 'pl', issued_for: demo.student, num: '20', fields: 'student_programme[id]' },
      as('administrator')
    )
    const prog = seeded.items
      .map((s: { student_programme: { id: string } | null }) => s.student_programme)
      .find((p: unknown) => p !== null)
    expect(prog).toBeDefined()
    const id = (
      await succeed('issue_slip', {
        tpl_id: T.t1,
        client_user_id: demo.student,
        student_programme_id: prog.id
      })
    ).slip_id
    expect((await slip(id, 'student_programme[id]')).student_programme).toEqual({ id: prog.id })
    await expectWriteRefused(
      'issue_slip',
      { tpl_id: T.t1, client_user_id: demo.lecturer, student_programme_id: prog.id },
      editor,
      'student_programme_id'
    )
  })

  it('is refused for drafts, obsolete templates, non-issuers, unknown clients and templates', async () => {
    await expectWriteRefused('issue_slip', { tpl_id: T.t3, client_user_id: demo.student })
    await expectWriteRefused('issue_slip', { tpl_id: T.t1, client_user_id: demo.student }, as('student'))
    await expectWriteRefused(
      'issue_slip',
      { tpl_id: T.t1, client_user_id: 'no-such-user' },
      editor,
      'client_user_id'
    )
    await expectWriteRefused(
      'issue_slip',
      { tpl_id: '999999', client_user_id: demo.student },
      editor,
      'tpl_id'
    )
    const [old] = await newTemplate('Przestarzały – próba', ['Czy student oddał klucz?'])
    await succeed('update_template', { tpl_id: old, state: 'active' })
    await succeed('update_template', { tpl_id: old, state: 'obsolete' })
    await expectWriteRefused('issue_slip', { tpl_id: old, client_user_id: demo.student })
  })
})

describe('slip, slips', () => {
  it('answers `template` (id|name) by default; slips adds fac through tpl_fields', async () => {
    expect(await ok('slip', { slip_id: s1 })).toEqual({
      template: { id: T.t1, name: 'Karta obiegowa – próba' }
    })
    const multi = await ok('slips', { slip_ids: `${s1}|999999` })
    expect(multi).toEqual({
      [s1]: { template: { id: T.t1, name: 'Karta obiegowa – próba', fac: { id: facA, name: LANG_DICT } } },
      '999999': null
    })
    const deprecated = await ok('slip', { slip_id: s1, tpl_fields: 'id|state' })
    expect(deprecated).toEqual({ template: { id: T.t1, state: 'active' } })
    const sub = await ok('slip', { slip_id: s1, fields: 'template[lang]', tpl_fields: 'id|state' })
    expect(sub).toEqual({ template: { lang: 'pl' } })
  })

  it('renders the questions dict through sq_fields and sq_q_fields', async () => {
    const byDefault = await slip(s1, 'questions')
    expect(byDefault.questions[T.t1]).toEqual([{ id: SQ[Q.key] }, { id: SQ[Q.thesis] }])
    const nested = await slip(s1, 'questions[question]')
    expect(nested.questions[T.t2]).toEqual([
      { question: { question: 'Czy opłaty za akademik są uregulowane?' } }
    ])
    const deprecated = await ok('slip', {
      slip_id: s1,
      fields: 'questions',
      sq_fields: 'question_id|answer_status'
    })
    expect(deprecated.questions[T.t2]).toEqual([{ question_id: Q.dorm, answer_status: 'pending' }])
  })

  it("lists the caller's roles; template_admin only with the slips_admin scope", async () => {
    expect((await slip(s1, 'user_roles')).user_roles).toEqual(['template_admin', 'issuer'])
    expect((await slip(s1, 'user_roles', as('template_admin', ['slips']))).user_roles).toEqual(['issuer'])
    expect((await slip(s1, 'user_roles', as('student'))).user_roles).toEqual(['client'])
    expect((await slip(s1, 'user_roles', as('lecturer'))).user_roles).toEqual(['issuer', 'answerer'])
  })

  it('tells who may edit and delete', async () => {
    expect(await slip(s1, 'can_i_edit|why_cant_i_edit|can_i_delete|why_cant_i_delete')).toEqual({
      can_i_edit: true,
      why_cant_i_edit: null,
      can_i_delete: true,
      why_cant_i_delete: null
    })
    expect(
      await slip(s1, 'can_i_edit|why_cant_i_edit|can_i_delete|why_cant_i_delete', as('student'))
    ).toEqual({
      can_i_edit: false,
      why_cant_i_edit: LANG_DICT,
      can_i_delete: false,
      why_cant_i_delete: LANG_DICT
    })
  })

  it('hides slips from users with no role in them', async () => {
    const r = await inst.call('slips/slip', { slip_id: hidden }, as('student'))
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ error: 'object_forbidden', param_name: 'slip_id' })
    expect(await ok('slips', { slip_ids: `${hidden}|${s1}`, fields: 'id' }, as('student'))).toEqual({
      [hidden]: null,
      [s1]: { id: s1 }
    })
    const missing = await inst.call('slips/slip', { slip_id: '999999' }, editor)
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ error: 'object_not_found', param_name: 'slip_id' })
  })
})

describe('update_slip', () => {
  it('opens and closes the slip; closing stamps date_last_closed', async () => {
    await succeed('update_slip', { slip_id: s1, state: 'active' })
    expect(await slip(s1, 'state|date_last_closed')).toEqual({ state: 'active', date_last_closed: null })
    const now = new Date(Math.floor(testClock().getTime() / 1000) * 1000)
    inst.server.setNow(now)
    await succeed('update_slip', { slip_id: s1, state: 'closed' })
    expect(await slip(s1, 'state|date_last_closed')).toEqual({
      state: 'closed',
      date_last_closed: warsaw(now)
    })
    await succeed('update_slip', { slip_id: s1, state: 'active' })
    expect(await slip(s1, 'state|date_last_closed')).toEqual({
      state: 'active',
      date_last_closed: warsaw(now)
    })
  })

  it("sets and clears the issuers' comment", async () => {
    await succeed('update_slip', { slip_id: s1, issuers_comment: 'Proszę o szybkie rozliczenie.' })
    expect((await slip(s1, 'issuers_comment', as('student'))).issuers_comment).toBe(
      'Proszę o szybkie rozliczenie.'
    )
    await succeed('update_slip', { slip_id: s1, issuers_comment: '' })
    expect((await slip(s1, 'issuers_comment')).issuers_comment).toBeNull()
  })

  it('changes the included questions within the rules', async () => {
    await succeed('update_slip', { slip_id: s1, question_ids: `${Q.key}|${Q.dorm}|${Q.optional}` })
    const after = await slip(s1, 'questions[question_id]')
    expect(after.questions).toEqual({
      [T.t1]: [{ question_id: Q.key }, { question_id: Q.optional }],
      [T.t2]: [{ question_id: Q.dorm }]
    })
    // Existing slipquestions keep their ids (and answers).
    expect((await slip(s1, 'questions[id]')).questions[T.t1][0]).toEqual({ id: SQ[Q.key] })
    for (const refused of [Q.old, Q.lone, Q.draft]) {
      expectRefusal(
        await ok('update_slip', { slip_id: s1, question_ids: `${Q.key}|${refused}` }),
        'question_ids'
      )
    }
    await succeed('update_slip', { slip_id: s1, question_ids: `${Q.key}|${Q.thesis}|${Q.dorm}` })
    const restored = await slip(s1, 'questions[id|question_id]')
    expect(restored.questions[T.t1].map((x: { question_id: string }) => x.question_id)).toEqual([
      Q.key,
      Q.thesis
    ])
    SQ[Q.thesis] = restored.questions[T.t1][1].id
  })

  it('is refused to non-issuers and for unknown slips', async () => {
    expectRefusal(await ok('update_slip', { slip_id: s1, state: 'closed' }, as('student')))
    expectRefusal(await ok('update_slip', { slip_id: '999999', state: 'closed' }), 'slip_id')
    expect((await slip(s1, 'state')).state).toBe('active')
  })
})

describe('answering: update_slipquestion, answer_status, extra answerers', () => {
  const key = (): string => SQ[Q.key] as string
  const thesis = (): string => SQ[Q.thesis] as string

  it('refuses answers while the slip is closed', async () => {
    await succeed('update_slip', { slip_id: s1, state: 'closed' })
    expect(await sq(key(), 'can_i_answer|why_cant_i_answer', as('lecturer'))).toEqual({
      can_i_answer: false,
      why_cant_i_answer: LANG_DICT
    })
    expectRefusal(await ok('update_slipquestion', { sq_id: key(), answer: 'tak' }, as('lecturer')), 'answer')
    await succeed('update_slip', { slip_id: s1, state: 'active' })
    expect(await sq(key(), 'can_i_answer|why_cant_i_answer', as('lecturer'))).toEqual({
      can_i_answer: true,
      why_cant_i_answer: null
    })
  })

  it('lets issuers assign extra answerers where the question allows it', async () => {
    expect(await sq(key(), 'can_i_change_extra_answerers|why_cant_i_change_extra_answerers')).toEqual({
      can_i_change_extra_answerers: true,
      why_cant_i_change_extra_answerers: null
    })
    await succeed('update_slipquestion', { sq_id: key(), extra_answerers: demo.student })
    expect((await sq(key(), 'extra_answerers')).extra_answerers).toEqual([{ ...USER, id: demo.student }])
    expect((await sq(key(), 'can_i_answer', as('student'))).can_i_answer).toBe(true)
    const waiting = await ok('to_be_answered', { langpref: 'pl', num: '20', fields: 'id' }, as('student'))
    expect(waiting.items).toContainEqual({ id: key() })

    expectRefusal(
      await ok('update_slipquestion', { sq_id: thesis(), extra_answerers: demo.lecturer }),
      'extra_answerers'
    )
    expectRefusal(
      await ok('update_slipquestion', { sq_id: key(), extra_answerers: 'no-such-user' }),
      'extra_answerers'
    )
    expectRefusal(
      await ok('update_slipquestion', { sq_id: key(), extra_answerers: demo.lecturer }, as('student')),
      'extra_answerers'
    )

    await succeed('update_slipquestion', { sq_id: key(), extra_answerers: '' })
    expect((await sq(key(), 'extra_answerers')).extra_answerers).toEqual([])
    expect(await sq(key(), 'can_i_answer|why_cant_i_answer', as('student'))).toEqual({
      can_i_answer: false,
      why_cant_i_answer: LANG_DICT
    })
    expectRefusal(await ok('update_slipquestion', { sq_id: key(), answer: 'tak' }, as('student')), 'answer')
  })

  it("computes answer_status from the question's regular expressions", async () => {
    expect((await sq(key(), 'answer|answer_status|answerer|date_answered')).answer_status).toBe('pending')
    const now = new Date(Math.floor(testClock().getTime() / 1000) * 1000)
    inst.server.setNow(now)
    await succeed('update_slipquestion', { sq_id: key(), answer: 'tak' }, as('lecturer'))
    expect(await sq(key(), 'answer|answer_status|answerer|answerer_user_id|date_answered')).toEqual({
      answer: 'tak',
      answer_status: 'cleared',
      answerer: { ...USER, id: demo.lecturer },
      answerer_user_id: demo.lecturer,
      date_answered: warsaw(now)
    })
    const cases: Array<[string, string]> = [
      ['Nie, klucz zaginął', 'rejected'],
      ['tak, ale brak klucza zapasowego', 'unclear'], // both expressions match
      ['do wyjaśnienia', 'unclear'], // neither matches
      ['TAK', 'cleared']
    ]
    for (const [answer, status] of cases) {
      await succeed('update_slipquestion', { sq_id: key(), answer }, as('lecturer'))
      expect((await sq(key(), 'answer_status')).answer_status, answer).toBe(status)
    }
    expectRefusal(await ok('update_slipquestion', { sq_id: key(), answer: '   ' }, as('lecturer')), 'answer')
  })

  it('keeps an answer from being overwritten by someone else; the answerer or an issuer removes it', async () => {
    expect(
      await sq(key(), 'can_i_answer|why_cant_i_answer|can_i_remove_answer|why_cant_i_remove_answer')
    ).toEqual({
      can_i_answer: false,
      why_cant_i_answer: LANG_DICT,
      can_i_remove_answer: true,
      why_cant_i_remove_answer: null
    })
    expectRefusal(await ok('update_slipquestion', { sq_id: key(), answer: 'nie' }), 'answer')
    expectRefusal(await ok('update_slipquestion', { sq_id: key(), answer: '' }, as('student')), 'answer')
    await succeed('update_slipquestion', { sq_id: key(), answer: '' })
    expect(await sq(key(), 'answer|answer_status|answerer|answerer_user_id|date_answered')).toEqual({
      answer: null,
      answer_status: 'pending',
      answerer: null,
      answerer_user_id: null,
      date_answered: null
    })
    // Now the issuer may answer: the question lets issuers answer.
    await succeed('update_slipquestion', { sq_id: key(), answer: 'tak' })
    expect((await sq(key(), 'answerer_user_id')).answerer_user_id).toBe(demo.template_admin)
    await succeed('update_slipquestion', { sq_id: key(), answer: '' })
    expectRefusal(await ok('update_slipquestion', { sq_id: key(), answer: '' }, as('lecturer')), 'answer')
  })

  it('lets the client answer where the question allows it', async () => {
    expect((await sq(thesis(), 'can_i_answer', as('student'))).can_i_answer).toBe(true)
    await succeed(
      'update_slipquestion',
      { sq_id: thesis(), answer: 'Złożona, potwierdzenie APD/2025/118' },
      as('student')
    )
    expect(await sq(thesis(), 'answer|answer_status|can_i_remove_answer', as('student'))).toEqual({
      answer: 'Złożona, potwierdzenie APD/2025/118',
      answer_status: 'unclear',
      can_i_remove_answer: true
    })
  })

  it('a call without changes succeeds; an unknown slipquestion is refused', async () => {
    expect(await ok('update_slipquestion', { sq_id: key() })).toEqual({ success: true })
    expectRefusal(await ok('update_slipquestion', { sq_id: '999999', answer: 'tak' }), 'sq_id')
  })
})

describe('slipquestion, slipquestions', () => {
  it('answers id|question_id by default, with the deprecated sub-selector defaults', async () => {
    expect(await ok('slipquestion', { sq_id: SQ[Q.dorm] as string })).toEqual({
      id: SQ[Q.dorm],
      question_id: Q.dorm
    })
    expect(await sq(SQ[Q.dorm] as string, 'slip_id|slip|question')).toEqual({
      slip_id: s1,
      slip: { id: s1 },
      question: { id: Q.dorm, question: 'Czy opłaty za akademik są uregulowane?' }
    })
    const deprecated = await ok('slipquestion', {
      sq_id: SQ[Q.dorm] as string,
      fields: 'slip',
      slip_fields: 'id|state'
    })
    expect(deprecated).toEqual({ slip: { id: s1, state: 'active' } })
    const single = await sq(SQ[Q.dorm] as string, 'slip[connected_tpls[id]]')
    expect(single.slip.connected_tpls[0]).toEqual({ id: T.t1 })
  })

  it('dicts multiple ids, null for unknown or hidden ones', async () => {
    const hiddenSqs = await slip(hidden, 'questions[id]')
    const hiddenSq = (Object.values(hiddenSqs.questions)[0] as Array<{ id: string }>)[0]?.id as string
    const r = await ok('slipquestions', { sq_ids: `${SQ[Q.dorm]}|${hiddenSq}|999999` }, as('student'))
    expect(r).toEqual({
      [SQ[Q.dorm] as string]: { id: SQ[Q.dorm], question_id: Q.dorm },
      [hiddenSq]: null,
      '999999': null
    })
    const one = await inst.call('slips/slipquestion', { sq_id: hiddenSq }, as('student'))
    expect(one.status).toBe(403)
    expect(one.body).toMatchObject({ error: 'object_forbidden', param_name: 'sq_id' })
    const missing = await inst.call('slips/slipquestion', { sq_id: '999999' }, as('student'))
    expect(missing.body).toMatchObject({ error: 'object_not_found', param_name: 'sq_id' })
    const refused = await inst.call('slips/slipquestions', {
      sq_ids: SQ[Q.dorm] as string,
      fields: 'slip[connected_tpls]'
    })
    expect(refused.body).toMatchObject({ error: 'param_invalid', param_name: 'fields' })
  })
})

describe('to_be_answered', () => {
  it('lists unanswered slipquestions of active slips, id|slip(id|client)|question by default', async () => {
    const r = await ok('to_be_answered', { langpref: 'pl', num: '20' }, as('lecturer'))
    expect(typeof r.next_page).toBe('boolean')
    expect(r.items.length).toBeGreaterThan(0)
    for (const item of r.items) {
      expect(item).toEqual({
        id: expect.any(String),
        slip: { id: expect.any(String), client: USER },
        question: { id: expect.any(String), question: expect.stringMatching(/\?$/) }
      })
    }
    const all = await collect('lecturer')
    expect(all).toContain(SQ[Q.key])
  })

  it('drops answered ones unless answered after unanswered_before; drops closed slips', async () => {
    const now = new Date(Math.floor(testClock().getTime() / 1000) * 1000)
    inst.server.setNow(now)
    await succeed('update_slipquestion', { sq_id: SQ[Q.key] as string, answer: 'tak' }, as('lecturer'))
    expect(await collect('lecturer')).not.toContain(SQ[Q.key])
    expect(await collect('lecturer', { unanswered_before: '2000-01-01 00:00:00' })).toContain(SQ[Q.key])
    expect(await collect('lecturer', { unanswered_before: warsaw(now) })).not.toContain(SQ[Q.key])
    await succeed('update_slipquestion', { sq_id: SQ[Q.key] as string, answer: '' }, as('lecturer'))
    await succeed('update_slip', { slip_id: s1, state: 'closed' })
    expect(await collect('lecturer')).not.toContain(SQ[Q.key])
    await succeed('update_slip', { slip_id: s1, state: 'active' })
    expect(await collect('lecturer')).toContain(SQ[Q.key])
  })

  it('pages and orders', async () => {
    const first = await ok('to_be_answered', { langpref: 'pl', num: '1', fields: 'id' }, as('lecturer'))
    expect(first.items).toHaveLength(1)
    expect(first.next_page).toBe(true)
    const second = await ok(
      'to_be_answered',
      { langpref: 'pl', num: '1', start: '1', fields: 'id' },
      as('lecturer')
    )
    expect(second.items[0]).not.toEqual(first.items[0])
    const asc = await ok(
      'to_be_answered',
      { langpref: 'pl', num: '20', fields: 'slip[date_created]' },
      as('lecturer')
    )
    const dates = asc.items.map((i: { slip: { date_created: string } }) => i.slip.date_created)
    expect(dates).toEqual([...dates].sort())
    const desc = await ok(
      'to_be_answered',
      { langpref: 'en', num: '20', order_by: '-slip.date_created', fields: 'slip[date_created]' },
      as('lecturer')
    )
    const descDates = desc.items.map((i: { slip: { date_created: string } }) => i.slip.date_created)
    expect(descDates).toEqual([...descDates].sort().reverse())
    expect(
      (
        await inst.call(
          'slips/to_be_answered',
          { langpref: 'pl', order_by: 'slip.client|-question.question' },
          as('lecturer')
        )
      ).status
    ).toBe(200)
  })
})

/** Every slipquestion id to_be_answered lists for the user, page by page. */
async function collect(role: DemoRole, extra: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = []
  for (let start = 0; start < 100; start += 20) {
    const r = await ok(
      'to_be_answered',
      { langpref: 'pl', num: '20', start: String(start), fields: 'id', ...extra },
      as(role)
    )
    ids.push(...r.items.map((i: { id: string }) => i.id))
    if (!r.next_page) break
  }
  return ids
}

describe('search_slips', () => {
  it("answers ids by default and only the caller's slips", async () => {
    const r = await ok('search_slips', { langpref: 'pl', num: '20' }, as('student'))
    for (const item of r.items) expect(Object.keys(item)).toEqual(['id'])
    const detailed = await ok(
      'search_slips',
      { langpref: 'pl', num: '20', fields: 'id|client[id]|user_roles' },
      as('student')
    )
    expect(detailed.items.map((s: { id: string }) => s.id)).toContain(s1)
    expect(detailed.items.map((s: { id: string }) => s.id)).not.toContain(hidden)
    for (const s of detailed.items) {
      expect(s.client).toEqual({ id: demo.student })
      expect(s.user_roles).toContain('client')
    }
  })

  it('filters by role, issuer, client, state, template, faculty and programme', async () => {
    const mine = await ok(
      'search_slips',
      { langpref: 'pl', my_role: 'answerer', num: '20', fields: 'user_roles' },
      as('lecturer')
    )
    expect(mine.items.length).toBeGreaterThan(0)
    for (const s of mine.items) expect(s.user_roles).toContain('answerer')
    const byIssuer = await ok(
      'search_slips',
      {
        langpref: 'pl',
        issued_by: demo.template_admin,
        tpl_ids: T.t1,
        num: '20',
        fields: 'id|issuer[id]|template[id]'
      },
      as('administrator')
    )
    expect(byIssuer.items.map((s: { id: string }) => s.id)).toContain(s1)
    for (const s of byIssuer.items)
      expect(s).toMatchObject({ issuer: { id: demo.template_admin }, template: { id: T.t1 } })
    const forStudent = await ok(
      'search_slips',
      { langpref: 'pl', issued_for: demo.student, state: 'closed', num: '20', fields: 'client[id]|state' },
      as('administrator')
    )
    for (const s of forStudent.items) expect(s).toEqual({ client: { id: demo.student }, state: 'closed' })
    const byFac = await ok(
      'search_slips',
      { langpref: 'pl', fac_ids: facA, num: '20', fields: 'template[fac[id]]' },
      as('administrator')
    )
    expect(byFac.items.length).toBeGreaterThan(0)
    for (const s of byFac.items) expect(s.template.fac.id).toBe(facA)
    const withProg = await ok(
      'search_slips',
      { langpref: 'pl', num: '20', fields: 'student_programme' },
      as('administrator')
    )
    const prog = withProg.items
      .map((s: { student_programme: { programme: { id: string } } | null }) => s.student_programme)
      .find((p: unknown) => p)
    const byProg = await ok(
      'search_slips',
      { langpref: 'pl', programme_ids: prog.programme.id, num: '20', fields: 'student_programme' },
      as('administrator')
    )
    expect(byProg.items.length).toBeGreaterThan(0)
    for (const s of byProg.items)
      expect(s.student_programme.programme).toEqual({ id: prog.programme.id, description: LANG_DICT })
  })

  it('shows template_admin slips only with the slips_admin scope', async () => {
    const without = await ok(
      'search_slips',
      { langpref: 'pl', my_role: 'template_admin' },
      as('template_admin', ['slips'])
    )
    expect(without).toEqual({ items: [], next_page: false })
    const withScope = await ok(
      'search_slips',
      { langpref: 'pl', my_role: 'template_admin', fields: 'user_roles' },
      editor
    )
    expect(withScope.items.length).toBeGreaterThan(0)
    for (const s of withScope.items) expect(s.user_roles).toContain('template_admin')
  })

  it('orders by -date_created by default; pages', async () => {
    const byDefault = await ok(
      'search_slips',
      { langpref: 'pl', num: '20', fields: 'date_created' },
      as('administrator')
    )
    const dates = byDefault.items.map((s: { date_created: string }) => s.date_created)
    expect(dates).toEqual([...dates].sort().reverse())
    const asc = await ok(
      'search_slips',
      { langpref: 'pl', num: '20', order_by: 'date_created', fields: 'date_created' },
      as('administrator')
    )
    const ascDates = asc.items.map((s: { date_created: string }) => s.date_created)
    expect(ascDates).toEqual([...ascDates].sort())
    const byState = await ok(
      'search_slips',
      { langpref: 'pl', num: '20', order_by: 'state|-date_created', fields: 'state' },
      as('administrator')
    )
    const states = byState.items.map((s: { state: string }) => s.state)
    expect(states).toEqual([...states].sort())
    const page = await ok('search_slips', { langpref: 'pl', num: '3' }, as('administrator'))
    expect(page.items).toHaveLength(3)
    expect(page.next_page).toBe(true)
    const tpl = await ok(
      'search_slips',
      { langpref: 'pl', num: '1', fields: 'template' },
      as('administrator')
    )
    expect(Object.keys(tpl.items[0].template)).toEqual(['id'])
  })
})

describe('delete_slip', () => {
  it('deletes unanswered slips only, and only for issuers', async () => {
    await succeed('update_slipquestion', { sq_id: SQ[Q.key] as string, answer: 'tak' }, as('lecturer'))
    expect(await slip(s1, 'can_i_delete|why_cant_i_delete')).toEqual({
      can_i_delete: false,
      why_cant_i_delete: LANG_DICT
    })
    await expectWriteRefused('delete_slip', { slip_id: s1 })
    const fresh = (await succeed('issue_slip', { tpl_id: T.t1, client_user_id: demo.student })).slip_id
    await expectWriteRefused('delete_slip', { slip_id: fresh }, as('student'))
    await succeed('delete_slip', { slip_id: fresh })
    const gone = await inst.call('slips/slip', { slip_id: fresh }, editor)
    expect(gone.body).toMatchObject({ error: 'object_not_found', param_name: 'slip_id' })
    await expectWriteRefused('delete_slip', { slip_id: fresh }, editor, 'slip_id')
  })
})
