/** Handlers of the clearance slips inbox (the answerer's side). */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
import type { OfficeHours } from '../../core/app/office-hours'
import { slipsInbox } from '../../core/office-hours/slips'
import { SlipsAdmin } from '../../core/app/slips-admin'

type SlipsHandlers = Pick<
  ApiHandlers,
  | 'getSlipsInbox'
  | 'refreshSlips'
  | 'answerSlipQuestion'
  | 'slipRoles'
  | 'listIssuedSlips'
  | 'issuableTemplates'
  | 'issueSlip'
  | 'updateIssuedSlip'
  | 'setExtraAnswerers'
  | 'listEditableTemplates'
  | 'createSlipTemplate'
  | 'updateSlipTemplate'
  | 'deleteSlipTemplate'
  | 'addTemplateQuestion'
  | 'updateTemplateQuestion'
  | 'deleteTemplateQuestion'
>

export function slipsHandlers(_ctx: AppContext, officeHours: OfficeHours): SlipsHandlers {
  const admin = new SlipsAdmin(officeHours)
  return {
    async slipRoles() {
      return slipsInbox(officeHours.mirror()).roles
    },
    async listIssuedSlips({ state }) {
      return admin.searchIssued(state)
    },
    async issuableTemplates() {
      return admin.issuableTemplates()
    },
    async issueSlip({ tplId, clientUserId }) {
      return admin.issue(tplId, clientUserId)
    },
    async updateIssuedSlip({ slipId, ...change }) {
      return admin.updateSlip(slipId, change)
    },
    async setExtraAnswerers({ sqId, userIds }) {
      await admin.setExtraAnswerers(sqId, userIds)
      return { saved: true as const }
    },
    async listEditableTemplates() {
      return admin.editableTemplates()
    },
    async createSlipTemplate({ facultyId, name, lang }) {
      return admin.createTemplate(facultyId, name, lang)
    },
    async updateSlipTemplate({ tplId, ...change }) {
      return admin.updateTemplate(tplId, change)
    },
    async deleteSlipTemplate({ tplId }) {
      await admin.deleteTemplate(tplId)
      return { deleted: true as const }
    },
    async addTemplateQuestion({ tplId, question }) {
      return admin.addQuestion(tplId, question)
    },
    async updateTemplateQuestion({ tplId, questionId, ...change }) {
      return admin.updateQuestion(tplId, questionId, change)
    },
    async deleteTemplateQuestion({ tplId, questionId }) {
      return admin.deleteQuestion(tplId, questionId)
    },
    async getSlipsInbox() {
      return slipsInbox(officeHours.mirror())
    },
    async refreshSlips() {
      await officeHours.refreshSlips()
      return slipsInbox(officeHours.mirror())
    },
    async answerSlipQuestion({ sqId, answer }) {
      const result = await officeHours.write('answer_slipquestion', { sq_id: sqId, answer })
      // The answer's status is USOS's to compute: read the inbox again once the answer is through.
      if (result.outcome === 'done') await officeHours.refreshSlips().catch(() => undefined)
      return { result, inbox: slipsInbox(officeHours.mirror()) }
    }
  }
}
