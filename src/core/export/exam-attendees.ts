/** An exam group's attendee list: printable (A4, signature column) and CSV, through the same pipeline as participant lists. */
import type { Language } from '../../shared/types'
import type { ExamGroupDetails } from '../../shared/types-exams'
import { csvField, escapeHtml, printablePage } from './participants'

const LABELS = {
  pl: {
    exam: 'Egzamin',
    group: 'grupa',
    room: 'sala',
    attendees: 'Zdający',
    name: 'Imię i nazwisko',
    number: 'Nr albumu',
    signature: 'Podpis',
    nobody: 'Nikt się nie zapisał.',
    unread: 'USOS nie udostępnia listy zdających tej grupy (widzi ją tylko koordynator).',
    printed: 'Wydrukowano'
  },
  en: {
    exam: 'Exam',
    group: 'group',
    room: 'room',
    attendees: 'Attendees',
    name: 'Name',
    number: 'Student number',
    signature: 'Signature',
    nobody: 'Nobody has registered.',
    unread: 'USOS does not show this group’s attendees (only the coordinator sees them).',
    printed: 'Printed'
  }
} as const

const examTitle = (d: ExamGroupDetails, language: Language) =>
  (language === 'pl' ? d.exam.name.pl || d.exam.name.en : d.exam.name.en || d.exam.name.pl) ||
  LABELS[language].exam

export function examAttendeesHtml(d: ExamGroupDetails, language: Language, printedAt: string): string {
  const l = LABELS[language]
  const title = `${examTitle(d, language)}${d.exam.courseId ? ` (${d.exam.courseId})` : ''}`
  const g = d.group
  const rows = d.attendees
    .map(
      (a, i) =>
        `    <tr><td class="n">${i + 1}</td><td>${escapeHtml(`${a.firstName} ${a.lastName}`)}</td><td>${escapeHtml(a.studentNumber ?? '')}</td><td class="sig"></td></tr>`
    )
    .join('\n')
  const body = !d.attendeesRead
    ? `<p>${escapeHtml(l.unread)}</p>`
    : d.attendees.length === 0
      ? `<p>${l.nobody}</p>`
      : `<table>
  <caption>${l.attendees} (${d.attendees.length})</caption>
  <thead><tr><th class="n">#</th><th>${l.name}</th><th>${l.number}</th><th class="sig">${l.signature}</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>`
  return printablePage({
    language,
    title,
    documentTitle: `${title} — ${g.start.slice(0, 16)}`,
    metaHtml: `${escapeHtml(g.start.slice(0, 10))}, ${escapeHtml(g.start.slice(11, 16))}–${escapeHtml(g.end.slice(11, 16))} · ${l.group} ${g.number}${g.room ? ` · ${l.room}: ${escapeHtml(g.room)}` : ''}`,
    bodyHtml: body,
    footerHtml: `${l.printed}: ${escapeHtml(printedAt)}`
  })
}

/** UTF-8 with BOM and CRLF (Excel). */
export function examAttendeesCsv(d: ExamGroupDetails, language: Language): string {
  const l = LABELS[language]
  const lines = [['#', l.name, l.number].map(csvField).join(',')]
  d.attendees.forEach((a, i) =>
    lines.push([String(i + 1), `${a.firstName} ${a.lastName}`, a.studentNumber ?? ''].map(csvField).join(','))
  )
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
