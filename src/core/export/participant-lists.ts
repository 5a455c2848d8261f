/**
 * The lists a lecturer chooses: any of a date's lists (main, reserve, rejected) with the columns
 * picked (place, name, student number, e-mail, status, substantiation, message, notes count,
 * attendance, signature), as one table model rendered three ways: a printable A4 page, CSV (UTF-8
 * with BOM; semicolons in Polish, as a Polish Excel expects) and XLSX (write-excel-file). Each list
 * in Polish order by name where it has no queue order (the reserve list keeps its queue).
 */
import writeXlsxFile from 'write-excel-file/node'
import { AppError } from '../../shared/errors'
import { compareNames } from '../../shared/locale-format'
import type { Language, MeetingDateDetails, ParticipantView } from '../../shared/types'
import type { AttendanceState } from '../../shared/types-attendance'
import {
  COLUMN_NAMES,
  LIST_NAMES,
  type ListColumnName,
  type ParticipantListName
} from '../../shared/participant-lists'
import { csvField, escapeHtml, fullName, pick, printablePage } from './participants'
import type Database from 'better-sqlite3'
import { dateAttendance } from '../office-hours/attendance'
import { meetingDateDetails } from '../office-hours/details'

export { COLUMN_NAMES, DEFAULT_COLUMNS, DEFAULT_LISTS, LIST_NAMES } from '../../shared/participant-lists'
const TEXT = {
  pl: {
    lists: { main: 'Lista główna', reserve: 'Lista rezerwowa', rejected: 'Odrzuceni' },
    columns: {
      place: 'Lp.',
      name: 'Imię i nazwisko',
      student_number: 'Nr albumu',
      email: 'E-mail',
      status: 'Status',
      substantiation: 'Uzasadnienie',
      message: 'Wiadomość',
      notes: 'Notatki',
      attendance: 'Obecność',
      signature: 'Podpis'
    },
    list: 'Lista',
    status: { accepted: 'przyjęty', waiting: 'oczekuje', rejected: 'odrzucony', token_created: 'token' },
    attendance: { present: 'obecny', absent: 'nieobecny', late: 'spóźniony' },
    outside: 'spoza USOS',
    printed: 'Wydrukowano',
    room: 'Sala',
    nobody: 'Na wybranych listach nie ma nikogo.',
    untitled: 'Dyżur'
  },
  en: {
    lists: { main: 'Main list', reserve: 'Reserve list', rejected: 'Rejected' },
    columns: {
      place: 'No.',
      name: 'Name',
      student_number: 'Student no.',
      email: 'E-mail',
      status: 'Status',
      substantiation: 'Substantiation',
      message: 'Message',
      notes: 'Notes',
      attendance: 'Attendance',
      signature: 'Signature'
    },
    list: 'List',
    status: { accepted: 'accepted', waiting: 'waiting', rejected: 'rejected', token_created: 'token' },
    attendance: { present: 'present', absent: 'absent', late: 'late' },
    outside: 'outside person',
    printed: 'Printed',
    room: 'Room',
    nobody: 'Nobody is on the lists chosen.',
    untitled: 'Office hours'
  }
} as const

function parseNames<T extends string>(value: string, known: readonly T[], what: string): T[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n))
  if (unknown.length > 0)
    throw new AppError(
      'invalid_argument',
      `Unknown ${what}: ${unknown.join(', ')} (choose from ${known.join(', ')}).`
    )
  if (names.length === 0)
    throw new AppError('invalid_argument', `Choose at least one of ${known.join(', ')}.`)
  return [...new Set(names)] as T[]
}

export const parseLists = (value: string): ParticipantListName[] => parseNames(value, LIST_NAMES, 'list')
export const parseColumns = (value: string): ListColumnName[] => parseNames(value, COLUMN_NAMES, 'column')

export interface ListChoice {
  lists: readonly ParticipantListName[]
  columns: readonly ListColumnName[]
  language: Language
  /** Attendance kept in the mirror, by participant id. */
  attendance?: ReadonlyMap<string, AttendanceState>
}

export interface TableSection {
  list: ParticipantListName
  title: string
  rows: string[][]
}

export interface ParticipantTable {
  title: string
  meta: string
  headers: string[]
  columns: readonly ListColumnName[]
  sections: TableSection[]
}

function cell(p: ParticipantView, place: number, column: ListColumnName, choice: ListChoice): string {
  const t = TEXT[choice.language]
  switch (column) {
    case 'place':
      return String(p.numberInQueue ?? place)
    case 'name':
      return fullName(p) + (p.isExternal ? ` (${t.outside})` : '')
    case 'student_number':
      return p.studentNumber ?? ''
    case 'email':
      return [p.email, p.isExternal ? p.contact : null].filter(Boolean).join(', ')
    case 'status':
      return (t.status as Record<string, string>)[p.status] ?? p.status
    case 'substantiation':
      return p.status === 'rejected'
        ? pick(p.rejectionSubstantiation?.name, choice.language)
        : pick(p.substantiation?.name, choice.language)
    case 'message':
      return (p.status === 'rejected' ? p.rejectionMessage : p.substantiationMessage) ?? ''
    case 'notes':
      return String(p.notesCount ?? 0)
    case 'attendance': {
      const a = choice.attendance?.get(p.id)
      return a ? t.attendance[a] : ''
    }
    case 'signature':
      return ''
  }
}

/** The chosen lists and columns of one date, in the order a lecturer reads them. */
export function participantTable(details: MeetingDateDetails, choice: ListChoice): ParticipantTable {
  const t = TEXT[choice.language]
  const byName = (a: ParticipantView, b: ParticipantView) => compareNames(a, b, choice.language)
  const people: Record<ParticipantListName, ParticipantView[]> = {
    main: [...details.main].sort(byName),
    // The reserve list's order is its queue: who moves up first.
    reserve: details.reserve,
    rejected: [...details.rejected].sort(byName)
  }
  const { item } = details
  return {
    title: pick(details.meeting.name, choice.language) || t.untitled,
    meta: `${item.start.slice(0, 10)}, ${item.start.slice(11, 16)}–${item.end.slice(11, 16)}${item.room ? ` · ${t.room}: ${item.room}` : ''}${details.meeting.term ? ` · ${pick(details.meeting.term, choice.language)}` : ''}`,
    headers: choice.columns.map((c) => t.columns[c]),
    columns: choice.columns,
    sections: choice.lists.map((list) => ({
      list,
      title: t.lists[list],
      rows: people[list].map((p, i) => choice.columns.map((c) => cell(p, i + 1, c, choice)))
    }))
  }
}

/** CSV: UTF-8 with BOM and CRLF; a first column naming the list; `;` in Polish, `,` in English unless chosen. */
export function participantTableCsv(
  table: ParticipantTable,
  language: Language,
  separator?: ';' | ','
): string {
  const sep = separator ?? (language === 'pl' ? ';' : ',')
  const header = [TEXT[language].list, ...table.headers]
  const rows = table.sections.flatMap((s) => s.rows.map((r) => [s.title, ...r]))
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(sep)).join('\r\n') + '\r\n'
}

/** The printable A4 page (the print pipeline turns it into PDF). */
export function participantTableHtml(table: ParticipantTable, language: Language, printedAt: string): string {
  const t = TEXT[language]
  const cls = (c: ListColumnName) => (c === 'place' ? ' class="n"' : c === 'signature' ? ' class="sig"' : '')
  const sections = table.sections
    .filter((s) => s.rows.length > 0)
    .map(
      (s) => `<table>
  <caption>${escapeHtml(s.title)} (${s.rows.length})</caption>
  <thead><tr>${table.headers.map((h, i) => `<th${cls(table.columns[i]!)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>
  <tbody>
${s.rows.map((r) => `    <tr>${r.map((v, i) => `<td${cls(table.columns[i]!)}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n')}
  </tbody>
</table>`
    )
  return printablePage({
    language,
    title: table.title,
    documentTitle: `${table.title} — ${table.meta.slice(0, 17)}`,
    metaHtml: escapeHtml(table.meta),
    bodyHtml: sections.length > 0 ? sections.join('\n') : `<p>${escapeHtml(t.nobody)}</p>`,
    footerHtml: `${t.printed}: ${escapeHtml(printedAt)}`
  })
}

/** An XLSX workbook: one sheet, a header row, the list's name in the first column. */
export async function participantTableXlsx(table: ParticipantTable, language: Language): Promise<Buffer> {
  const header = [TEXT[language].list, ...table.headers].map((value) => ({
    value,
    fontWeight: 'bold' as const
  }))
  const rows = table.sections.flatMap((s) => s.rows.map((r) => [s.title, ...r].map((value) => ({ value }))))
  return writeXlsxFile([header, ...rows], {
    sheet: language === 'pl' ? 'Uczestnicy' : 'Participants'
  }).toBuffer()
}

/** One date's table as the mirror has it, with the attendance marked here. */
export function participantTableOf(
  db: Database.Database,
  meetingDateId: string,
  choice: Omit<ListChoice, 'attendance'>
): ParticipantTable {
  const attendance = new Map(
    dateAttendance(db, meetingDateId).flatMap((r) =>
      r.attendance ? [[r.participant_id, r.attendance] as const] : []
    )
  )
  return participantTable(meetingDateDetails(db, meetingDateId), { ...choice, attendance })
}
