import { stmt } from '../../support/statements'
import { FREQUENCIES, GenerateParamError, generateMeetingDates, type Frequency } from './generate'
import { invalid } from '../../framework/params'
import { UsosApiError, type CallContext, type Json, type MethodDef } from '../../framework/types'
import { addDaysToDay, warsawToday } from '../../framework/time'
import { isStaff, notFound, nowUsos, requireStaff } from './rules'
import {
  dateById,
  facultyWithParents,
  meetingById,
  participantById,
  substantiationById,
  type DateRow,
  type MeetingRow,
  type ParticipantRow
} from './rows'
import { canAttend } from './types'

const MEETING_DEFAULT = 'id|name|comment|open'
const DATE_DEFAULT =
  'id|comment|start_time|end_time|registration_start_time|registration_end_time|seats_limit|reserve_seats_limit|meeting'

const list = <T>(ctx: CallContext, typeName: string, rows: T[], def: string): Json => {
  const selector = ctx.fields(typeName, def, { listMethod: true })
  return rows.map((r) => ctx.select(typeName, r, selector))
}
const one = <T>(
  ctx: CallContext,
  typeName: string,
  row: T | null,
  def: string,
  param: string,
  what: string
): Json => {
  const selector = ctx.fields(typeName, def)
  if (!row) throw notFound(param, what)
  return ctx.select(typeName, row, selector)
}
const many = <T>(
  ctx: CallContext,
  typeName: string,
  param: string,
  load: (id: string) => T | null,
  def: string
): Json => {
  const ids = ctx.params.list(param, { required: true, max: 500 })
  const selector = ctx.fields(typeName, def, { listMethod: true })
  return Object.fromEntries(
    ids.map((id) => [id, /^\d+$/.test(id) ? ctx.select(typeName, load(id), selector) : null])
  )
}
const datesOf = (ctx: CallContext, meetingId: number) =>
  stmt(ctx.db, 'SELECT * FROM meetings_dates WHERE meeting_id = ? ORDER BY start_time, id').all(
    meetingId
  ) as DateRow[]

function meetingParam(ctx: CallContext): MeetingRow {
  const id = ctx.params.requiredInt('meeting_id')
  const m = meetingById(ctx.db, id)
  if (!m) throw notFound('meeting_id', 'Meeting')
  return m
}

function substantiations(ctx: CallContext, type: 'meeting' | 'rejection'): Json {
  const facId = ctx.params.requiredString('fac_id')
  if (!stmt(ctx.db, 'SELECT 1 FROM faculties WHERE id = ?').get(facId)) throw notFound('fac_id', 'Faculty')
  const facs = ctx.params.bool('with_parents', true) ? facultyWithParents(ctx.db, facId) : [facId]
  const rows = stmt(
    ctx.db,
    `SELECT * FROM meetings_substantiations WHERE type = ? AND fac_id IN (${facs.map(() => '?').join(',')}) ORDER BY id`
  ).all(type, ...facs)
  return list(ctx, 'meetings/substantiation', rows, 'id|name|message|type')
}

export const readMethods: MethodDef[] = [
  {
    name: 'meetings/lecturer',
    auth: 'token',
    handler: (ctx) => {
      const userId = ctx.params.string('user_id') ?? ctx.requireUser().id
      if (!stmt(ctx.db, 'SELECT 1 FROM users WHERE id = ?').get(userId) || !isStaff(ctx.db, userId)) {
        throw new UsosApiError(400, 'object_invalid', 'User is not a staff member.', {
          reason: 'not_a_staff',
          param_name: 'user_id'
        })
      }
      const rows = stmt(ctx.db, 'SELECT * FROM meetings_meetings WHERE lecturer_id = ? ORDER BY id').all(
        userId
      ) as MeetingRow[]
      return list(ctx, 'meetings/meeting', rows, MEETING_DEFAULT)
    }
  },
  {
    name: 'meetings/meeting',
    auth: 'token',
    handler: (ctx) =>
      one(
        ctx,
        'meetings/meeting',
        meetingById(ctx.db, ctx.params.requiredInt('meeting_id')),
        MEETING_DEFAULT,
        'meeting_id',
        'Meeting'
      )
  },
  {
    name: 'meetings/meetings',
    auth: 'token',
    handler: (ctx) =>
      many(ctx, 'meetings/meeting', 'meeting_ids', (id) => meetingById(ctx.db, id), MEETING_DEFAULT)
  },
  {
    name: 'meetings/meeting_date',
    auth: 'token',
    handler: (ctx) =>
      one(
        ctx,
        'meetings/meeting_date',
        dateById(ctx.db, ctx.params.requiredInt('meeting_date_id')),
        DATE_DEFAULT,
        'meeting_date_id',
        'Meeting date'
      )
  },
  {
    name: 'meetings/meeting_dates',
    auth: 'token',
    handler: (ctx) =>
      many(ctx, 'meetings/meeting_date', 'meeting_date_ids', (id) => dateById(ctx.db, id), DATE_DEFAULT)
  },
  {
    name: 'meetings/meeting_all_dates',
    auth: 'token',
    handler: (ctx) => list(ctx, 'meetings/meeting_date', datesOf(ctx, meetingParam(ctx).id), DATE_DEFAULT)
  },
  {
    name: 'meetings/lecturer_meeting_dates',
    auth: 'token',
    handler: (ctx) => {
      requireStaff(ctx)
      const m = meetingParam(ctx)
      // "Meeting dates of specified meeting conducted by user": someone else's meeting has none of theirs.
      const rows = ctx.consumer.administrative || m.lecturer_id === ctx.user?.id ? datesOf(ctx, m.id) : []
      return list(ctx, 'meetings/meeting_date', rows, DATE_DEFAULT)
    }
  },
  {
    name: 'meetings/search_meeting_dates',
    auth: 'token',
    handler: (ctx) => {
      const m = meetingParam(ctx)
      const rows =
        m.state === 'active' && canAttend(ctx, m)
          ? datesOf(ctx, m.id).filter((d) => d.start_time >= nowUsos(ctx))
          : []
      return list(ctx, 'meetings/meeting_date', rows, DATE_DEFAULT)
    }
  },
  {
    name: 'meetings/open_meeting_dates',
    auth: 'token',
    handler: (ctx) => {
      const lecturerId = ctx.params.requiredString('lecturer_id')
      if (!stmt(ctx.db, 'SELECT 1 FROM users WHERE id = ?').get(lecturerId))
        throw notFound('lecturer_id', 'Lecturer')
      const rows = stmt(
        ctx.db,
        `SELECT d.* FROM meetings_dates d JOIN meetings_meetings m ON m.id = d.meeting_id
         WHERE m.lecturer_id = ? AND m.open = 1 AND m.state = 'active' AND d.start_time >= ? ORDER BY d.start_time, d.id`
      ).all(lecturerId, nowUsos(ctx)) as DateRow[]
      return list(ctx, 'meetings/meeting_date', rows, DATE_DEFAULT)
    }
  },
  {
    name: 'meetings/user_calendar',
    auth: 'token',
    handler: (ctx) => {
      const lecturerId = ctx.params.requiredString('lecturer_id')
      const start = ctx.params.date('start') ?? warsawToday(ctx.now())
      const days = ctx.params.int('days', 7) as number
      if (days < 1 || days > 400) throw invalid('days', 'must be from 1 to 400.')
      const end = addDaysToDay(start, days)
      const rows = stmt(
        ctx.db,
        `SELECT d.* FROM meetings_dates d JOIN meetings_meetings m ON m.id = d.meeting_id
         WHERE m.lecturer_id = ? AND d.start_time >= ? AND d.start_time < ? ORDER BY d.start_time, d.id`
      ).all(lecturerId, `${start} 00:00:00`, `${end} 00:00:00`) as DateRow[]
      return list(ctx, 'meetings/meeting_date', rows, DATE_DEFAULT)
    }
  },
  {
    name: 'meetings/meeting_date_participants',
    auth: 'token',
    handler: (ctx) => {
      requireStaff(ctx)
      const id = ctx.params.requiredInt('meeting_date_id')
      if (!dateById(ctx.db, id)) throw notFound('meeting_date_id', 'Meeting date')
      const rows = stmt(
        ctx.db,
        "SELECT * FROM meetings_participants WHERE meeting_date_id = ? ORDER BY status = 'rejected', is_reserve, number_in_queue, id"
      ).all(id) as ParticipantRow[]
      return list(ctx, 'meetings/participant', rows, 'id')
    }
  },
  {
    name: 'meetings/participant',
    auth: 'token',
    handler: (ctx) =>
      one(
        ctx,
        'meetings/participant',
        participantById(ctx.db, ctx.params.requiredInt('participant_id')),
        'id',
        'participant_id',
        'Participant'
      )
  },
  {
    name: 'meetings/participants',
    auth: 'token',
    handler: (ctx) =>
      many(ctx, 'meetings/participant', 'participant_ids', (id) => participantById(ctx.db, id), 'id')
  },
  {
    name: 'meetings/substantiation',
    auth: 'token_optional',
    handler: (ctx) =>
      one(
        ctx,
        'meetings/substantiation',
        substantiationById(ctx.db, ctx.params.requiredInt('id')),
        'id|name|message|type',
        'id',
        'Substantiation'
      )
  },
  {
    name: 'meetings/get_meeting_substantiations',
    auth: 'token_optional',
    handler: (ctx) => substantiations(ctx, 'meeting')
  },
  {
    name: 'meetings/get_rejection_substantiations',
    auth: 'token_optional',
    handler: (ctx) => substantiations(ctx, 'rejection')
  },
  {
    name: 'meetings/available_meetings',
    auth: 'token',
    handler: (ctx) => {
      const user = ctx.requireUser()
      const rows = (
        stmt(
          ctx.db,
          "SELECT * FROM meetings_meetings WHERE state = 'active' AND lecturer_id <> ? ORDER BY id"
        ).all(user.id) as MeetingRow[]
      ).filter((m) => canAttend(ctx, m))
      return list(ctx, 'meetings/meeting', rows, MEETING_DEFAULT)
    }
  },
  {
    name: 'meetings/cart',
    auth: 'token',
    handler: (ctx) => {
      const user = ctx.requireUser()
      const rows = stmt(
        ctx.db,
        `SELECT p.* FROM meetings_participants p JOIN meetings_dates d ON d.id = p.meeting_date_id
         WHERE p.user_id = ? AND p.status <> 'rejected' AND d.end_time >= ? ORDER BY d.start_time`
      ).all(user.id, nowUsos(ctx)) as ParticipantRow[]
      return list(ctx, 'meetings/participant', rows, 'id')
    }
  },
  {
    name: 'meetings/courses_with_meetings',
    auth: 'token',
    handler: (ctx) => {
      const user = ctx.requireUser()
      const units = stmt(
        ctx.db,
        `SELECT DISTINCT u.*, c.name_pl, c.name_en FROM group_members gm
         JOIN meetings_groups mg ON mg.course_unit_id = gm.course_unit_id AND mg.group_number = gm.group_number
         JOIN course_units u ON u.id = gm.course_unit_id JOIN courses c ON c.id = u.course_id
         WHERE gm.user_id = ? ORDER BY u.id`
      ).all(user.id)
      return list(ctx, 'courses/unit', units, 'id')
    }
  },
  {
    name: 'meetings/course_meetings',
    auth: 'token',
    handler: (ctx) => {
      const user = ctx.requireUser()
      const courseId = ctx.params.requiredString('course_id')
      const member = stmt(
        ctx.db,
        'SELECT 1 FROM group_members gm JOIN course_units u ON u.id = gm.course_unit_id WHERE u.course_id = ? AND gm.user_id = ? LIMIT 1'
      ).get(courseId, user.id)
      if (!member)
        throw new UsosApiError(400, 'object_invalid', 'User is not registered to this course.', {
          reason: 'not_in_course',
          param_name: 'course_id'
        })
      const rows = stmt(
        ctx.db,
        `SELECT DISTINCT m.* FROM meetings_meetings m JOIN meetings_groups mg ON mg.meeting_id = m.id
         JOIN course_units u ON u.id = mg.course_unit_id WHERE u.course_id = ? ORDER BY m.id`
      ).all(courseId) as MeetingRow[]
      return list(ctx, 'meetings/meeting', rows, MEETING_DEFAULT)
    }
  },
  {
    name: 'meetings/generate_meeting_dates',
    auth: 'token',
    handler: (ctx) => {
      const startDate = ctx.params.requiredString('start_date')
      const endDate = ctx.params.requiredString('end_date')
      const number = ctx.params.requiredInt('number')
      const frequency = ctx.params.requiredOneOf('frequency', FREQUENCIES) as Frequency
      const useCalendar = ctx.params.bool('use_calendar', false)
      const weekDay = ctx.params.int('week_day')
      const facId = ctx.params.string('fac_id')
      if (facId !== undefined && !stmt(ctx.db, 'SELECT 1 FROM faculties WHERE id = ?').get(facId))
        throw notFound('fac_id', 'Faculty')
      // A faculty's free days include those of the units above it (a rector's day applies everywhere).
      const freeDays = facId
        ? new Set(
            facultyWithParents(ctx.db, facId).flatMap((f) =>
              (
                stmt(ctx.db, 'SELECT day FROM meetings_fac_free_days WHERE fac_id = ?').all(f) as Array<{
                  day: string
                }>
              ).map((r) => r.day)
            )
          )
        : undefined
      try {
        return generateMeetingDates({
          startDate,
          endDate,
          number,
          frequency,
          ...(weekDay !== undefined ? { weekDay } : {}),
          useCalendar,
          startEven: ctx.params.bool('start_even', false),
          ...(freeDays ? { freeDays } : {})
        })
      } catch (error) {
        if (error instanceof GenerateParamError) throw invalid(error.param, error.message)
        throw error
      }
    }
  }
]
