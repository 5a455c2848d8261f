/**
 * The issuer's and the template admin's side of clearance slips through the API handlers on the
 * demo installation, with USOS's per-field messages on a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import type { ApiHandlers } from '../../../src/shared/api'
import { openDemoApp } from '../../helpers/demo-app'

const open: AppContext[] = []
async function as(role: 'lecturer' | 'template_admin'): Promise<ApiHandlers> {
  const { ctx, api } = openDemoApp()
  open.push(ctx)
  await api.startDemo(role === 'lecturer' ? {} : { role })
  return api
}
let admin: ApiHandlers
let issuer: ApiHandlers
beforeAll(async () => {
  admin = await as('template_admin')
  issuer = await as('lecturer')
}, 60_000)
afterAll(async () => {
  for (const ctx of open) {
    await ctx.demo?.stop()
    ctx.close()
  }
})

describe('the template admin', () => {
  it('creates a draft template, refuses a bad question with USOS’s message for that field, edits, reorders and deletes', async () => {
    const existing = await admin.listEditableTemplates({})
    const facultyId = existing[0]!.facultyId!
    const tpl = await admin.createSlipTemplate({ facultyId, name: 'Zwrot kluczy do pracowni', lang: 'pl' })
    expect(tpl).toMatchObject({ name: 'Zwrot kluczy do pracowni', state: 'draft', questions: [] })
    await expect(
      admin.addTemplateQuestion({ tplId: tpl.id, question: 'Klucze oddane' })
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { userMessages: { fields: { question: { pl: expect.stringMatching(/znakiem zapytania/) } } } }
    })
    await admin.addTemplateQuestion({ tplId: tpl.id, question: 'Czy oddano klucze?' })
    const two = await admin.addTemplateQuestion({ tplId: tpl.id, question: 'Czy oddano kartę dostępu?' })
    expect(two.questions.map((q) => q.question)).toEqual(['Czy oddano klucze?', 'Czy oddano kartę dostępu?'])
    const reordered = await admin.updateSlipTemplate({
      tplId: tpl.id,
      questionsOrder: two.questions.map((q) => q.id).reverse()
    })
    expect(reordered.questions.map((q) => q.question)).toEqual([
      'Czy oddano kartę dostępu?',
      'Czy oddano klucze?'
    ])
    // In a draft a question can be deleted outright, and the template too.
    expect(reordered.questions.every((q) => q.canDelete)).toBe(true)
    const one = await admin.deleteTemplateQuestion({ tplId: tpl.id, questionId: reordered.questions[0]!.id })
    expect(one.questions).toHaveLength(1)
    const connected = await admin.updateSlipTemplate({ tplId: tpl.id, connectedTplIds: [existing[0]!.id] })
    expect(connected.connectedTplIds).toEqual([existing[0]!.id])
    await admin.deleteSlipTemplate({ tplId: tpl.id })
    expect((await admin.listEditableTemplates({})).map((t) => t.id)).not.toContain(tpl.id)
  })

  it('reports the new question when USOS forks one whose meaning changed on an active template', async () => {
    const active = (await admin.listEditableTemplates({})).find(
      (t) => t.state === 'active' && t.questions.some((q) => !q.isObsolete)
    )!
    const q = active.questions.find((x) => !x.isObsolete)!
    const r = await admin.updateTemplateQuestion({
      tplId: active.id,
      questionId: q.id,
      question: `${q.question.replace(/\?$/, '')} (w tym semestrze)?`,
      isMeaningChanged: true
    })
    expect(r.forkedQuestionId).not.toBeNull()
    const old = r.template.questions.find((x) => x.id === q.id)
    const fork = r.template.questions.find((x) => x.id === r.forkedQuestionId)
    expect(old?.isObsolete).toBe(true)
    expect(fork?.question).toMatch(/w tym semestrze/)
    // Not changing the meaning edits in place.
    const same = await admin.updateTemplateQuestion({
      tplId: active.id,
      questionId: fork!.id,
      descForAnswerers: 'Sprawdź w systemie wypożyczeń.',
      isMeaningChanged: false
    })
    expect(same.forkedQuestionId).toBeNull()
    expect(same.template.questions.find((x) => x.id === fork!.id)?.descForAnswerers).toBe(
      'Sprawdź w systemie wypożyczeń.'
    )
  })
})

describe('the issuer', () => {
  it('issues a slip from an active template, comments, closes it and edits its questions and answerers', async () => {
    const templates = await issuer.issuableTemplates({})
    expect(templates.length).toBeGreaterThan(0)
    const slip = await issuer.issueSlip({ tplId: templates[0]!.id, clientUserId: '100002' })
    expect(slip).toMatchObject({
      state: 'active',
      client: { id: '100002' },
      template: { id: templates[0]!.id }
    })
    expect(slip.questions.length).toBeGreaterThan(0)
    expect((await issuer.listIssuedSlips({ state: 'active' })).map((s) => s.id)).toContain(slip.id)
    const commented = await issuer.updateIssuedSlip({
      slipId: slip.id,
      issuersComment: 'Proszę o szybkie rozliczenie.'
    })
    expect(commented.issuersComment).toBe('Proszę o szybkie rozliczenie.')
    const closed = await issuer.updateIssuedSlip({ slipId: slip.id, state: 'closed' })
    expect(closed.state).toBe('closed')
    const fewer = await issuer.updateIssuedSlip({
      slipId: slip.id,
      questionIds: slip.questions.slice(1).map((q) => q.questionId)
    })
    expect(fewer.questions.map((q) => q.questionId)).toEqual(slip.questions.slice(1).map((q) => q.questionId))
    await expect(
      issuer.issueSlip({ tplId: templates[0]!.id, clientUserId: '999999999' })
    ).rejects.toMatchObject({
      code: expect.stringMatching(/invalid_argument|usos_error/)
    })
  })
})

// Where USOS's documentation is silent the demo answers either way; the app must read both:
// issue_slip refused as a 4xx with user_messages (a real answer, jquery-usos doc/api/forms.md)
// or as HTTP 200 `success: false` (as the editing pages document), ids as numbers or strings.
describe.each([
  { ids: 'number', slipsRefusals: 'http_error' },
  { ids: 'string', slipsRefusals: 'success_false' }
] as const)(
  'an issuer on an installation answering ids as $ids, slip refusals as $slipsRefusals',
  (answers) => {
    let api: ApiHandlers
    beforeAll(async () => {
      const opened = openDemoApp(undefined, answers)
      open.push(opened.ctx)
      api = opened.api
      await api.startDemo({})
    }, 60_000)

    it('issues a slip, and a refused one carries USOS’s own message for the field at fault', async () => {
      const templates = await api.issuableTemplates({})
      const slip = await api.issueSlip({ tplId: templates[0]!.id, clientUserId: '100002' })
      expect(typeof slip.id).toBe('string')
      expect(slip.client?.id).toBe('100002')
      const refused = await api.issueSlip({ tplId: templates[0]!.id, clientUserId: '999999999' }).then(
        () => null,
        (e: unknown) => e
      )
      expect(refused).toMatchObject({
        code: 'invalid_argument',
        details: {
          kind: 'validation',
          userMessages: { fields: { client_user_id: { pl: expect.any(String) } } }
        }
      })
    })
  }
)
