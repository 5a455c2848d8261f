/**
 * A meeting date's participant list for print (HTML rendered to PDF by Electron or Chromium) and
 * for spreadsheets (CSV). Produced here, without Electron, so it is tested as it is. Every name is
 * untrusted text: it is escaped, never interpreted as HTML.
 */
import { formatDayLong } from '../../shared/locale-format'
import type { Language, MeetingDateDetails, ParticipantView } from '../../shared/types'

const LABELS = {
  pl: {
    main: 'Lista główna',
    reserve: 'Lista rezerwowa',
    queue: 'Lp.',
    name: 'Imię i nazwisko',
    id: 'Nr albumu / kontakt',
    status: 'Status',
    substantiation: 'Uzasadnienie',
    signature: 'Podpis',
    room: 'Sala',
    outside: 'spoza USOS',
    printed: 'Wydrukowano',
    list: 'Lista',
    participantId: 'ID zgłoszenia',
    userId: 'ID osoby w USOS',
    email: 'E-mail',
    status_accepted: 'przyjęty',
    status_waiting: 'oczekuje',
    status_rejected: 'odrzucony',
    status_token_created: 'token',
    nobody: 'Brak zapisanych osób.'
  },
  en: {
    main: 'Main list',
    reserve: 'Reserve list',
    queue: 'No.',
    name: 'Name',
    id: 'Student no. / contact',
    status: 'Status',
    substantiation: 'Substantiation',
    signature: 'Signature',
    room: 'Room',
    outside: 'outside person',
    printed: 'Printed',
    list: 'List',
    participantId: 'Sign-up ID',
    userId: 'USOS person ID',
    email: 'Email',
    status_accepted: 'accepted',
    status_waiting: 'waiting',
    status_rejected: 'rejected',
    status_token_created: 'token',
    nobody: 'Nobody has signed up.'
  }
} as const

/**
 * An A4 page for the print pipeline: no script, inline style only (the CSP says so), the table
 * header repeated on every page and rows never split. Every text in it is escaped by the caller.
 */
export function printablePage(p: {
  language: Language
  title: string
  documentTitle: string
  metaHtml: string
  bodyHtml: string
  footerHtml: string
}): string {
  return `<!doctype html>
<html lang="${p.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(p.documentTitle)}</title>
<style>
  @page { size: A4; margin: 15mm 12mm; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #000; }
  h1 { font-size: 14pt; margin: 0 0 4pt; }
  p.meta { margin: 0 0 10pt; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
  caption { text-align: left; font-weight: bold; padding: 4pt 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { border: 0.5pt solid #444; padding: 3pt 4pt; text-align: left; vertical-align: top; }
  td.n, th.n { width: 8mm; text-align: right; }
  td.sig, th.sig { width: 35mm; }
  footer { font-size: 8pt; color: #444; }
</style>
</head>
<body>
<h1>${escapeHtml(p.title)}</h1>
<p class="meta">${p.metaHtml}</p>
${p.bodyHtml}
<footer>${p.footerHtml}</footer>
</body>
</html>
`
}

/** The day of a USOS local datetime ("2026-11-30 08:00:00") written for readers of the language. */
export function printedDay(usosDateTime: string, language: Language): string {
  const [y, m, d] = usosDateTime.slice(0, 10).split('-').map(Number) as [number, number, number]
  return formatDayLong(new Date(y, m - 1, d, 12), language)
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  )
}

/** A LangDict in the language asked, else the other; '' when neither. */
export const pick = (d: { pl: string | null; en: string | null } | null | undefined, language: Language) =>
  d ? ((language === 'pl' ? d.pl || d.en : d.en || d.pl) ?? '') : ''

/** The name as every list writes it: titles, first name, last name. */
export const fullName = (p: ParticipantView) => [p.titles, p.firstName, p.lastName].filter(Boolean).join(' ')
const idOrContact = (p: ParticipantView) =>
  p.isExternal ? [p.email, p.contact].filter(Boolean).join(', ') : (p.studentNumber ?? p.userId ?? '')
const statusLabel = (p: ParticipantView, language: Language) =>
  (LABELS[language] as Record<string, string>)[`status_${p.status}`] ?? p.status
const substantiation = (p: ParticipantView, language: Language) =>
  [pick(p.substantiation?.name, language), p.substantiationMessage].filter(Boolean).join(': ')

export function participantListHtml(
  details: MeetingDateDetails,
  language: Language,
  printedAt: string
): string {
  const l = LABELS[language]
  const title = pick(details.meeting.name, language) || (language === 'pl' ? 'Dyżur' : 'Office hours')
  const { item } = details
  const table = (caption: string, people: ParticipantView[]) =>
    people.length === 0
      ? ''
      : `<table>
  <caption>${escapeHtml(caption)} (${people.length})</caption>
  <thead><tr><th class="n">${l.queue}</th><th>${l.name}</th><th>${l.id}</th><th>${l.status}</th><th>${l.substantiation}</th><th class="sig">${l.signature}</th></tr></thead>
  <tbody>
${people
  .map(
    (p, i) =>
      `    <tr><td class="n">${p.numberInQueue ?? i + 1}</td><td>${escapeHtml(fullName(p))}${p.isExternal ? ` <small>(${l.outside})</small>` : ''}</td><td>${escapeHtml(idOrContact(p))}</td><td>${escapeHtml(statusLabel(p, language))}</td><td>${escapeHtml(substantiation(p, language))}</td><td class="sig"></td></tr>`
  )
  .join('\n')}
  </tbody>
</table>`
  const meta = `${escapeHtml(printedDay(item.start, language))}, ${escapeHtml(item.start.slice(11, 16))}–${escapeHtml(item.end.slice(11, 16))}${item.room ? ` · ${l.room}: ${escapeHtml(item.room)}` : ''}${details.meeting.term ? ` · ${escapeHtml(pick(details.meeting.term, language))}` : ''}`
  const body = `${table(l.main, details.main)}
${table(l.reserve, details.reserve)}
${details.main.length + details.reserve.length === 0 ? `<p>${l.nobody}</p>` : ''}`
  return printablePage({
    language,
    title,
    documentTitle: `${title} — ${item.start.slice(0, 16)}`,
    metaHtml: meta,
    bodyHtml: body,
    footerHtml: `${l.printed}: ${escapeHtml(printedAt)}`
  })
}

/**
 * The field separator a spreadsheet of the language expects: a Polish Excel splits on ";" (the
 * comma is its decimal separator), an English one on ",".
 */
export function csvSeparator(language: Language): ';' | ',' {
  return language === 'pl' ? ';' : ','
}

/** One CSV line of quoted fields, in the language's separator. */
export function csvLine(fields: readonly string[], language: Language): string {
  return fields.map(csvField).join(csvSeparator(language))
}

export function csvField(value: string): string {
  // Quote always; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/**
 * UTF-8 with BOM and CRLF, so Excel opens Polish names correctly; the header in the language asked
 * for, fields separated as its spreadsheets expect (";" in Polish, "," in English).
 */
export function participantListCsv(details: MeetingDateDetails, language: Language): string {
  const l = LABELS[language]
  const header = [
    l.list,
    l.queue,
    l.name,
    l.id,
    l.status,
    l.substantiation,
    l.participantId,
    l.userId,
    l.email
  ]
  const rows = [
    ...details.main.map((p) => [l.main, p] as const),
    ...details.reserve.map((p) => [l.reserve, p] as const)
  ].map(([list, p]) => [
    list,
    p.numberInQueue === null ? '' : String(p.numberInQueue),
    fullName(p),
    idOrContact(p),
    statusLabel(p, language),
    substantiation(p, language),
    p.id,
    p.userId ?? '',
    p.email ?? ''
  ])
  return '\uFEFF' + [header, ...rows].map((r) => csvLine(r, language)).join('\r\n') + '\r\n'
}
