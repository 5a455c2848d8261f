import type { CallContext, ObjectType } from '../../framework/types'
import {
  counts,
  dateById,
  meetingById,
  noteById,
  participantById,
  substantiationById,
  type DateRow,
  type MeetingRow,
  type NoteRow,
  type ParticipantRow,
  type SubstantiationRow
} from './rows'
import { stmt } from '../../support/statements'
import { usosDateTime } from '../../framework/time'

const now = (ctx: CallContext) => usosDateTime(ctx.now())

/**
 * The three *_participants_count fields come from one query per date and call: a calendar asking
 * for all three over hundreds of dates then runs one query per date, not three.
 */
const countsByCall = new WeakMap<CallContext, Map<number, ReturnType<typeof counts>>>()
function countsOf(ctx: CallContext, dateId: number): ReturnType<typeof counts> {
  let byDate = countsByCall.get(ctx)
  if (!byDate) countsByCall.set(ctx, (byDate = new Map()))
  let c = byDate.get(dateId)
  if (!c) byDate.set(dateId, (c = counts(ctx.db, dateId)))
  return c
}

function userEntry(ctx: CallContext, dateId: number): ParticipantRow | null {
  if (!ctx.user) return null
  return (
    (stmt(
      ctx.db,
      'SELECT * FROM meetings_participants WHERE meeting_date_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1'
    ).get(dateId, ctx.user.id) as ParticipantRow | undefined) ?? null
  )
}

export function canAttend(ctx: CallContext, m: MeetingRow): boolean {
  if (m.open) return true
  if (!ctx.user) return false
  return Boolean(
    stmt(
      ctx.db,
      `SELECT 1 FROM meetings_groups g JOIN group_members gm ON gm.course_unit_id = g.course_unit_id AND gm.group_number = g.group_number
       WHERE g.meeting_id = ? AND gm.user_id = ? LIMIT 1`
    ).get(m.id, ctx.user.id)
  )
}

export const meetingType: ObjectType<MeetingRow> = {
  name: 'meetings/meeting',
  primary: ['id', 'name', 'comment', 'open'],
  fields: {
    id: { get: (m) => m.id },
    name: { get: (m) => ({ pl: m.name_pl, en: m.name_en }) },
    comment: { get: (m) => ({ pl: m.comment_pl, en: m.comment_en }) },
    faculty: { get: (m) => m.fac_id, ref: 'fac/faculty' },
    term: { get: (m) => m.term_id, ref: 'terms/term' },
    lecturer: { get: (m) => m.lecturer_id, ref: 'users/user' },
    open: { get: (m) => m.open === 1 },
    can_i_attend: { get: (m, ctx) => canAttend(ctx, m) },
    state: { get: (m) => m.state },
    substantiation_mode: { get: (m) => m.substantiation_mode },
    auto_accept: { get: (m) => m.auto_accept === 1 },
    groups: {
      get: (m, ctx) =>
        (
          stmt(ctx.db, 'SELECT course_unit_id, group_number FROM meetings_groups WHERE meeting_id = ?').all(
            m.id
          ) as Array<{
            course_unit_id: number
            group_number: number
          }>
        ).map((g) => `${g.course_unit_id}:${g.group_number}`),
      ref: 'groups/group'
    },
    soonest_datetime: {
      get: (m, ctx) =>
        (
          stmt(
            ctx.db,
            'SELECT MIN(start_time) AS t FROM meetings_dates WHERE meeting_id = ? AND start_time >= ?'
          ).get(m.id, now(ctx)) as {
            t: string | null
          }
        ).t
    }
  },
  load: (id, ctx) => meetingById(ctx.db, id)
}

export const meetingDateType: ObjectType<DateRow> = {
  name: 'meetings/meeting_date',
  primary: [
    'id',
    'comment',
    'start_time',
    'end_time',
    'registration_start_time',
    'registration_end_time',
    'seats_limit',
    'reserve_seats_limit',
    'meeting'
  ],
  fields: {
    id: { get: (d) => d.id },
    comment: { get: (d) => ({ pl: d.comment_pl, en: d.comment_en }) },
    start_time: { get: (d) => d.start_time },
    end_time: { get: (d) => d.end_time },
    registration_start_time: { get: (d) => d.registration_start_time },
    registration_end_time: { get: (d) => d.registration_end_time },
    seats_limit: { get: (d) => d.seats_limit },
    reserve_seats_limit: { get: (d) => d.reserve_seats_limit },
    meeting: { get: (d) => d.meeting_id, ref: 'meetings/meeting' },
    registered_participants_count: { get: (d, ctx) => countsOf(ctx, d.id).registered },
    accepted_participants_count: { get: (d, ctx) => countsOf(ctx, d.id).accepted },
    waiting_participants_count: { get: (d, ctx) => countsOf(ctx, d.id).waiting },
    user_status: { get: (d, ctx) => userEntry(ctx, d.id)?.status ?? null },
    can_i_sign_up: {
      get: (d, ctx) => {
        const m = meetingById(ctx.db, d.meeting_id)
        if (!m || !ctx.user || m.state !== 'active' || !canAttend(ctx, m)) return false
        const t = now(ctx)
        if (d.registration_start_time && t < d.registration_start_time) return false
        if ((d.registration_end_time && t > d.registration_end_time) || t >= d.start_time) return false
        const entry = userEntry(ctx, d.id)
        if (entry && entry.status !== 'rejected') return false
        const c = countsOf(ctx, d.id)
        return c.registered < d.seats_limit + d.reserve_seats_limit
      }
    },
    can_i_sign_out: {
      get: (d, ctx) => {
        const entry = userEntry(ctx, d.id)
        return Boolean(entry && entry.status !== 'rejected' && now(ctx) < d.start_time)
      }
    },
    room: { get: (d) => d.room_id, ref: 'geo/room' }
  },
  load: (id, ctx) => dateById(ctx.db, id)
}

function isLecturerOf(ctx: CallContext, p: ParticipantRow): boolean {
  const d = dateById(ctx.db, p.meeting_date_id)
  const m = d && meetingById(ctx.db, d.meeting_id)
  return Boolean(m && ctx.user && m.lecturer_id === ctx.user.id)
}

function notesFor(ctx: CallContext, p: ParticipantRow, kind: 'private' | 'public'): number[] {
  if (!p.user_id) return []
  const d = dateById(ctx.db, p.meeting_date_id)
  const m = d && meetingById(ctx.db, d.meeting_id)
  if (!m) return []
  if (kind === 'private' && !isLecturerOf(ctx, p)) return []
  const column = kind === 'private' ? 'private_note' : 'public_note'
  return (
    stmt(
      ctx.db,
      `SELECT id FROM meetings_notes WHERE user_id = ? AND fac_id = ? AND term_id = ? AND ${column} IS NOT NULL`
    ).all(p.user_id, m.fac_id, m.term_id ?? '') as Array<{ id: number }>
  ).map((r) => r.id)
}

export const participantType: ObjectType<ParticipantRow> = {
  name: 'meetings/participant',
  primary: ['id'],
  fields: {
    id: { get: (p) => p.id },
    is_external: { get: (p) => p.user_id === null },
    user: { get: (p) => p.user_id, ref: 'users/user' },
    meeting_date: { get: (p) => p.meeting_date_id, ref: 'meetings/meeting_date' },
    external_first_name: { get: (p) => p.external_first_name },
    external_last_name: { get: (p) => p.external_last_name },
    external_email: { get: (p) => p.external_email },
    external_contact: { get: (p) => p.external_contact },
    status: { get: (p) => p.status },
    is_reserve: { get: (p) => p.is_reserve === 1 },
    lecturer_actions: {
      get: (p, ctx) =>
        isLecturerOf(ctx, p)
          ? p.status === 'accepted'
            ? ['reject']
            : p.status === 'waiting'
              ? ['accept', 'reject']
              : ['accept']
          : []
    },
    user_actions: {
      get: (p, ctx) => (ctx.user && p.user_id === ctx.user.id && p.status !== 'rejected' ? ['sign_off'] : [])
    },
    public_notes: { get: (p, ctx) => notesFor(ctx, p, 'public'), ref: 'meetings/note' },
    private_notes: { get: (p, ctx) => notesFor(ctx, p, 'private'), ref: 'meetings/note' },
    substantiation: { get: (p) => p.substantiation_id, ref: 'meetings/substantiation' },
    rejection_substantiation: { get: (p) => p.rejection_substantiation_id, ref: 'meetings/substantiation' },
    substantiation_message: { get: (p) => p.substantiation_message },
    rejection_substantiation_message: { get: (p) => p.rejection_substantiation_message },
    number_in_queue: { get: (p) => (p.status === 'rejected' ? null : p.number_in_queue) }
  },
  load: (id, ctx) => participantById(ctx.db, id)
}

export const substantiationType: ObjectType<SubstantiationRow> = {
  name: 'meetings/substantiation',
  primary: ['id', 'name', 'message', 'type'],
  fields: {
    id: { get: (s) => s.id },
    name: { get: (s) => ({ pl: s.name_pl, en: s.name_en }) },
    message: { get: (s) => ({ pl: s.message_pl, en: s.message_en }) },
    type: { get: (s) => s.type },
    faculty: { get: (s) => s.fac_id, ref: 'fac/faculty' }
  },
  load: (id, ctx) => substantiationById(ctx.db, id)
}

export const noteType: ObjectType<NoteRow> = {
  name: 'meetings/note',
  primary: ['id', 'creation_date', 'private_note', 'public_note'],
  fields: {
    id: { get: (n) => n.id },
    faculty: { get: (n) => n.fac_id, ref: 'fac/faculty' },
    term: { get: (n) => n.term_id, ref: 'terms/term' },
    user: { get: (n) => n.user_id, ref: 'users/user' },
    creation_date: { get: (n) => n.creation_date },
    // Private notes are the author's own: anybody else sees null.
    private_note: { get: (n, ctx) => (ctx.user && ctx.user.id === n.author_id ? n.private_note : null) },
    public_note: { get: (n) => n.public_note }
  },
  load: (id, ctx) => noteById(ctx.db, id)
}

export const meetingsTypes = [meetingType, meetingDateType, participantType, substantiationType, noteType]
