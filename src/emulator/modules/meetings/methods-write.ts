import { stmt } from '../../support/statements'
import { invalid } from '../../framework/params'
import { UsosApiError, type CallContext, type MethodDef } from '../../framework/types'
import { canAttend } from './types'
import {
  checkSubstantiation,
  dateAndMeeting,
  notFound,
  nowUsos,
  placeFor,
  requireLecturer,
  requireStaff,
  settleQueue,
  subscriptionError
} from './rules'
import { participantById, type ParticipantRow } from './rows'

const insertParticipant = (
  ctx: CallContext,
  v: {
    dateId: number
    userId: string | null
    first?: string
    last?: string
    email?: string
    contact?: string
    status: string
    isReserve: boolean
    number: number
    substId: number | null
    message?: string
  }
) =>
  stmt(
    ctx.db,
    `INSERT INTO meetings_participants (meeting_date_id, user_id, external_first_name, external_last_name, external_email,
       external_contact, status, is_reserve, number_in_queue, substantiation_id, substantiation_message, registered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    v.dateId,
    v.userId,
    v.first ?? null,
    v.last ?? null,
    v.email ?? null,
    v.contact ?? null,
    v.status,
    v.isReserve ? 1 : 0,
    v.number,
    v.substId,
    v.message ?? null,
    nowUsos(ctx)
  )

function participantParam(ctx: CallContext): ParticipantRow {
  const p = participantById(ctx.db, ctx.params.requiredInt('participant_id'))
  if (!p) throw notFound('participant_id', 'Participant')
  return p
}

const langParam = (ctx: CallContext) => ctx.params.oneOf('message_lang_code', ['pl', 'en'] as const, 'pl')
const statusParam = (ctx: CallContext) =>
  ctx.params.oneOf('status', ['accepted', 'waiting'] as const, 'accepted') as string

/** An already registered (not rejected) entry for a USOS user on this date. */
const activeEntryOf = (ctx: CallContext, dateId: number, userId: string) =>
  stmt(
    ctx.db,
    "SELECT id FROM meetings_participants WHERE meeting_date_id = ? AND user_id = ? AND status <> 'rejected'"
  ).get(dateId, userId)

export const writeMethods: MethodDef[] = [
  {
    name: 'meetings/accept_participant',
    auth: 'token',
    handler: (ctx) => {
      const p = participantParam(ctx)
      langParam(ctx)
      const { date, meeting } = dateAndMeeting(ctx, 'participant_id', String(p.meeting_date_id))
      requireLecturer(ctx, meeting)
      if (p.status === 'accepted')
        throw subscriptionError(
          'user_already_accepted',
          'User has been already accepted to this meeting date.'
        )
      ctx.db.transaction(() => {
        if (p.status === 'rejected') {
          // Taken back from the rejected: to the end of whichever list has room.
          const place = placeFor(ctx.db, date)
          stmt(
            ctx.db,
            'UPDATE meetings_participants SET is_reserve = ?, number_in_queue = ? WHERE id = ?'
          ).run(place.isReserve ? 1 : 0, place.number, p.id)
        }
        stmt(
          ctx.db,
          "UPDATE meetings_participants SET status = 'accepted', rejection_substantiation_id = NULL, rejection_substantiation_message = NULL WHERE id = ?"
        ).run(p.id)
        settleQueue(ctx.db, date.id)
      })()
      return {}
    }
  },
  {
    name: 'meetings/reject_participant',
    auth: 'token',
    handler: (ctx) => {
      const p = participantParam(ctx)
      langParam(ctx)
      const { date, meeting } = dateAndMeeting(ctx, 'participant_id', String(p.meeting_date_id))
      requireLecturer(ctx, meeting)
      const substId = checkSubstantiation(
        ctx.db,
        meeting,
        ctx.params.string('substantiation_id'),
        'rejection'
      )
      if (p.status === 'rejected')
        throw subscriptionError(
          'user_already_rejected',
          'User has been already rejected from this meeting date.'
        )
      ctx.db.transaction(() => {
        stmt(
          ctx.db,
          `UPDATE meetings_participants SET status = 'rejected', is_reserve = 0, number_in_queue = NULL,
             rejection_substantiation_id = ?, rejection_substantiation_message = ? WHERE id = ?`
        ).run(substId, ctx.params.string('substantiation_message') ?? null, p.id)
        settleQueue(ctx.db, date.id)
      })()
      return {}
    }
  },
  {
    name: 'meetings/sign_up',
    auth: 'token',
    handler: (ctx) => {
      const user = ctx.requireUser()
      const { date, meeting } = dateAndMeeting(
        ctx,
        'meeting_date_id',
        ctx.params.requiredString('meeting_date_id')
      )
      const substId = checkSubstantiation(
        ctx.db,
        meeting,
        ctx.params.requiredString('substantiation_id'),
        'meeting'
      )
      if (meeting.state !== 'active') throw subscriptionError('meeting_not_active', 'Meeting is not active.')
      if (!canAttend(ctx, meeting))
        throw subscriptionError('no_user_permissions', 'User does not have permission to this meeting.')
      const now = nowUsos(ctx)
      if (date.registration_start_time && now < date.registration_start_time) {
        throw subscriptionError('meeting_date_not_begun', 'Meeting date registration has not yet begun.')
      }
      if ((date.registration_end_time && now > date.registration_end_time) || now >= date.start_time) {
        throw subscriptionError('meeting_date_ended', 'Meeting date registration has already ended.')
      }
      if (activeEntryOf(ctx, date.id, user.id))
        throw subscriptionError(
          'user_already_subscribed',
          'User has already subscribed to this meeting date.'
        )
      ctx.db.transaction(() => {
        const place = placeFor(ctx.db, date)
        insertParticipant(ctx, {
          dateId: date.id,
          userId: user.id,
          status: meeting.auto_accept && !place.isReserve ? 'accepted' : 'waiting',
          isReserve: place.isReserve,
          number: place.number,
          substId,
          ...(ctx.params.string('substantiation_message')
            ? { message: ctx.params.string('substantiation_message') as string }
            : {})
        })
      })()
      return {}
    }
  },
  {
    name: 'meetings/sign_off',
    auth: 'token',
    handler: (ctx) => {
      const user = ctx.requireUser()
      const { date } = dateAndMeeting(ctx, 'meeting_date_id', ctx.params.requiredString('meeting_date_id'))
      langParam(ctx)
      const entry = activeEntryOf(ctx, date.id, user.id) as { id: number } | undefined
      if (!entry) throw subscriptionError('user_not_registered', 'User is not registered to meeting.')
      if (nowUsos(ctx) >= date.start_time)
        throw subscriptionError('meeting_date_has_started', 'Meeting date has already started.')
      ctx.db.transaction(() => {
        stmt(ctx.db, 'DELETE FROM meetings_participants WHERE id = ?').run(entry.id)
        settleQueue(ctx.db, date.id)
      })()
      return {}
    }
  },
  {
    name: 'meetings/sign_up_specific_user',
    auth: 'token',
    handler: (ctx) => {
      const userId = ctx.params.requiredString('user_id')
      const { date, meeting } = dateAndMeeting(
        ctx,
        'meeting_date_id',
        ctx.params.requiredString('meeting_date_id')
      )
      requireLecturer(ctx, meeting)
      if (!stmt(ctx.db, 'SELECT 1 FROM users WHERE id = ?').get(userId)) throw notFound('user_id', 'User')
      const status = statusParam(ctx)
      const substId = checkSubstantiation(ctx.db, meeting, ctx.params.string('substantiation_id'), 'meeting')
      if (activeEntryOf(ctx, date.id, userId))
        throw subscriptionError(
          'user_already_subscribed',
          'User has already subscribed to this meeting date.'
        )
      ctx.db.transaction(() => {
        const place = placeFor(ctx.db, date)
        insertParticipant(ctx, {
          dateId: date.id,
          userId,
          status: place.isReserve ? 'waiting' : status,
          isReserve: place.isReserve,
          number: place.number,
          substId,
          ...(ctx.params.string('substantiation_message')
            ? { message: ctx.params.string('substantiation_message') as string }
            : {})
        })
      })()
      return {}
    }
  },
  {
    name: 'meetings/sign_up_non_usos_person',
    auth: 'token',
    handler: (ctx) => {
      const { date, meeting } = dateAndMeeting(
        ctx,
        'meeting_date_id',
        ctx.params.requiredString('meeting_date_id')
      )
      const first = ctx.params.requiredString('first_name')
      const last = ctx.params.requiredString('last_name')
      requireLecturer(ctx, meeting)
      const status = statusParam(ctx)
      const email = ctx.params.string('email')
      if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        throw invalid('email', 'not an e-mail address.')
      const substId = checkSubstantiation(ctx.db, meeting, ctx.params.string('substantiation_id'), 'meeting')
      if (
        email &&
        stmt(
          ctx.db,
          "SELECT 1 FROM meetings_participants WHERE meeting_date_id = ? AND external_email = ? AND status <> 'rejected'"
        ).get(date.id, email)
      ) {
        throw subscriptionError('non_usos_person_email_subscribed', 'Non USOS person has already subscribed.')
      }
      ctx.db.transaction(() => {
        const place = placeFor(ctx.db, date)
        insertParticipant(ctx, {
          dateId: date.id,
          userId: null,
          first,
          last,
          ...(email ? { email } : {}),
          ...(ctx.params.string('contact_data')
            ? { contact: ctx.params.string('contact_data') as string }
            : {}),
          status: place.isReserve ? 'waiting' : status,
          isReserve: place.isReserve,
          number: place.number,
          substId,
          ...(ctx.params.string('substantiation_message')
            ? { message: ctx.params.string('substantiation_message') as string }
            : {})
        })
      })()
      return {}
    }
  }
]

const noteTypeParam = (ctx: CallContext) =>
  ctx.params.requiredOneOf('note_type', ['private', 'public'] as const)

function noteKey(ctx: CallContext) {
  const facId = ctx.params.requiredString('fac_id')
  const termId = ctx.params.requiredString('term_id')
  const userId = ctx.params.requiredString('user_id')
  const type = noteTypeParam(ctx)
  if (!stmt(ctx.db, 'SELECT 1 FROM faculties WHERE id = ?').get(facId)) throw notFound('fac_id', 'Faculty')
  if (!stmt(ctx.db, 'SELECT 1 FROM terms WHERE id = ?').get(termId)) throw notFound('term_id', 'Term')
  if (!stmt(ctx.db, 'SELECT 1 FROM users WHERE id = ?').get(userId)) throw notFound('user_id', 'User')
  return { facId, termId, userId, type }
}

export const noteMethods: MethodDef[] = [
  {
    name: 'meetings/get_note',
    auth: 'token',
    handler: (ctx) => {
      requireStaff(ctx)
      const k = noteKey(ctx)
      // get_note has its own small field set (id, creation_date, content), not the note object's.
      const fields = (ctx.params.string('fields') ?? 'id|creation_date|content').split('|')
      for (const f of fields)
        if (!['id', 'creation_date', 'content'].includes(f))
          throw new UsosApiError(400, 'field_not_found', `Field "${f}" does not exist here.`, {
            field_name: f,
            method_name: 'services/meetings/get_note'
          })
      const row = stmt(
        ctx.db,
        'SELECT * FROM meetings_notes WHERE author_id = ? AND fac_id = ? AND term_id = ? AND user_id = ?'
      ).get(ctx.requireUser().id, k.facId, k.termId, k.userId) as
        | {
            id: number
            private_note: string | null
            public_note: string | null
            private_created: string | null
            public_created: string | null
            creation_date: string
          }
        | undefined
      const content = row ? (k.type === 'private' ? row.private_note : row.public_note) : null
      if (!row || content === null)
        throw new UsosApiError(400, 'object_not_found', 'There is no such note.', { param_name: 'user_id' })
      const out: Record<string, string | number | null> = {}
      if (fields.includes('id')) out.id = row.id
      if (fields.includes('creation_date'))
        out.creation_date =
          (k.type === 'private' ? row.private_created : row.public_created) ?? row.creation_date
      if (fields.includes('content')) out.content = content
      return out
    }
  },
  {
    name: 'meetings/put_note',
    auth: 'token',
    handler: (ctx) => {
      requireStaff(ctx)
      const k = noteKey(ctx)
      const content = ctx.params.requiredString('content')
      if (content.length > 4000) throw invalid('content', 'at most 4000 characters.')
      const author = ctx.requireUser().id
      const now = nowUsos(ctx)
      const column = k.type === 'private' ? 'private' : 'public'
      stmt(
        ctx.db,
        `INSERT INTO meetings_notes (author_id, fac_id, term_id, user_id, ${column}_note, ${column}_created, creation_date)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(author_id, fac_id, term_id, user_id) DO UPDATE SET ${column}_note = excluded.${column}_note,
           ${column}_created = COALESCE(${column}_created, excluded.${column}_created)`
      ).run(author, k.facId, k.termId, k.userId, content, now, now)
      return {}
    }
  },
  {
    name: 'meetings/delete_note',
    auth: 'token',
    handler: (ctx) => {
      requireStaff(ctx)
      const id = ctx.params.requiredInt('note_id')
      const type = noteTypeParam(ctx)
      const note = stmt(ctx.db, 'SELECT author_id FROM meetings_notes WHERE id = ?').get(id) as
        { author_id: string } | undefined
      if (!note || note.author_id !== ctx.user?.id)
        throw new UsosApiError(400, 'object_not_found', 'There is no such note.', { param_name: 'note_id' })
      const column = type === 'private' ? 'private' : 'public'
      stmt(
        ctx.db,
        `UPDATE meetings_notes SET ${column}_note = NULL, ${column}_created = NULL WHERE id = ?`
      ).run(id)
      return {}
    }
  },
  {
    name: 'meetings/note',
    auth: 'token',
    handler: (ctx) => {
      requireStaff(ctx)
      const id = ctx.params.requiredInt('id')
      const selector = ctx.fields('meetings/note', 'id|creation_date|private_note|public_note')
      const row = stmt(ctx.db, 'SELECT * FROM meetings_notes WHERE id = ? AND author_id = ?').get(
        id,
        ctx.requireUser().id
      )
      if (!row) throw notFound('id', 'Note')
      return ctx.select('meetings/note', row, selector)
    }
  }
]
