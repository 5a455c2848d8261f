/** Handlers of the exams screens: exams examined, a group's attendees, printed and as CSV. */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
import { AppError } from '../../shared/errors'
import type { ExamGroupDetails } from '../../shared/types-exams'
import type { OfficeHours } from '../../core/app/office-hours'
import { examAttendeesCsv, examAttendeesHtml } from '../../core/export/exam-attendees'
import { examGroupDetails, listAdministeredSessions, listExams } from '../../core/office-hours/exams'
import { batchExamRegistration } from '../../core/app/exam-batch'
import { printThrough, printedAt, type HandlerHooks } from './hooks'

type ExamsHandlers = Pick<
  ApiHandlers,
  | 'listExams'
  | 'listAdministeredExams'
  | 'getExamGroup'
  | 'exportExamAttendees'
  | 'printExamAttendees'
  | 'batchExamRegistration'
>

/** One slot's list needs the slot to exist and USOS to have said who sits in it. */
function checkSlot(d: ExamGroupDetails, slotNumber: number | undefined): void {
  if (slotNumber === undefined) return
  if (!d.group.slots.some((s) => s.number === slotNumber))
    throw new AppError('not_found', `Group ${d.group.number} has no slot ${slotNumber}.`, undefined, {
      key: 'noSuchSlot',
      params: { group: String(d.group.number), slot: String(slotNumber) }
    })
  if (!d.slotsRead)
    throw new AppError(
      'invalid_argument',
      'USOS lists who sits in which slot to administrative consumer keys only; print the whole group instead.',
      undefined,
      { key: 'slotsNeedAdminKey' }
    )
}

export function examsHandlers(ctx: AppContext, officeHours: OfficeHours, hooks: HandlerHooks): ExamsHandlers {
  const details = (examId: string, groupNumber: number) =>
    examGroupDetails(officeHours.mirror(), examId, groupNumber)
  return {
    async listExams() {
      return listExams(officeHours.mirror())
    },
    async listAdministeredExams() {
      return listAdministeredSessions(officeHours.mirror())
    },
    async getExamGroup({ examId, groupNumber }) {
      return details(examId, groupNumber)
    },
    async exportExamAttendees({ examId, groupNumber, slotNumber, format, language }) {
      const d = details(examId, groupNumber)
      checkSlot(d, slotNumber)
      const slot = slotNumber === undefined ? '' : `-slot-${slotNumber}`
      const base = `exam-${examId}-group-${groupNumber}${slot}-${d.group.start.slice(0, 10)}`
      return format === 'csv'
        ? {
            fileName: `${base}.csv`,
            text: examAttendeesCsv(d, language, slotNumber),
            mimeType: 'text/csv;charset=utf-8'
          }
        : {
            fileName: `${base}.html`,
            text: examAttendeesHtml(d, language, printedAt(ctx.now(), language), slotNumber),
            mimeType: 'text/html;charset=utf-8'
          }
    },
    async batchExamRegistration(input) {
      return batchExamRegistration(officeHours, input)
    },
    async printExamAttendees({ examId, groupNumber, slotNumber, language, pdf }) {
      const d = details(examId, groupNumber)
      checkSlot(d, slotNumber)
      const name = d.exam.name[language] ?? d.exam.name.pl ?? ''
      return printThrough(hooks, examAttendeesHtml(d, language, printedAt(ctx.now(), language), slotNumber), {
        pdf: pdf === true,
        title: `${d.group.start.slice(0, 10)} ${name}`.trim()
      })
    }
  }
}
