/** Handlers of the meetings list, the notes editor and sync control (see api.ts). */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
import { NotesService } from '../../core/app/notes'
import type { OfficeHours } from '../../core/app/office-hours'
import { listMeetings, meetingView } from '../../core/office-hours/meetings'

type MeetingsHandlers = Pick<
  ApiHandlers,
  | 'cancelSync'
  | 'listMeetings'
  | 'getMeeting'
  | 'getStudentNotes'
  | 'saveNoteDraft'
  | 'discardNoteDraft'
  | 'saveNote'
  | 'deleteNote'
>

export function meetingsHandlers(_ctx: AppContext, officeHours: OfficeHours): MeetingsHandlers {
  const notes = new NotesService(officeHours)
  const scopeOf = (i: { userId: string; facultyId: string; termId: string }) => ({
    userId: i.userId,
    facultyId: i.facultyId,
    termId: i.termId
  })
  return {
    async cancelSync() {
      return { cancelled: officeHours.cancelSync() }
    },
    async listMeetings() {
      return listMeetings(officeHours.mirror(), officeHours.localNow())
    },
    async getMeeting({ meetingId }) {
      return meetingView(officeHours.mirror(), meetingId, officeHours.localNow())
    },
    async getStudentNotes(input) {
      return notes.open(scopeOf(input), { live: input.live ?? false })
    },
    async saveNoteDraft(input) {
      return notes.draft(scopeOf(input), input.noteType, input.content)
    },
    async discardNoteDraft(input) {
      return notes.discardDraft(scopeOf(input), input.noteType)
    },
    async saveNote(input) {
      return notes.save(scopeOf(input), input.noteType, input.content)
    },
    async deleteNote(input) {
      return notes.remove(scopeOf(input), input.noteType)
    }
  }
}
