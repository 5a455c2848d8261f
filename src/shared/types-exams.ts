import type { CalendarItem, LangDict } from './types'

export interface ExamAttendeeView {
  userId: string
  firstName: string
  lastName: string
  studentNumber: string | null
  /** The slot they sit in, where USOS says (`slotsRead`). */
  slotNumber: number | null
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
  /** Whether the user examines this group (else it is shown as one of an administered exam). */
  examiner: boolean
  /** Office hours at the same time: a clash to sort out (examined groups only). */
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
  /** The user examines some of its groups. */
  examined: boolean
  /** Its examination session is one the user administers. */
  administered: boolean
  /** Which exam reports a student must have passed to register (and with which grade at least). */
  conditions: AdmissionConditionView[]
  groups: ExamGroupView[]
}

export interface AdmissionConditionView {
  examrepId: string
  /** The exam report's type, e.g. "Zaliczenie ćwiczeń". */
  examrep: LangDict
  /** At least this grade; null: any passing grade. */
  grade: { symbol: string; name: LangDict } | null
}

/** An examination session the user administers, with all its exams. */
export interface AdministeredSessionView {
  id: string
  name: LangDict
  status: string | null
  faculty: { id: string | null; name: LangDict }
  exams: ExamView[]
}

/** One exam group with its attendee list, for the screen and the printed list. */
export interface ExamGroupDetails {
  exam: Omit<ExamView, 'groups'>
  group: ExamGroupView
  /** False when USOS would not list the attendees (only the coordinator sees them). */
  attendeesRead: boolean
  /** Whether each attendee's slot is known (USOS lists slot attendees to administrative keys only). */
  slotsRead: boolean
  attendees: ExamAttendeeView[]
}
