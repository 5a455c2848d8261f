/**
 * Names of seeded templates. A faculty often keeps several variants of one clearance: by mode of
 * study, and per academic year once the rules change. Names stay within the 75-character limit.
 */
import type { TemplateKind } from './content'

const QUALIFIERS = {
  pl: ['', 'studia niestacjonarne', 'studia anglojęzyczne', 'kierunki inżynierskie'],
  en: ['', 'part-time studies', 'English-taught programmes', 'engineering programmes']
} as const

const NAME_MAX = 75

/** The academic year ("2025/26") `yearsBack` years before the one the reference date falls in. */
function academicYear(referenceDate: string, yearsBack: number): string {
  const [y, m] = referenceDate.split('-').map(Number)
  const start = (m ?? 1) >= 10 ? (y ?? 2000) : (y ?? 2000) - 1
  const from = start - yearsBack
  return `${from}/${String((from + 1) % 100).padStart(2, '0')}`
}

/** The `round`-th variant of a kind's name: base names first, then qualified, then by academic year. */
export function templateName(
  kind: TemplateKind,
  lang: 'pl' | 'en',
  round: number,
  referenceDate: string
): string {
  const names = lang === 'pl' ? kind.namesPl : kind.namesEn
  const base = names[round % names.length] as string
  const cycle = Math.floor(round / names.length)
  const qualifier = QUALIFIERS[lang][cycle % QUALIFIERS[lang].length] as string
  const yearsBack = Math.floor(cycle / QUALIFIERS[lang].length)
  const year = yearsBack > 0 ? ` (${academicYear(referenceDate, yearsBack)})` : ''
  const full = `${base}${qualifier ? ` – ${qualifier}` : ''}${year}`
  if (full.length <= NAME_MAX) return full
  return `${base}${year}`.slice(0, NAME_MAX)
}
