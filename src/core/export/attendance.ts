/**
 * A meeting's attendance as CSV, one row per person over all its dates: the name, the student
 * number, how often present, late and absent, and "3 z 4" (present or late, out of the dates
 * marked). UTF-8 with BOM and CRLF, ";" in Polish and "," in English, as the other CSV exports.
 */
import type { Language } from '../../shared/types'
import type { MeetingAttendanceRowView } from '../../shared/types-attendance'
import { csvLine } from './participants'

const TEXT = {
  pl: {
    headers: ['Imię i nazwisko', 'Nr albumu', 'Obecny', 'Spóźniony', 'Nieobecny', 'Obecności'],
    outOf: 'z',
    outside: 'spoza USOS'
  },
  en: {
    headers: ['Name', 'Student no.', 'Present', 'Late', 'Absent', 'Attended'],
    outOf: 'of',
    outside: 'outside person'
  }
} as const

/** "3 z 4" / "3 of 4". */
export function attendedText(row: Pick<MeetingAttendanceRowView, 'attended' | 'marked'>, language: Language) {
  return `${row.attended} ${TEXT[language].outOf} ${row.marked}`
}

export function meetingAttendanceCsv(rows: readonly MeetingAttendanceRowView[], language: Language): string {
  const t = TEXT[language]
  const lines = [csvLine(t.headers, language)]
  for (const r of rows)
    lines.push(
      csvLine(
        [
          `${r.first_name} ${r.last_name}`.trim() + (r.user_id === null ? ` (${t.outside})` : ''),
          r.student_number ?? '',
          String(r.present),
          String(r.late),
          String(r.absent),
          attendedText(r, language)
        ],
        language
      )
    )
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
