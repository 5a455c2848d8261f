/** Handlers of the clearance slips inbox (the answerer's side). */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
import type { OfficeHours } from '../../core/app/office-hours'
import { slipsInbox } from '../../core/office-hours/slips'

type SlipsHandlers = Pick<ApiHandlers, 'getSlipsInbox' | 'refreshSlips' | 'answerSlipQuestion'>

export function slipsHandlers(_ctx: AppContext, officeHours: OfficeHours): SlipsHandlers {
  return {
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
