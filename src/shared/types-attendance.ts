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
