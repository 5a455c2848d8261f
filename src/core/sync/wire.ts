/**
 * The shapes the sync reads from USOS, and the field selectors that ask for exactly them. Each
 * selector sits beside its type so the two cannot drift. Answers are checked as they are read
 * (`expect*`): a malformed answer becomes a clear `bad_response` error, never a half-written mirror.
 */
import { AppError } from '../../shared/errors'
import { fieldSelector } from '../usos/fields'
import type { LangDict } from '../../shared/types'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export interface WireUser {
  id: string
  first_name: string
  last_name: string
  student_number?: string | null
  titles?: { before: string | null; after: string | null } | null
}
const USER = { id: true, first_name: true, last_name: true, student_number: true, titles: true } as const
export const USER_FIELDS = fieldSelector(USER)

export interface WireMeeting {
  id: string
  name: LangDict | null
  comment: LangDict | null
  faculty: { id: string; name: LangDict | null } | null
  term: { id: string; name: LangDict | null; start_date: string | null; end_date: string | null } | null
  lecturer: { id: string } | null
  open: boolean | null
  state: string | null
  substantiation_mode: string | null
  auto_accept: boolean | null
  soonest_datetime: string | null
  /** The course groups assigned to the meeting (their students may attend). */
  groups: WireGroup[]
}

export interface WireGroup {
  course_unit_id: string
  group_number: number
  class_type: LangDict | null
  course_name: LangDict | null
  term_id: string | null
}
export const MEETING_FIELDS = fieldSelector({
  id: true,
  name: true,
  comment: true,
  faculty: { id: true, name: true },
  term: { id: true, name: true, start_date: true, end_date: true },
  lecturer: { id: true },
  open: true,
  state: true,
  substantiation_mode: true,
  auto_accept: true,
  soonest_datetime: true,
  groups: { course_unit_id: true, group_number: true, class_type: true, course_name: true, term_id: true }
})

export interface WireRoom {
  id: string
  number: string | null
  building_name: LangDict | null
  capacity: number | null
}

export interface WireMeetingDate {
  id: string
  meeting: { id: string }
  comment: LangDict | null
  start_time: string
  end_time: string
  registration_start_time: string | null
  registration_end_time: string | null
  seats_limit: number | null
  reserve_seats_limit: number | null
  registered_participants_count: number | null
  accepted_participants_count: number | null
  waiting_participants_count: number | null
  room: WireRoom | null
}
export const MEETING_DATE_FIELDS = fieldSelector({
  id: true,
  meeting: { id: true },
  comment: true,
  start_time: true,
  end_time: true,
  registration_start_time: true,
  registration_end_time: true,
  seats_limit: true,
  reserve_seats_limit: true,
  registered_participants_count: true,
  accepted_participants_count: true,
  waiting_participants_count: true,
  room: true
})

export interface WireSubstantiation {
  id: string
  name: LangDict | null
  message: LangDict | null
  type: string | null
}
const SUBSTANTIATION = { id: true, name: true, message: true, type: true } as const

export interface WireParticipant {
  id: string
  is_external: boolean
  user: WireUser | null
  external_first_name: string | null
  external_last_name: string | null
  external_email: string | null
  external_contact: string | null
  status: string
  is_reserve: boolean
  number_in_queue: number | null
  substantiation: WireSubstantiation | null
  rejection_substantiation: WireSubstantiation | null
  substantiation_message: string | null
  rejection_substantiation_message: string | null
  lecturer_actions: Json
  user_actions: Json
  /** The note instances (both kinds, by id) that USOS lists for the participant's user. */
  notes: WireNote[]
}
/** A note instance (services/meetings/note): both the private and the public note for one faculty and term. */
export interface WireNote {
  id: string
  faculty_id: string | null
  term_id: string | null
  creation_date: string | null
  private_note: string | null
  public_note: string | null
}
const NOTE = {
  id: true,
  faculty: { id: true },
  term: { id: true },
  creation_date: true,
  private_note: true,
  public_note: true
} as const
export const NOTE_FIELDS = fieldSelector(NOTE)
export const PARTICIPANT_FIELDS = fieldSelector({
  id: true,
  is_external: true,
  user: USER,
  external_first_name: true,
  external_last_name: true,
  external_email: true,
  external_contact: true,
  status: true,
  is_reserve: true,
  number_in_queue: true,
  substantiation: SUBSTANTIATION,
  rejection_substantiation: SUBSTANTIATION,
  substantiation_message: true,
  rejection_substantiation_message: true,
  lecturer_actions: true,
  user_actions: true,
  public_notes: NOTE,
  private_notes: NOTE
})

// --- checking answers ---------------------------------------------------------------------

function bad(what: string, detail: string): AppError {
  return new AppError('usos_error', `USOS answered ${what} in an unexpected shape: ${detail}`, {
    kind: 'bad_response'
  })
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

/** An id as USOS sends it (number or string), kept as a string. */
function id(v: unknown, what: string): string {
  if (typeof v === 'string' && v !== '') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  throw bad(what, `id ${JSON.stringify(v)}`)
}

export function expectList(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw bad(what, `expected a list, got ${v === null ? 'null' : typeof v}`)
  return v
}

export function langDict(v: unknown): LangDict | null {
  if (!isObject(v)) return null
  const pick = (x: unknown) => (typeof x === 'string' ? x : null)
  return { pl: pick(v.pl), en: pick(v.en) }
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null)
const datetime = (v: unknown, what: string): string | null => {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' && DATETIME.test(v)) return v
  throw bad(what, `datetime ${JSON.stringify(v)}`)
}

export function toUser(v: unknown): WireUser {
  if (!isObject(v)) throw bad('a user', 'not an object')
  const titles = isObject(v.titles) ? { before: str(v.titles.before), after: str(v.titles.after) } : null
  return {
    id: id(v.id, 'a user'),
    first_name: str(v.first_name) ?? '',
    last_name: str(v.last_name) ?? '',
    student_number: str(v.student_number),
    titles
  }
}

export function toMeeting(v: unknown): WireMeeting {
  if (!isObject(v)) throw bad('a meeting', 'not an object')
  const faculty = isObject(v.faculty)
    ? { id: id(v.faculty.id, 'a faculty'), name: langDict(v.faculty.name) }
    : null
  const term = isObject(v.term)
    ? {
        id: id(v.term.id, 'a term'),
        name: langDict(v.term.name),
        start_date: str(v.term.start_date),
        end_date: str(v.term.end_date)
      }
    : null
  return {
    id: id(v.id, 'a meeting'),
    name: langDict(v.name),
    comment: langDict(v.comment),
    faculty,
    term,
    lecturer: isObject(v.lecturer) ? { id: id(v.lecturer.id, 'a lecturer') } : null,
    open: bool(v.open),
    state: str(v.state),
    substantiation_mode: str(v.substantiation_mode),
    auto_accept: bool(v.auto_accept),
    soonest_datetime: datetime(v.soonest_datetime, 'a meeting'),
    // A group without its unit or number cannot be shown; it is left out rather than failing the sync.
    groups: (Array.isArray(v.groups) ? v.groups : []).flatMap((g): WireGroup[] => {
      if (!isObject(g)) return []
      const unit = str(g.course_unit_id)
      const number = num(g.group_number)
      if (unit === null || number === null) return []
      return [
        {
          course_unit_id: unit,
          group_number: number,
          class_type: langDict(g.class_type),
          course_name: langDict(g.course_name),
          term_id: str(g.term_id)
        }
      ]
    })
  }
}

export function toMeetingDate(v: unknown): WireMeetingDate {
  if (!isObject(v)) throw bad('a meeting date', 'not an object')
  const meeting = isObject(v.meeting)
    ? { id: id(v.meeting.id, 'a meeting') }
    : { id: id(v.meeting, 'a meeting') }
  const start = datetime(v.start_time, 'a meeting date')
  const end = datetime(v.end_time, 'a meeting date')
  if (start === null || end === null) throw bad('a meeting date', 'no start or end time')
  const room = isObject(v.room)
    ? {
        id: id(v.room.id, 'a room'),
        number: str(v.room.number),
        building_name: langDict(v.room.building_name),
        capacity: num(v.room.capacity)
      }
    : null
  return {
    id: id(v.id, 'a meeting date'),
    meeting,
    comment: langDict(v.comment),
    start_time: start,
    end_time: end,
    registration_start_time: datetime(v.registration_start_time, 'a meeting date'),
    registration_end_time: datetime(v.registration_end_time, 'a meeting date'),
    seats_limit: num(v.seats_limit),
    reserve_seats_limit: num(v.reserve_seats_limit),
    registered_participants_count: num(v.registered_participants_count),
    accepted_participants_count: num(v.accepted_participants_count),
    waiting_participants_count: num(v.waiting_participants_count),
    room
  }
}

function toSubstantiation(v: unknown): WireSubstantiation | null {
  if (!isObject(v)) return null
  return {
    id: id(v.id, 'a substantiation'),
    name: langDict(v.name),
    message: langDict(v.message),
    type: str(v.type)
  }
}

export function toParticipant(v: unknown): WireParticipant {
  if (!isObject(v)) throw bad('a participant', 'not an object')
  const status = str(v.status)
  if (!status) throw bad('a participant', 'no status')
  return {
    id: id(v.id, 'a participant'),
    is_external: v.is_external === true,
    user: isObject(v.user) ? toUser(v.user) : null,
    external_first_name: str(v.external_first_name),
    external_last_name: str(v.external_last_name),
    external_email: str(v.external_email),
    external_contact: str(v.external_contact),
    status,
    is_reserve: v.is_reserve === true,
    number_in_queue: num(v.number_in_queue),
    substantiation: toSubstantiation(v.substantiation),
    rejection_substantiation: toSubstantiation(v.rejection_substantiation),
    substantiation_message: str(v.substantiation_message),
    rejection_substantiation_message: str(v.rejection_substantiation_message),
    lecturer_actions: (v.lecturer_actions ?? null) as Json,
    user_actions: (v.user_actions ?? null) as Json,
    notes: participantNotes(v)
  }
}

export function toNote(v: unknown): WireNote {
  if (!isObject(v)) throw bad('a note', 'not an object')
  const ref = (x: unknown, what: string) => (isObject(x) ? id(x.id, what) : x == null ? null : id(x, what))
  return {
    id: id(v.id, 'a note'),
    faculty_id: ref(v.faculty, 'a note’s faculty'),
    term_id: ref(v.term, 'a note’s term'),
    creation_date: datetime(v.creation_date, 'a note'),
    private_note: str(v.private_note),
    public_note: str(v.public_note)
  }
}

/** public_notes and private_notes list the same note instances from two sides: merged by id. */
function participantNotes(v: Record<string, unknown>): WireNote[] {
  const byId = new Map<string, WireNote>()
  for (const key of ['public_notes', 'private_notes'] as const) {
    const list = v[key]
    if (list === undefined || list === null) continue
    for (const n of expectList(list, `a participant’s ${key}`).map(toNote)) {
      const seen = byId.get(n.id)
      byId.set(
        n.id,
        seen
          ? {
              ...seen,
              private_note: seen.private_note ?? n.private_note,
              public_note: seen.public_note ?? n.public_note
            }
          : n
      )
    }
  }
  return [...byId.values()]
}
