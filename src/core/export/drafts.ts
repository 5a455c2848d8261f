/** A planner draft as a printable page and as CSV: its dates, then the days skipped and the clashes. */
import type { Language } from '../../shared/types'
import type { DraftPreview } from '../../shared/types-planner'
import { csvLine, escapeHtml, printablePage } from './participants'

const LABELS = {
  pl: {
    draft: 'szkic',
    date: 'Data',
    time: 'Godziny',
    room: 'Sala',
    clash: 'Koliduje z',
    skipped: 'Pominięte dni',
    reason: 'Powód',
    holiday: 'święto',
    freeDay: 'dzień wolny',
    dates: 'Terminy',
    printed: 'Wydrukowano'
  },
  en: {
    draft: 'draft',
    date: 'Date',
    time: 'Time',
    room: 'Room',
    clash: 'Clashes with',
    skipped: 'Days skipped',
    reason: 'Reason',
    holiday: 'public holiday',
    freeDay: 'free day',
    dates: 'Dates',
    printed: 'Printed'
  }
} as const

const titleText = (t: { pl: string | null; en: string | null } | string, language: Language) =>
  typeof t === 'string' ? t : ((language === 'pl' ? t.pl || t.en : t.en || t.pl) ?? '')

function clashesByDate(p: DraftPreview, language: Language): Map<string, string> {
  const out = new Map<string, string>()
  for (const c of p.clashes) {
    const text = `${titleText(c.with.title, language)} ${c.with.start.slice(11, 16)}–${c.with.end.slice(11, 16)}`
    out.set(c.draftDate.id, out.has(c.draftDate.id) ? `${out.get(c.draftDate.id)}; ${text}` : text)
  }
  return out
}

const skipReason = (s: DraftPreview['skipped'][number], language: Language) =>
  s.kind === 'holiday'
    ? `${LABELS[language].holiday}: ${s.name}`
    : `${LABELS[language].freeDay}${s.reason ? `: ${s.reason}` : ''}`

export function draftHtml(p: DraftPreview, language: Language, printedAt: string): string {
  const l = LABELS[language]
  const clashes = clashesByDate(p, language)
  const rows = p.dates
    .map(
      (d, i) =>
        `    <tr><td class="n">${i + 1}</td><td>${escapeHtml(d.date)}</td><td>${escapeHtml(d.start.slice(11, 16))}–${escapeHtml(d.end.slice(11, 16))}</td><td>${escapeHtml(p.draft.room ?? '')}</td><td>${escapeHtml(clashes.get(d.id) ?? '')}</td></tr>`
    )
    .join('\n')
  const skipped = p.skipped.length
    ? `<table>
  <caption>${l.skipped} (${p.skipped.length})</caption>
  <thead><tr><th>${l.date}</th><th>${l.reason}</th></tr></thead>
  <tbody>
${p.skipped.map((s) => `    <tr><td>${escapeHtml(s.day)}</td><td>${escapeHtml(skipReason(s, language))}</td></tr>`).join('\n')}
  </tbody>
</table>`
    : ''
  return printablePage({
    language,
    title: `${p.draft.name} (${l.draft})`,
    documentTitle: `${p.draft.name} (${l.draft})`,
    metaHtml: `${escapeHtml(p.draft.startDate)} – ${escapeHtml(p.draft.endDate)}${p.draft.comment ? ` · ${escapeHtml(p.draft.comment)}` : ''}`,
    bodyHtml: `<table>
  <caption>${l.dates} (${p.dates.length})</caption>
  <thead><tr><th class="n">#</th><th>${l.date}</th><th>${l.time}</th><th>${l.room}</th><th>${l.clash}</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
${skipped}`,
    footerHtml: `${l.printed}: ${escapeHtml(printedAt)}`
  })
}

/** UTF-8 with BOM and CRLF (Excel); one row per date, then the skipped days. */
export function draftCsv(p: DraftPreview, language: Language): string {
  const l = LABELS[language]
  const clashes = clashesByDate(p, language)
  const lines = [csvLine([l.date, l.time, l.room, l.clash], language)]
  for (const d of p.dates)
    lines.push(
      csvLine(
        [
          d.date,
          `${d.start.slice(11, 16)}-${d.end.slice(11, 16)}`,
          p.draft.room ?? '',
          clashes.get(d.id) ?? ''
        ],
        language
      )
    )
  for (const s of p.skipped)
    lines.push(csvLine([s.day, '', '', `${l.skipped}: ${skipReason(s, language)}`], language))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
