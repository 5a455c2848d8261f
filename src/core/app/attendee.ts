/**
 * The attendee side and colleagues' dates: read live from USOS (these are other people's data,
 * not the user's own mirror), each answer kept so the screens still show the last copy offline.
 * Sign-ups and sign-offs go through the outbox like every other write.
 */
import { compareNames } from '../../shared/locale-format'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { ActionResult, LangDict } from '../../shared/types'
import type {
  AttendeeMeetingView,
  AttendeeOverview,
  AvailableMeetingView,
  CartEntryView,
  Fetched,
  OpenDateView,
  PersonRef
} from '../../shared/types-attendee'
import { expectList, langDict } from '../sync/wire'
import { fieldSelector } from '../usos/fields'
import type { OfficeHours } from './office-hours'
import { liveRead } from './live-read'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null)
const dict = (v: unknown): LangDict => langDict(v) ?? { pl: null, en: null }

const PERSON = { id: true, first_name: true, last_name: true } as const
const DATE = {
  id: true,
  start_time: true,
  end_time: true,
  seats_limit: true,
  reserve_seats_limit: true,
  registered_participants_count: true,
  registration_end_time: true,
  room: { number: true },
  meeting: { id: true, name: true }
} as const
const MEETING = {
  id: true,
  name: true,
  open: true,
  can_i_attend: true,
  faculty: { id: true },
  lecturer: PERSON
} as const

function person(v: unknown): PersonRef | null {
  const o = obj(v)
  const id = o && str(o.id)
  return o && id ? { id, firstName: str(o.first_name) ?? '', lastName: str(o.last_name) ?? '' } : null
}

function openDate(v: unknown): OpenDateView {
  const o = obj(v)
  const id = o && str(o.id)
  const start = o && str(o.start_time)
  const end = o && str(o.end_time)
  if (!o || !id || !start || !end)
    throw new AppError('usos_error', 'USOS answered a meeting date in an unexpected shape.', {
      kind: 'bad_response'
    })
  const meeting = obj(o.meeting)
  return {
    id,
    meetingId: str(meeting?.id ?? o.meeting) ?? '',
    meetingName: dict(meeting?.name),
    start,
    end,
    room: str(obj(o.room)?.number),
    seatsLimit: num(o.seats_limit),
    reserveSeatsLimit: num(o.reserve_seats_limit),
    registeredCount: num(o.registered_participants_count),
    registrationEnd: str(o.registration_end_time),
    ...('can_i_sign_up' in o ? { canSignUp: bool(o.can_i_sign_up) } : {}),
    ...('user_status' in o ? { myStatus: str(o.user_status) } : {})
  }
}

function meeting(v: unknown): AvailableMeetingView {
  const o = obj(v)
  const id = o && str(o.id)
  if (!o || !id)
    throw new AppError('usos_error', 'USOS answered a meeting in an unexpected shape.', {
      kind: 'bad_response'
    })
  return {
    id,
    name: dict(o.name),
    lecturer: person(o.lecturer),
    facultyId: str(obj(o.faculty)?.id ?? o.faculty),
    open: bool(o.open),
    canAttend: bool(o.can_i_attend)
  }
}

function cartEntry(v: unknown): CartEntryView | null {
  const o = obj(v)
  const d = obj(o?.meeting_date)
  const id = o && str(o.id)
  if (!o || !id || !d) return null
  const date = openDate(d)
  return {
    participantId: id,
    dateId: date.id,
    meetingName: date.meetingName,
    start: date.start,
    end: date.end,
    status: str(o.status) ?? '',
    isReserve: o.is_reserve === true,
    numberInQueue: num(o.number_in_queue),
    substantiation: langDict(obj(o.substantiation)?.name)
  }
}

export class AttendeeService {
  constructor(private readonly officeHours: OfficeHours) {}

  private db(): Database.Database {
    return this.officeHours.mirror()
  }

  /** One USOS read, kept under `key`; offline, the kept copy (or a clear error when there is none). */
  private live<T>(key: string, read: () => Promise<T>): Promise<Fetched<T>> {
    return liveRead(this.db(), key, read)
  }

  private call<T>(method: string, params: Record<string, string | number | boolean>): Promise<T> {
    return this.officeHours.caller(this.officeHours.account()).call<T>(method, params)
  }

  /** A colleague and their open meeting dates. */
  async colleague(lecturerId: string): Promise<Fetched<{ lecturer: PersonRef; dates: OpenDateView[] }>> {
    return this.live(`colleague:${lecturerId}`, async () => {
      const [user, dates] = await Promise.all([
        this.call<unknown>('services/users/user', { user_id: lecturerId, fields: fieldSelector(PERSON) }),
        this.call<unknown>('services/meetings/open_meeting_dates', {
          lecturer_id: lecturerId,
          fields: fieldSelector(DATE)
        })
      ])
      const lecturer = person(user)
      if (!lecturer)
        throw new AppError('not_found', 'USOS knows no such person.', undefined, { key: 'noSuchPerson' })
      return {
        lecturer,
        dates: expectList(dates, 'open meeting dates')
          .map(openDate)
          .sort((a, b) => (a.start < b.start ? -1 : 1))
      }
    })
  }

  /** Lecturers the user may look up: those of the meetings open to them. */
  async lecturers(): Promise<PersonRef[]> {
    const overview = await this.overview()
    const seen = new Map<string, PersonRef>()
    for (const m of overview.value.available) if (m.lecturer) seen.set(m.lecturer.id, m.lecturer)
    return [...seen.values()].sort((a, b) => compareNames(a, b))
  }

  async overview(): Promise<Fetched<AttendeeOverview>> {
    return this.live('attendee:overview', async () => {
      const [available, courses, cart] = await Promise.all([
        this.call<unknown>('services/meetings/available_meetings', { fields: fieldSelector(MEETING) }),
        this.call<unknown>('services/meetings/courses_with_meetings', { fields: 'id|course_id|course_name' }),
        this.call<unknown>('services/meetings/cart', {
          fields: fieldSelector({
            id: true,
            status: true,
            is_reserve: true,
            number_in_queue: true,
            substantiation: { name: true },
            meeting_date: DATE
          })
        })
      ])
      return {
        available: expectList(available, 'available meetings').map(meeting),
        courses: expectList(courses, 'courses with meetings').flatMap((c) => {
          const o = obj(c)
          const id = o && str(o.id)
          return o && id ? [{ id, courseId: str(o.course_id), name: dict(o.course_name) }] : []
        }),
        cart: expectList(cart, 'the cart')
          .map(cartEntry)
          .filter((e): e is CartEntryView => e !== null)
          .sort((a, b) => (a.start < b.start ? -1 : 1))
      }
    })
  }

  /** The meetings of one of the user's courses (course_meetings), to open like the available ones. */
  async courseMeetings(courseId: string): Promise<Fetched<AvailableMeetingView[]>> {
    return this.live(`attendee:course:${courseId}`, async () =>
      expectList(
        await this.call<unknown>('services/meetings/course_meetings', {
          course_id: courseId,
          fields: fieldSelector(MEETING)
        }),
        'the course’s meetings'
      ).map(meeting)
    )
  }

  /** One meeting's dates as the attendee sees them (can I sign up, my status) and its substantiations. */
  async meeting(meetingId: string): Promise<Fetched<AttendeeMeetingView>> {
    return this.live(`attendee:meeting:${meetingId}`, async () => {
      const [m, dates] = await Promise.all([
        this.call<unknown>('services/meetings/meeting', {
          meeting_id: meetingId,
          fields: fieldSelector(MEETING)
        }),
        this.call<unknown>('services/meetings/meeting_all_dates', {
          meeting_id: meetingId,
          fields: `${fieldSelector(DATE)}|can_i_sign_up|user_status`
        })
      ])
      const view = meeting(m)
      const subs = view.facultyId
        ? await this.call<unknown>('services/meetings/get_meeting_substantiations', {
            fac_id: view.facultyId,
            fields: 'id|name|message'
          })
        : []
      return {
        meeting: view,
        dates: expectList(dates, 'the meeting’s dates')
          .map(openDate)
          .sort((a, b) => (a.start < b.start ? -1 : 1)),
        substantiations: expectList(subs, 'substantiations').flatMap((s) => {
          const o = obj(s)
          const id = o && str(o.id)
          return o && id ? [{ id, name: dict(o.name), message: dict(o.message) }] : []
        })
      }
    })
  }

  signUp(dateId: string, substantiationId: string, message?: string): Promise<ActionResult> {
    return this.officeHours.write('sign_up', {
      meeting_date_id: dateId,
      substantiation_id: substantiationId,
      ...(message ? { substantiation_message: message } : {})
    })
  }

  signOff(dateId: string, messageLang?: 'pl' | 'en'): Promise<ActionResult> {
    return this.officeHours.write('sign_off', {
      meeting_date_id: dateId,
      ...(messageLang ? { message_lang_code: messageLang } : {})
    })
  }
}
