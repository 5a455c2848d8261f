import type { ParticipantListName } from './participant-lists'

/** Attendance at a meeting date: kept on this computer only (USOS has no method for it). */
export type AttendanceState = 'present' | 'absent' | 'late'

export interface AttendanceRowView {
  participant_id: string
  user_id: string | null
  first_name: string
  last_name: string
  list: 'main' | 'reserve'
  status: string
  attendance: AttendanceState | null
}

export interface AttendanceSummaryView {
  user_id: string
  /** Present or late. */
  attended: number
  present: number
  late: number
  absent: number
  /** Dates with this student's attendance marked. */
  marked: number
}

/** One student's attendance over all the dates of a meeting (a row of the meeting's attendance CSV). */
export interface MeetingAttendanceRowView {
  /** Null for an outside person (not a USOS user). */
  user_id: string | null
  first_name: string
  last_name: string
  student_number: string | null
  present: number
  late: number
  absent: number
  /** Present or late. */
  attended: number
  /** Dates with this person's attendance marked. */
  marked: number
}

/** The contact data of the participants on the chosen lists (for copying or a mailto: in BCC). */
export interface ContactsView {
  people: Array<{
    participantId: string
    name: string
    list: ParticipantListName
    email: string | null
    /** An outside person's contact data as typed at sign-up. */
    contact: string | null
  }>
  /** Every address found, once. */
  emails: string[]
  /** Whether the sign-in has USOS's `email` scope (without it USOS gives no student's address). */
  emailScope: boolean
  /** `mailto:?bcc=...`, or null when there is no address. */
  mailto: string | null
}

/** Someone new on a date's lists, or moved up from the reserve list, as a sync found. */
export interface ParticipantChangeView {
  participantId: string
  meetingDateId: string
  name: string
  firstName: string
  lastName: string
  /** The date's start, USOS wall-clock time (Europe/Warsaw). */
  start: string
  list: 'main' | 'reserve'
}

export interface ParticipantChangesView {
  signedUp: ParticipantChangeView[]
  promoted: ParticipantChangeView[]
}
