/** Handlers of the term planner and the faculty free days (see api.ts, "planner"). */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
import type { OfficeHours } from '../../core/app/office-hours'
import { buildDraftIcs } from '../../core/export/ics'
import { draftCsv, draftHtml } from '../../core/export/drafts'
import {
  deleteDraft,
  draftsInRange,
  getDraft,
  listDrafts,
  previewDraft,
  saveDraft
} from '../../core/planner/drafts'
import { matchDraftWithUsos, usosWebParameters } from '../../core/planner/usos-match'
import { plannerOptions } from '../../core/planner/options'
import { copyDraftToTerm } from '../../core/planner/copy'
import { usosDateTime } from '../../core/schedule/timed'
import { addFreeDay, importFreeDays, listFreeDays, removeFreeDay } from '../../core/planner/free-days'
import { printThrough, printedAt, type HandlerHooks } from './hooks'

type PlannerHandlers = Pick<
  ApiHandlers,
  | 'plannerOptions'
  | 'listFreeDays'
  | 'addFreeDay'
  | 'removeFreeDay'
  | 'importFreeDays'
  | 'listDrafts'
  | 'previewDraft'
  | 'saveDraft'
  | 'deleteDraft'
  | 'copyDraft'
  | 'matchDraftWithUsos'
  | 'draftsRange'
  | 'exportDraft'
  | 'printDraft'
>

const fileSafe = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'draft'

export function plannerHandlers(
  ctx: AppContext,
  officeHours: OfficeHours,
  hooks: HandlerHooks
): PlannerHandlers {
  const db = () => officeHours.mirror()
  return {
    async plannerOptions() {
      return plannerOptions(db(), usosDateTime(ctx.now()).slice(0, 10))
    },
    async listFreeDays({ facultyId }) {
      return listFreeDays(db(), facultyId)
    },
    async addFreeDay({ facultyId, day, reason }) {
      addFreeDay(db(), facultyId, day, reason)
      return listFreeDays(db(), facultyId)
    },
    async removeFreeDay({ facultyId, day }) {
      removeFreeDay(db(), facultyId, day)
      return listFreeDays(db(), facultyId)
    },
    async importFreeDays({ facultyId, icsText }) {
      return importFreeDays(db(), facultyId, icsText)
    },
    async listDrafts() {
      return listDrafts(db())
    },
    async previewDraft({ id, draft }) {
      return previewDraft(db(), { ...draft, ...(id ? { id } : {}) })
    },
    async saveDraft({ id, draft }) {
      return saveDraft(db(), draft, id, ctx.now())
    },
    async deleteDraft({ id }) {
      deleteDraft(db(), id)
      return listDrafts(db())
    },
    async copyDraft({ id, termId, language }) {
      return copyDraftToTerm(db(), id, termId, language, ctx.now())
    },
    async matchDraftWithUsos({ id }) {
      return { match: matchDraftWithUsos(db(), id), parameters: usosWebParameters(db(), getDraft(db(), id)) }
    },
    async draftsRange({ from, to }) {
      return draftsInRange(db(), from, to)
    },
    async exportDraft({ id, format, language }) {
      const draft = getDraft(db(), id)
      const preview = previewDraft(db(), draft)
      const base = `${fileSafe(draft.name)}-${draft.startDate}`
      if (format === 'ics') {
        const { text } = buildDraftIcs(db(), draft, preview.dates, {
          uidDomain: new URL(officeHours.account().baseUrl).hostname,
          language
        })
        return { fileName: `${base}.ics`, text, mimeType: 'text/calendar;charset=utf-8' }
      }
      if (format === 'csv')
        return {
          fileName: `${base}.csv`,
          text: draftCsv(preview, language),
          mimeType: 'text/csv;charset=utf-8'
        }
      return {
        fileName: `${base}.html`,
        text: draftHtml(preview, language, printedAt(ctx.now(), language)),
        mimeType: 'text/html;charset=utf-8'
      }
    },
    async printDraft({ id, language, pdf }) {
      const draft = getDraft(db(), id)
      return printThrough(
        hooks,
        draftHtml(previewDraft(db(), draft), language, printedAt(ctx.now(), language)),
        {
          pdf: pdf === true,
          title: draft.name
        }
      )
    }
  }
}
