/** Handlers of the attendee side (available meetings, sign-ups) and colleagues' open dates. */
import type { ApiHandlers } from '../../shared/api'
import type { AppContext } from '../../core/app/context'
import { AttendeeService } from '../../core/app/attendee'
import type { OfficeHours } from '../../core/app/office-hours'

type AttendeeHandlers = Pick<
  ApiHandlers,
  | 'attendeeOverview'
  | 'attendeeMeeting'
  | 'attendeeCourseMeetings'
  | 'colleagueLecturers'
  | 'colleagueDates'
  | 'signUpForDate'
  | 'signOffFromDate'
>

export function attendeeHandlers(_ctx: AppContext, officeHours: OfficeHours): AttendeeHandlers {
  const attendee = new AttendeeService(officeHours)
  return {
    async attendeeOverview() {
      return attendee.overview()
    },
    async attendeeMeeting({ meetingId }) {
      return attendee.meeting(meetingId)
    },
    async attendeeCourseMeetings({ courseId }) {
      return attendee.courseMeetings(courseId)
    },
    async colleagueLecturers() {
      return attendee.lecturers()
    },
    async colleagueDates({ lecturerId }) {
      return attendee.colleague(lecturerId)
    },
    async signUpForDate({ meetingDateId, substantiationId, message }) {
      return attendee.signUp(meetingDateId, substantiationId, message)
    },
    async signOffFromDate({ meetingDateId, messageLang }) {
      return attendee.signOff(meetingDateId, messageLang)
    }
  }
}
