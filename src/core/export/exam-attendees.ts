/** An exam group's attendee list: printable (A4, signature column) and CSV, through the same pipeline as participant lists. */
import type { Language } from '../../shared/types'
import type { ExamGroupDetails } from '../../shared/types-exams'
import { csvLine, escapeHtml, printablePage, printedDay } from './participants'

const LABELS = {
  pl: {
    exam: 'Egzamin',
    group: 'grupa',
    room: 'sala',
    attendees: 'Zdający',
    name: 'Imię i nazwisko',
    number: 'Nr albumu',
    signature: 'Podpis',
    slot: 'Slot',
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
    slot: 'Slot',
    nobody: 'Nobody has registered.',
    unread: 'USOS does not show this group’s attendees (only the coordinator sees them).',
    printed: 'Printed'
  }
} as const

const examTitle = (d: ExamGroupDetails, language: Language) =>
  (language === 'pl' ? d.exam.name.pl || d.exam.name.en : d.exam.name.en || d.exam.name.pl) ||
  LABELS[language].exam

/** A slot's heading: "Slot 2, 09:30–10:00". */
function slotLabel(d: ExamGroupDetails, number: number, language: Language): string {
  const slot = d.group.slots.find((s) => s.number === number)
  const time = slot?.start && slot.end ? `, ${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}` : ''
  return `${LABELS[language].slot} ${number}${time}`
}

/**
 * The attendees to print, in tables: one per slot where each attendee's slot is known (all slots,
 * or the one asked for), else one for the whole group.
 */
function attendeeTables(
  d: ExamGroupDetails,
  language: Language,
  slotNumber: number | undefined
): Array<{ caption: string; attendees: ExamGroupDetails['attendees'] }> {
  const l = LABELS[language]
  if (!d.slotsRead) return [{ caption: l.attendees, attendees: d.attendees }]
  const numbers = slotNumber === undefined ? d.group.slots.map((s) => s.number) : [slotNumber]
  return numbers.map((n) => ({
    caption: `${slotLabel(d, n, language)} — ${l.attendees}`,
    attendees: d.attendees.filter((a) => a.slotNumber === n)
  }))
}

/** The group's list (by slot where USOS says who sits in which), or one slot's. */
export function examAttendeesHtml(
  d: ExamGroupDetails,
  language: Language,
  printedAt: string,
  slotNumber?: number
): string {
  const l = LABELS[language]
  const title = `${examTitle(d, language)}${d.exam.courseId ? ` (${d.exam.courseId})` : ''}`
  const g = d.group
  const table = (caption: string, attendees: ExamGroupDetails['attendees']) =>
    attendees.length === 0
      ? `<p><strong>${escapeHtml(caption)}</strong>: ${l.nobody}</p>`
      : `<table>
  <caption>${escapeHtml(caption)} (${attendees.length})</caption>
  <thead><tr><th class="n">#</th><th>${l.name}</th><th>${l.number}</th><th class="sig">${l.signature}</th></tr></thead>
  <tbody>
${attendees
  .map(
    (a, i) =>
      `    <tr><td class="n">${i + 1}</td><td>${escapeHtml(`${a.firstName} ${a.lastName}`)}</td><td>${escapeHtml(a.studentNumber ?? '')}</td><td class="sig"></td></tr>`
  )
  .join('\n')}
  </tbody>
</table>`
  const tables = attendeeTables(d, language, slotNumber)
  const body = !d.attendeesRead
    ? `<p>${escapeHtml(l.unread)}</p>`
    : d.attendees.length === 0 && slotNumber === undefined
      ? `<p>${l.nobody}</p>`
      : tables.map((t) => table(t.caption, t.attendees)).join('\n')
  const slot = slotNumber === undefined ? '' : ` · ${escapeHtml(slotLabel(d, slotNumber, language))}`
  return printablePage({
    language,
    title,
    documentTitle: `${title} — ${g.start.slice(0, 16)}`,
    metaHtml: `${escapeHtml(printedDay(g.start, language))}, ${escapeHtml(g.start.slice(11, 16))}–${escapeHtml(g.end.slice(11, 16))} · ${l.group} ${g.number}${slot}${g.room ? ` · ${l.room}: ${escapeHtml(g.room)}` : ''}`,
    bodyHtml: body,
    footerHtml: `${l.printed}: ${escapeHtml(printedAt)}`
  })
}

/** UTF-8 with BOM and CRLF (Excel); with a slot column where the slots are known. */
export function examAttendeesCsv(d: ExamGroupDetails, language: Language, slotNumber?: number): string {
  const l = LABELS[language]
  const lines = [csvLine(['#', l.name, l.number, ...(d.slotsRead ? [l.slot] : [])], language)]
  const attendees = attendeeTables(d, language, slotNumber).flatMap((t) => t.attendees)
  attendees.forEach((a, i) =>
    lines.push(
      csvLine(
        [
          String(i + 1),
          `${a.firstName} ${a.lastName}`,
          a.studentNumber ?? '',
          ...(d.slotsRead ? [String(a.slotNumber ?? '')] : [])
        ],
        language
      )
    )
  )
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
