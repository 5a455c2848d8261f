/** Handlers of the exams screens: exams examined, a group's attendees, printed and as CSV. */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
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

export function examsHandlers(
  _ctx: AppContext,
  officeHours: OfficeHours,
  hooks: HandlerHooks
): ExamsHandlers {
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
    async exportExamAttendees({ examId, groupNumber, format, language }) {
      const d = details(examId, groupNumber)
      const base = `exam-${examId}-group-${groupNumber}-${d.group.start.slice(0, 10)}`
      return format === 'csv'
        ? { fileName: `${base}.csv`, text: examAttendeesCsv(d, language), mimeType: 'text/csv;charset=utf-8' }
        : {
            fileName: `${base}.html`,
            text: examAttendeesHtml(d, language, printedAt()),
            mimeType: 'text/html;charset=utf-8'
          }
    },
    async batchExamRegistration(input) {
      return batchExamRegistration(officeHours, input)
    },
    async printExamAttendees({ examId, groupNumber, language, pdf }) {
      const d = details(examId, groupNumber)
      const name = d.exam.name[language] ?? d.exam.name.pl ?? ''
      return printThrough(hooks, examAttendeesHtml(d, language, printedAt()), {
        pdf: pdf === true,
        title: `${d.group.start.slice(0, 10)} ${name}`.trim()
      })
    }
  }
}
