/**
 * The writes a user makes, each defined once: the USOS method and its parameters, the local change
 * shown at once, which refusals mean "already so" (done, not failed), and how to check after an
 * unknown outcome (a timeout) whether the write took effect, since USOS has no idempotency keys.
 */
import type Database from 'better-sqlite3'
import { stmt } from '../mirror/statements'
import { localNoteId, noteKey } from '../mirror/write'
import type { UsosCaller } from '../sync/engine'

type Params = Record<string, string | number | boolean | undefined>

export interface OperationDef<P> {
  method: string
  params(p: P): Params
  /** Refusal reasons that mean the wanted state is already there. */
  alreadyDone: readonly string[]
  /** The mirror row this write concerns: a sync leaves it alone until the write is through. */
  target(p: P): { table: string; id: string }
  applyLocal(db: Database.Database, p: P, opId: string): void
  /** After an unknown outcome: has the write already taken effect in USOS? */
  verify(usos: UsosCaller, p: P): Promise<boolean>
  /** After a refusal: what USOS has now, shown beside what the user wanted. */
  current?(usos: UsosCaller, p: P): Promise<RemoteState | null>
}

/** USOS's side of a conflict: a few named facts (status, seats, text). */
export type RemoteState = Record<string, string | number | boolean | null>

export interface AcceptParticipant {
  participant_id: string
  message_lang_code?: 'pl' | 'en'
}
export interface RejectParticipant {
  participant_id: string
  substantiation_id?: string
  substantiation_message?: string
  message_lang_code?: 'pl' | 'en'
}
export interface SignUpSpecificUser {
  meeting_date_id: string
  user_id: string
  status?: 'accepted' | 'waiting'
  substantiation_id?: string
  substantiation_message?: string
}
export interface SignUpNonUsosPerson {
  meeting_date_id: string
  first_name: string
  last_name: string
  status?: 'accepted' | 'waiting'
  email?: string
  contact_data?: string
  substantiation_id?: string
  substantiation_message?: string
}
export interface SignUp {
  meeting_date_id: string
  substantiation_id: string
  substantiation_message?: string
}
export interface SignOff {
  meeting_date_id: string
  message_lang_code?: 'pl' | 'en'
}
export interface AnswerSlipquestion {
  sq_id: string
  /** An empty string removes the answer. */
  answer: string
}
export interface PutNote {
  fac_id: string
  term_id: string
  user_id: string
  note_type: 'private' | 'public'
  content: string
}
export interface DeleteNote {
  note_id: string
  note_type: 'private' | 'public'
}

async function participantStatus(usos: UsosCaller, id: string): Promise<string | null> {
  const p = await usos.call<{ status?: unknown } | null>('services/meetings/participant', {
    participant_id: id,
    fields: 'status'
  })
  return p && typeof p.status === 'string' ? p.status : null
}

async function participantState(usos: UsosCaller, id: string): Promise<RemoteState | null> {
  const p = await usos.call<Record<string, unknown> | null>('services/meetings/participant', {
    participant_id: id,
    fields: 'status|is_reserve|number_in_queue'
  })
  if (!p || typeof p !== 'object') return null
  return {
    status: typeof p.status === 'string' ? p.status : null,
    is_reserve: typeof p.is_reserve === 'boolean' ? p.is_reserve : null,
    number_in_queue: typeof p.number_in_queue === 'number' ? p.number_in_queue : null
  }
}

/** The user's own entry for a date, from their cart (the attendee side). */
async function myEntry(usos: UsosCaller, dateId: string): Promise<Record<string, unknown> | null> {
  const cart = await usos.call<unknown>('services/meetings/cart', { fields: 'id|status|meeting_date[id]' })
  const list = Array.isArray(cart) ? (cart as Array<Record<string, unknown>>) : []
  return (
    list.find((e) => {
      const d = e.meeting_date as { id?: unknown } | null
      return d !== null && typeof d === 'object' && String(d.id) === dateId
    }) ?? null
  )
}

async function dateSeats(usos: UsosCaller, id: string): Promise<RemoteState | null> {
  const d = await usos.call<Record<string, unknown> | null>('services/meetings/meeting_date', {
    meeting_date_id: id,
    fields: 'seats_limit|reserve_seats_limit|registered_participants_count|registration_end_time|start_time'
  })
  if (!d || typeof d !== 'object') return null
  const pick = (k: string) =>
    typeof d[k] === 'number' || typeof d[k] === 'string' ? (d[k] as string | number) : null
  return {
    registered: pick('registered_participants_count'),
    seats_limit: pick('seats_limit'),
    reserve_seats_limit: pick('reserve_seats_limit'),
    registration_end_time: pick('registration_end_time')
  }
}

async function dateParticipants(usos: UsosCaller, dateId: string) {
  const list = await usos.call<unknown>('services/meetings/meeting_date_participants', {
    meeting_date_id: dateId,
    fields: 'id|user[id]|external_email|external_first_name|external_last_name'
  })
  return Array.isArray(list) ? (list as Array<Record<string, unknown>>) : []
}

/** A participant row shown at once for a sign-up not yet through; replaced by the real one on sync. */
function provisionalParticipant(
  db: Database.Database,
  opId: string,
  dateId: string,
  fields: Record<string, unknown>
) {
  stmt(
    db,
    `INSERT INTO participants (id, meeting_date_id, is_external, user_id, external_first_name, external_last_name,
       external_email, external_contact, status, is_reserve, substantiation_id, substantiation_message)
     VALUES (@id, @date, @is_external, @user_id, @efn, @eln, @email, @contact, @status, 0, @sub, @sub_msg)`
  ).run({
    id: `local:${opId}`,
    date: dateId,
    is_external: 0,
    user_id: null,
    efn: null,
    eln: null,
    email: null,
    contact: null,
    sub: null,
    sub_msg: null,
    ...fields
  })
}

export const operations = {
  accept_participant: {
    method: 'services/meetings/accept_participant',
    params: (p) => ({ participant_id: p.participant_id, message_lang_code: p.message_lang_code }),
    alreadyDone: ['user_already_accepted'],
    target: (p) => ({ table: 'participants', id: p.participant_id }),
    applyLocal: (db, p) => {
      stmt(db, "UPDATE participants SET status = 'accepted' WHERE id = ?").run(p.participant_id)
    },
    verify: async (usos, p) => (await participantStatus(usos, p.participant_id)) === 'accepted',
    current: async (usos, p) => participantState(usos, p.participant_id)
  } satisfies OperationDef<AcceptParticipant>,

  reject_participant: {
    method: 'services/meetings/reject_participant',
    params: (p) => ({
      participant_id: p.participant_id,
      substantiation_id: p.substantiation_id,
      substantiation_message: p.substantiation_message,
      message_lang_code: p.message_lang_code
    }),
    alreadyDone: ['user_already_rejected'],
    target: (p) => ({ table: 'participants', id: p.participant_id }),
    applyLocal: (db, p) => {
      stmt(
        db,
        `UPDATE participants SET status = 'rejected', number_in_queue = NULL, rejection_substantiation_id = ?,
           rejection_substantiation_message = ? WHERE id = ?`
      ).run(p.substantiation_id ?? null, p.substantiation_message ?? null, p.participant_id)
    },
    verify: async (usos, p) => (await participantStatus(usos, p.participant_id)) === 'rejected',
    current: async (usos, p) => participantState(usos, p.participant_id)
  } satisfies OperationDef<RejectParticipant>,

  sign_up_specific_user: {
    method: 'services/meetings/sign_up_specific_user',
    params: (p) => ({ ...p }),
    alreadyDone: [],
    target: (p) => ({ table: 'meeting_dates', id: p.meeting_date_id }),
    applyLocal: (db, p, opId) =>
      provisionalParticipant(db, opId, p.meeting_date_id, {
        user_id: p.user_id,
        status: p.status ?? 'accepted',
        sub: p.substantiation_id ?? null,
        sub_msg: p.substantiation_message ?? null
      }),
    verify: async (usos, p) =>
      (await dateParticipants(usos, p.meeting_date_id)).some(
        (x) =>
          typeof x.user === 'object' &&
          x.user !== null &&
          String((x.user as { id: unknown }).id) === p.user_id
      ),
    current: async (usos, p) => dateSeats(usos, p.meeting_date_id)
  } satisfies OperationDef<SignUpSpecificUser>,

  sign_up_non_usos_person: {
    method: 'services/meetings/sign_up_non_usos_person',
    params: (p) => ({ ...p }),
    alreadyDone: ['non_usos_person_email_subscribed'],
    target: (p) => ({ table: 'meeting_dates', id: p.meeting_date_id }),
    applyLocal: (db, p, opId) =>
      provisionalParticipant(db, opId, p.meeting_date_id, {
        is_external: 1,
        efn: p.first_name,
        eln: p.last_name,
        email: p.email ?? null,
        contact: p.contact_data ?? null,
        status: p.status ?? 'accepted',
        sub: p.substantiation_id ?? null,
        sub_msg: p.substantiation_message ?? null
      }),
    verify: async (usos, p) =>
      (await dateParticipants(usos, p.meeting_date_id)).some((x) =>
        p.email
          ? x.external_email === p.email
          : x.external_first_name === p.first_name && x.external_last_name === p.last_name
      ),
    current: async (usos, p) => dateSeats(usos, p.meeting_date_id)
  } satisfies OperationDef<SignUpNonUsosPerson>,

  sign_up: {
    method: 'services/meetings/sign_up',
    params: (p) => ({ ...p }),
    alreadyDone: ['user_already_subscribed'],
    target: (p) => ({ table: 'attendee_dates', id: p.meeting_date_id }),
    applyLocal: () => {},
    verify: async (usos, p) => {
      const entry = await myEntry(usos, p.meeting_date_id)
      return entry !== null && entry.status !== 'rejected'
    },
    current: async (usos, p) => dateSeats(usos, p.meeting_date_id)
  } satisfies OperationDef<SignUp>,

  sign_off: {
    method: 'services/meetings/sign_off',
    params: (p) => ({ ...p }),
    alreadyDone: ['user_not_registered'],
    target: (p) => ({ table: 'attendee_dates', id: p.meeting_date_id }),
    applyLocal: () => {},
    verify: async (usos, p) => (await myEntry(usos, p.meeting_date_id)) === null
  } satisfies OperationDef<SignOff>,

  answer_slipquestion: {
    method: 'services/slips/update_slipquestion',
    params: (p) => ({ sq_id: p.sq_id, answer: p.answer }),
    alreadyDone: [],
    target: (p) => ({ table: 'slipquestions', id: p.sq_id }),
    // The answer shows at once; its status is USOS's to compute, so it waits for the next read.
    applyLocal: (db, p) => {
      stmt(
        db,
        "UPDATE slipquestions SET answer = ?, answer_status = CASE WHEN ? = '' THEN 'pending' ELSE answer_status END WHERE id = ?"
      ).run(p.answer === '' ? null : p.answer, p.answer, p.sq_id)
    },
    verify: async (usos, p) => {
      const sq = await usos.call<{ answer?: unknown } | null>('services/slips/slipquestion', {
        sq_id: p.sq_id,
        fields: 'answer'
      })
      return (sq?.answer ?? '') === p.answer
    },
    current: async (usos, p) => {
      const sq = await usos.call<Record<string, unknown> | null>('services/slips/slipquestion', {
        sq_id: p.sq_id,
        fields: 'answer|answer_status'
      })
      return sq
        ? {
            answer: typeof sq.answer === 'string' ? sq.answer : null,
            answer_status: typeof sq.answer_status === 'string' ? sq.answer_status : null
          }
        : null
    }
  } satisfies OperationDef<AnswerSlipquestion>,

  put_note: {
    method: 'services/meetings/put_note',
    params: (p) => ({ ...p }),
    alreadyDone: [],
    target: (p) => ({ table: 'notes', id: noteKey(p.fac_id, p.term_id, p.user_id) }),
    // The note shows the saved text at once, and the draft it came from is done with: the text
    // now lives in the outbox entry until USOS has it.
    applyLocal: (db, p) => {
      const column = p.note_type === 'private' ? 'private_note' : 'public_note'
      const updated = stmt(
        db,
        `UPDATE notes SET ${column} = ? WHERE faculty_id = ? AND term_id = ? AND user_id = ? AND own = 1`
      ).run(p.content, p.fac_id, p.term_id, p.user_id)
      if (updated.changes === 0)
        stmt(
          db,
          `INSERT INTO notes (id, faculty_id, term_id, user_id, creation_date, ${column}, own)
           VALUES (?, ?, ?, ?, ?, ?, 1)`
        ).run(localNoteId(p.fac_id, p.term_id, p.user_id), p.fac_id, p.term_id, p.user_id, null, p.content)
      stmt(
        db,
        'DELETE FROM note_drafts WHERE faculty_id = ? AND term_id = ? AND user_id = ? AND note_type = ? AND content = ?'
      ).run(p.fac_id, p.term_id, p.user_id, p.note_type, p.content)
    },
    // Writing the same content again is harmless: putting a note is idempotent.
    verify: async () => false
  } satisfies OperationDef<PutNote>,

  delete_note: {
    method: 'services/meetings/delete_note',
    params: (p) => ({ ...p }),
    alreadyDone: [],
    target: (p) => ({ table: 'notes', id: p.note_id }),
    applyLocal: (db, p) => {
      const column = p.note_type === 'private' ? 'private_note' : 'public_note'
      stmt(db, `UPDATE notes SET ${column} = NULL WHERE id = ?`).run(p.note_id)
    },
    verify: async () => false
  } satisfies OperationDef<DeleteNote>
} as const

export type OperationKind = keyof typeof operations
export type OperationPayload<K extends OperationKind> = Parameters<(typeof operations)[K]['params']>[0]
