import type Database from 'better-sqlite3'
import { compareNames } from '../../shared/locale-format'
import { AppError } from '../../shared/errors'
import type { MeetingDateDetails, ParticipantView, SubstantiationView } from '../../shared/types'
import { calendarItemById } from '../mirror/calendar'
import { stmt } from '../mirror/statements'

interface ParticipantRow {
  id: string
  is_external: number
  user_id: string | null
  first_name: string | null
  last_name: string | null
  titles_before: string | null
  titles_after: string | null
  student_number: string | null
  email: string | null
  external_first_name: string | null
  external_last_name: string | null
  external_email: string | null
  external_contact: string | null
  status: string
  is_reserve: number
  number_in_queue: number | null
  substantiation_message: string | null
  rejection_substantiation_message: string | null
  s_id: string | null
  s_name_pl: string | null
  s_name_en: string | null
  s_message_pl: string | null
  s_message_en: string | null
  r_id: string | null
  r_name_pl: string | null
  r_name_en: string | null
  r_message_pl: string | null
  r_message_en: string | null
  notes_count: number
}

const PARTICIPANTS = `
  SELECT p.id, p.is_external, p.user_id, u.first_name, u.last_name, u.titles_before, u.titles_after, u.student_number,
         u.email, p.external_first_name, p.external_last_name, p.external_email, p.external_contact, p.status,
         p.is_reserve, p.number_in_queue, p.substantiation_message, p.rejection_substantiation_message,
         s.id AS s_id, s.name_pl AS s_name_pl, s.name_en AS s_name_en, s.message_pl AS s_message_pl, s.message_en AS s_message_en,
         r.id AS r_id, r.name_pl AS r_name_pl, r.name_en AS r_name_en, r.message_pl AS r_message_pl, r.message_en AS r_message_en,
         (SELECT COALESCE(SUM((COALESCE(n.private_note, '') <> '') + (COALESCE(n.public_note, '') <> '')), 0)
            FROM notes n WHERE n.user_id = p.user_id) AS notes_count
  FROM participants p
  LEFT JOIN users u ON u.id = p.user_id
  LEFT JOIN substantiations s ON s.id = p.substantiation_id
  LEFT JOIN substantiations r ON r.id = p.rejection_substantiation_id
  WHERE p.meeting_date_id = ?
  ORDER BY p.is_reserve, p.number_in_queue IS NULL, p.number_in_queue, u.last_name, p.external_last_name, p.id`

function substantiation(
  id: string | null,
  name_pl: string | null,
  name_en: string | null,
  message_pl: string | null,
  message_en: string | null
): SubstantiationView | null {
  return id === null
    ? null
    : { id, name: { pl: name_pl, en: name_en }, message: { pl: message_pl, en: message_en } }
}

function toParticipant(r: ParticipantRow): ParticipantView {
  const titles = [r.titles_before, r.titles_after].filter((t): t is string => !!t).join(' ') || null
  return {
    id: r.id,
    pending: r.id.startsWith('local:'),
    isExternal: r.is_external === 1,
    userId: r.user_id,
    firstName: (r.is_external ? r.external_first_name : r.first_name) ?? '',
    lastName: (r.is_external ? r.external_last_name : r.last_name) ?? (r.user_id ? `#${r.user_id}` : ''),
    titles,
    studentNumber: r.student_number,
    email: r.is_external ? r.external_email : r.email,
    contact: r.external_contact,
    status: r.status,
    isReserve: r.is_reserve === 1,
    numberInQueue: r.number_in_queue,
    substantiation: substantiation(r.s_id, r.s_name_pl, r.s_name_en, r.s_message_pl, r.s_message_en),
    substantiationMessage: r.substantiation_message,
    rejectionSubstantiation: substantiation(r.r_id, r.r_name_pl, r.r_name_en, r.r_message_pl, r.r_message_en),
    rejectionMessage: r.rejection_substantiation_message,
    notesCount: r.notes_count
  }
}

/** A meeting date with its main list, reserve list (in queue order) and rejected entries. */
export function meetingDateDetails(db: Database.Database, meetingDateId: string): MeetingDateDetails {
  const item = calendarItemById(db, meetingDateId)
  if (!item)
    throw new AppError(
      'not_found',
      'This meeting date is not in the local data (it may have been deleted in USOS).',
      undefined,
      { key: 'meetingDateGone' }
    )
  const m = stmt(
    db,
    `SELECT m.id, m.name_pl, m.name_en, m.faculty_id, f.name_pl AS f_pl, f.name_en AS f_en, m.term_id,
            t.name_pl AS t_pl, t.name_en AS t_en, m.auto_accept, m.substantiation_mode
     FROM meetings m LEFT JOIN faculties f ON f.id = m.faculty_id LEFT JOIN terms t ON t.id = m.term_id WHERE m.id = ?`
  ).get(item.meetingId) as {
    id: string
    name_pl: string | null
    name_en: string | null
    faculty_id: string | null
    f_pl: string | null
    f_en: string | null
    term_id: string | null
    t_pl: string | null
    t_en: string | null
    auto_accept: number | null
    substantiation_mode: string | null
  }
  // SQL gives queue order; among those without a place in the queue, names in Polish order
  // (SQLite compares bytes: "Duda" before "Dąbrowska").
  const all = (stmt(db, PARTICIPANTS).all(meetingDateId) as ParticipantRow[])
    .map(toParticipant)
    .sort(
      (a, b) =>
        Number(a.isReserve) - Number(b.isReserve) ||
        (a.numberInQueue ?? Infinity) - (b.numberInQueue ?? Infinity) ||
        compareNames(a, b) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
  return {
    item,
    meeting: {
      id: m.id,
      name: { pl: m.name_pl, en: m.name_en },
      facultyId: m.faculty_id,
      faculty: m.faculty_id ? { pl: m.f_pl, en: m.f_en } : null,
      termId: m.term_id,
      term: m.term_id ? { pl: m.t_pl, en: m.t_en } : null,
      autoAccept: m.auto_accept === null ? null : m.auto_accept === 1,
      substantiationMode: m.substantiation_mode
    },
    main: all.filter((p) => p.status !== 'rejected' && !p.isReserve),
    reserve: all.filter((p) => p.status !== 'rejected' && p.isReserve),
    rejected: all.filter((p) => p.status === 'rejected')
  }
}
