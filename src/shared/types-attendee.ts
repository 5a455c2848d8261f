import type { LangDict, SubstantiationView } from './types'

/** Something read live from USOS, or (offline) the copy kept from the last time it was read. */
export interface Fetched<T> {
  value: T
  /** ISO time of the read. */
  fetchedAt: string
  /** False when USOS could not be reached and the stored copy is shown. */
  live: boolean
}

export interface PersonRef {
  id: string
  firstName: string
  lastName: string
}

export interface OpenDateView {
  id: string
  meetingId: string
  meetingName: LangDict
  start: string
  end: string
  room: string | null
  seatsLimit: number | null
  reserveSeatsLimit: number | null
  registeredCount: number | null
  registrationEnd: string | null
  /** Attendee side only. */
  canSignUp?: boolean | null
  myStatus?: string | null
}

export interface AvailableMeetingView {
  id: string
  name: LangDict
  lecturer: PersonRef | null
  facultyId: string | null
  open: boolean | null
  canAttend: boolean | null
}

export interface CartEntryView {
  participantId: string
  dateId: string
  meetingName: LangDict
  start: string
  end: string
  status: string
  isReserve: boolean
  numberInQueue: number | null
  substantiation: LangDict | null
}

export interface AttendeeOverview {
  available: AvailableMeetingView[]
  courses: Array<{ id: string; courseId: string | null; name: LangDict }>
  cart: CartEntryView[]
}

export interface AttendeeMeetingView {
  meeting: AvailableMeetingView
  dates: OpenDateView[]
  substantiations: SubstantiationView[]
}
