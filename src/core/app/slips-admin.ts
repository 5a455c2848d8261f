/**
 * The issuer's and the template admin's side of clearance slips. These are edits of shared
 * documents that USOS validates (its `success: false` answers carry localized messages per field),
 * so they go to USOS directly and need the network; the answerer's inbox is the offline part.
 */
import { AppError } from '../../shared/errors'
import type { IssuedSlipView, TemplateView } from '../../shared/types-slips-admin'
import { isUsosError } from '../usos/errors'
import { langDict } from '../sync/wire'
import type { OfficeHours } from './office-hours'

type Obj = Record<string, unknown>
type Params = Record<string, string | number | boolean>
const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

const SLIP_FIELDS =
  'id|state|date_created|issuers_comment|can_i_edit|why_cant_i_edit|client[id|first_name|last_name]|template[id|name]|questions[id|answer_status|question[id|question]]'
const TEMPLATE_FIELDS =
  'id|name|state|fac[id]|can_i_edit|connected_tpl_ids|questions[id|question|desc_for_answerers|quick_answers|is_obsolete|can_i_delete]'

export function toIssuedSlip(v: unknown): IssuedSlipView {
  const o = obj(v)
  const id = o && str(o.id)
  if (!o || !id)
    throw new AppError('usos_error', 'USOS answered a slip in an unexpected shape.', { kind: 'bad_response' })
  const client = obj(o.client)
  const tpl = obj(o.template)
  // `questions` groups the slip's questions by template: {tpl_id: [slipquestion...]} or a list.
  const groups = obj(o.questions) ? Object.values(o.questions as Obj) : list(o.questions)
  const questions = groups.flatMap((g) =>
    Array.isArray(g) ? g : list(obj(g)?.slipquestions ?? obj(g)?.questions)
  )
  return {
    id,
    state: str(o.state) ?? '',
    dateCreated: str(o.date_created),
    issuersComment: str(o.issuers_comment),
    client:
      client && str(client.id)
        ? {
            id: str(client.id)!,
            firstName: str(client.first_name) ?? '',
            lastName: str(client.last_name) ?? ''
          }
        : null,
    template: tpl && str(tpl.id) ? { id: str(tpl.id)!, name: str(tpl.name) ?? '' } : null,
    canEdit: o.can_i_edit === true,
    whyCantEdit: langDict(o.why_cant_i_edit),
    questions: questions.flatMap((q) => {
      const x = obj(q)
      const sqId = x && str(x.id)
      if (!x || !sqId) return []
      const question = obj(x.question)
      return [
        {
          sqId,
          questionId: str(x.question_id ?? question?.id) ?? '',
          question: str(question?.question) ?? '',
          answerStatus: str(x.answer_status)
        }
      ]
    })
  }
}

export function toTemplate(v: unknown): TemplateView {
  const o = obj(v)
  const id = o && str(o.id)
  if (!o || !id)
    throw new AppError('usos_error', 'USOS answered a template in an unexpected shape.', {
      kind: 'bad_response'
    })
  return {
    id,
    name: str(o.name) ?? '',
    state: str(o.state) ?? '',
    facultyId: str(obj(o.fac)?.id),
    canEdit: o.can_i_edit === true,
    connectedTplIds: list(o.connected_tpl_ids).map((x) => String(x)),
    questions: list(o.questions).flatMap((q) => {
      const x = obj(q)
      const qid = x && str(x.id)
      if (!x || !qid) return []
      return [
        {
          id: qid,
          question: str(x.question) ?? '',
          descForAnswerers: str(x.desc_for_answerers),
          quickAnswers: str(x.quick_answers) ?? '',
          isObsolete: x.is_obsolete === true,
          canDelete: x.can_i_delete === true
        }
      ]
    })
  }
}

export class SlipsAdmin {
  constructor(private readonly officeHours: OfficeHours) {}

  /** One USOS call; a `success: false` answer becomes an error carrying USOS's messages per field. */
  private async call(method: string, params: Params): Promise<Obj> {
    const account = await this.officeHours.ready(this.officeHours.account())
    try {
      const answer = await this.officeHours.caller(account).call<unknown>(`services/slips/${method}`, params)
      return obj(answer) ?? { items: answer }
    } catch (error) {
      if (isUsosError(error) && error.userMessages) {
        const m = error.userMessages
        throw new AppError('invalid_argument', m.generic?.pl ?? m.generic?.en ?? error.message, {
          kind: 'validation',
          userMessages: m
        })
      }
      throw error
    }
  }

  async searchIssued(state?: 'active' | 'closed'): Promise<IssuedSlipView[]> {
    const r = await this.call('search_slips', {
      langpref: 'pl',
      my_role: 'issuer',
      ...(state ? { state } : {}),
      num: 20,
      fields: SLIP_FIELDS
    })
    return list(r.items).map(toIssuedSlip)
  }

  async slip(slipId: string): Promise<IssuedSlipView> {
    return toIssuedSlip(await this.call('slip', { slip_id: slipId, fields: `${SLIP_FIELDS}` }))
  }

  async issuableTemplates(): Promise<Array<{ id: string; name: string }>> {
    const r = await this.call('search_templates', {
      langpref: 'pl',
      issuable_only: true,
      num: 20,
      fields: 'id|name'
    })
    return list(r.items).flatMap((t) => {
      const o = obj(t)
      return o && str(o.id) ? [{ id: str(o.id)!, name: str(o.name) ?? '' }] : []
    })
  }

  /** Issues a slip (USOS creates it closed) and opens it, unless asked to keep it closed for editing. */
  async issue(tplId: string, clientUserId: string, open = true): Promise<IssuedSlipView> {
    const r = await this.call('issue_slip', { tpl_id: tplId, client_user_id: clientUserId })
    const slipId = str(r.slip_id)
    if (!slipId)
      throw new AppError('usos_error', 'USOS did not say which slip it issued.', { kind: 'bad_response' })
    if (open) await this.call('update_slip', { slip_id: slipId, state: 'active' })
    return this.slip(slipId)
  }

  async updateSlip(
    slipId: string,
    change: { state?: 'active' | 'closed'; issuersComment?: string; questionIds?: string[] }
  ): Promise<IssuedSlipView> {
    await this.call('update_slip', {
      slip_id: slipId,
      ...(change.state ? { state: change.state } : {}),
      ...(change.issuersComment !== undefined ? { issuers_comment: change.issuersComment } : {}),
      ...(change.questionIds ? { question_ids: change.questionIds.join('|') } : {})
    })
    return this.slip(slipId)
  }

  async setExtraAnswerers(sqId: string, userIds: string[]): Promise<void> {
    await this.call('update_slipquestion', { sq_id: sqId, extra_answerers: userIds.join('|') })
  }

  async editableTemplates(): Promise<TemplateView[]> {
    const r = await this.call('search_templates', {
      langpref: 'pl',
      editable_only: true,
      num: 20,
      fields: TEMPLATE_FIELDS
    })
    return list(r.items).map(toTemplate)
  }

  async template(tplId: string): Promise<TemplateView> {
    return toTemplate(await this.call('template', { tpl_id: tplId, fields: TEMPLATE_FIELDS }))
  }

  async createTemplate(facultyId: string, name: string, lang: 'pl' | 'en'): Promise<TemplateView> {
    const r = await this.call('create_template', { fac_id: facultyId, name, lang })
    return this.template(str(r.tpl_id) ?? '')
  }

  async updateTemplate(
    tplId: string,
    change: { name?: string; state?: string; questionsOrder?: string[]; connectedTplIds?: string[] }
  ): Promise<TemplateView> {
    await this.call('update_template', {
      tpl_id: tplId,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.state ? { state: change.state } : {}),
      ...(change.questionsOrder ? { questions_order: change.questionsOrder.join('|') } : {}),
      ...(change.connectedTplIds ? { connected_tpl_ids: change.connectedTplIds.join('|') } : {})
    })
    return this.template(tplId)
  }

  async deleteTemplate(tplId: string): Promise<void> {
    await this.call('delete_template', { tpl_id: tplId })
  }

  async addQuestion(tplId: string, question: string): Promise<TemplateView> {
    await this.call('add_question', { tpl_id: tplId, question })
    return this.template(tplId)
  }

  /**
   * Edits a question. On a template that is not a draft the user says whether the meaning changed;
   * USOS may then fork the question: the answer names the new one, which the user is told about.
   */
  async updateQuestion(
    tplId: string,
    questionId: string,
    change: {
      question?: string
      descForAnswerers?: string
      quickAnswers?: string
      isObsolete?: boolean
      isMeaningChanged?: boolean
    }
  ): Promise<{ template: TemplateView; forkedQuestionId: string | null }> {
    const r = await this.call('update_question', {
      question_id: questionId,
      ...(change.question !== undefined ? { question: change.question } : {}),
      ...(change.descForAnswerers !== undefined ? { desc_for_answerers: change.descForAnswerers } : {}),
      ...(change.quickAnswers !== undefined ? { quick_answers: change.quickAnswers } : {}),
      ...(change.isObsolete !== undefined ? { is_obsolete: change.isObsolete } : {}),
      ...(change.isMeaningChanged !== undefined ? { is_meaning_changed: change.isMeaningChanged } : {})
    })
    const forked = str(r.question_id)
    return {
      template: await this.template(tplId),
      forkedQuestionId: forked && forked !== questionId ? forked : null
    }
  }

  async deleteQuestion(tplId: string, questionId: string): Promise<TemplateView> {
    await this.call('delete_question', { question_id: questionId })
    return this.template(tplId)
  }
}
