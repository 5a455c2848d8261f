import type { CalendarItem, LangDict } from './types'

export interface ExamAttendeeView {
  userId: string
  firstName: string
  lastName: string
  studentNumber: string | null
}

export interface ExamGroupView {
  examId: string
  number: number
  start: string
  end: string
  room: string | null
  capacity: number | null
  attendeesCount: number | null
  slots: Array<{
    number: number
    capacity: number | null
    attendeesCount: number | null
    start: string | null
    end: string | null
  }>
  /** Office hours at the same time: a clash to sort out. */
  clashes: CalendarItem[]
}

export interface ExamView {
  id: string
  name: LangDict
  courseId: string | null
  termId: string | null
  sessionId: string | null
  session: { name: LangDict; status: string | null } | null
  registrationStart: string | null
  registrationEnd: string | null
  groups: ExamGroupView[]
}

/** One exam group with its attendee list, for the screen and the printed list. */
export interface ExamGroupDetails {
  exam: Omit<ExamView, 'groups'>
  group: ExamGroupView
  /** False when USOS would not list the attendees (only the coordinator sees them). */
  attendeesRead: boolean
  attendees: ExamAttendeeView[]
}
