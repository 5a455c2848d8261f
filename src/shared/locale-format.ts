/**
 * Polish first: one place for the order of lists and the way dates are written, used by the
 * renderer, the printed lists, CSV and the CLI. Collation is `Intl.Collator` (ICU's Polish rules:
 * "Dąbrowska" before "Duda", "Głowacka" before "Górski", as ą and ł are letters of their own right
 * after a and l); dates are date-fns with its Polish and English locales (the genitive month in
 * "2 stycznia" comes with the locale).
 */
import { format, isSameMonth, isSameYear } from 'date-fns'
import { enGB, pl } from 'date-fns/locale'
import { UTCDate } from '@date-fns/utc'
import type { Language } from './types'
import { usosDateTimeFields } from './dates'

const collators = new Map<Language, Intl.Collator>()

/** The collator for a UI language (Polish rules in Polish; numbers compared as numbers). */
export function collatorFor(language: Language = 'pl'): Intl.Collator {
  let collator = collators.get(language)
  if (!collator) {
    collator = new Intl.Collator(language === 'pl' ? 'pl' : 'en', { sensitivity: 'base', numeric: true })
    collators.set(language, collator)
  }
  return collator
}

/** Compares two strings in the language's order. */
export function compareText(a: string, b: string, language: Language = 'pl'): number {
  return collatorFor(language).compare(a, b)
}

export interface Named {
  lastName?: string | null
  firstName?: string | null
}

/** Compares people as a list of names is read: last name, then first name. */
export function compareNames(a: Named, b: Named, language: Language = 'pl'): number {
  return (
    compareText(a.lastName ?? '', b.lastName ?? '', language) ||
    compareText(a.firstName ?? '', b.firstName ?? '', language)
  )
}

/** A sorted copy, by the text `key` gives, in the language's order. */
export function sortByText<T>(items: readonly T[], key: (item: T) => string, language: Language = 'pl'): T[] {
  const collator = collatorFor(language)
  return [...items].sort((a, b) => collator.compare(key(a), key(b)))
}

const localeOf = (language: Language) => (language === 'pl' ? pl : enGB)

/** "sob., 2 stycznia" / "Sat, 2 January". */
export function formatDayShort(day: Date, language: Language = 'pl'): string {
  return format(day, 'EEE, d MMMM', { locale: localeOf(language) })
}

/** "sobota, 2 stycznia 2027" / "Saturday, 2 January 2027". */
export function formatDayLong(day: Date, language: Language = 'pl'): string {
  return format(day, 'EEEE, d MMMM yyyy', { locale: localeOf(language) })
}

/** "2 stycznia 2027" / "2 January 2027". */
export function formatDate(day: Date, language: Language = 'pl'): string {
  return format(day, 'd MMMM yyyy', { locale: localeOf(language) })
}

/** "pon., 30 listopada, 8:00" / "Mon, 30 November, 8:00": a meeting date named in a sentence. */
export function formatDayTime(at: Date, language: Language = 'pl'): string {
  return format(at, 'EEE, d MMMM, H:mm', { locale: localeOf(language) })
}

/**
 * A USOS datetime ("2026-12-07 10:00:00", Warsaw wall clock) as its wall clock, read the same on
 * any machine whatever its zone (a UTC date with those fields: no zone of the machine applies).
 */
function usosWallClock(value: string): Date {
  const fields = usosDateTimeFields(value)
  if (!fields) return new Date(NaN)
  const [y, mo, d, h, mi, s] = fields
  return new UTCDate(y, mo - 1, d, h, mi, s)
}

/** "pon., 7 grudnia, 10:00" from a USOS datetime (Warsaw wall clock, as USOS writes it). */
export function formatUsosDayTime(value: string, language: Language = 'pl'): string {
  return formatDayTime(usosWallClock(value), language)
}

/** "10:00" from a USOS datetime. */
export function formatUsosTime(value: string): string {
  return formatTime(usosWallClock(value))
}

/** "8:00" (24-hour clock in both languages, as Polish and British readers expect). */
export function formatTime(at: Date): string {
  return format(at, 'H:mm')
}

/**
 * A range of days: "30 listopada – 6 grudnia 2026", "1–7 grudnia 2026",
 * "28 grudnia 2026 – 3 stycznia 2027".
 */
export function formatDayRange(first: Date, last: Date, language: Language = 'pl'): string {
  const locale = localeOf(language)
  if (isSameMonth(first, last)) {
    if (first.getDate() === last.getDate()) return format(first, 'd MMMM yyyy', { locale })
    return `${format(first, 'd')}–${format(last, 'd MMMM yyyy', { locale })}`
  }
  if (isSameYear(first, last)) {
    return `${format(first, 'd MMMM', { locale })} – ${format(last, 'd MMMM yyyy', { locale })}`
  }
  return `${format(first, 'd MMMM yyyy', { locale })} – ${format(last, 'd MMMM yyyy', { locale })}`
}

/** "grudzień 2026" / "December 2026": a month view's title (nominative, as a heading). */
export function formatMonthTitle(day: Date, language: Language = 'pl'): string {
  return format(day, 'LLLL yyyy', { locale: localeOf(language) })
}

/**
 * An instant as wall-clock time in Warsaw, whatever the machine's zone: "4 grudnia 2026 11:23"
 * (for "Wydrukowano", "zsynchronizowano o", and anything else that stamps a moment).
 */
export function formatWarsawStamp(instant: Date, language: Language = 'pl'): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'Europe/Warsaw',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit'
  }).format(instant)
}

/** "11:23" in Warsaw. */
export function formatWarsawTime(instant: Date): string {
  return new Intl.DateTimeFormat('pl-PL', {
    timeZone: 'Europe/Warsaw',
    hour: 'numeric',
    minute: '2-digit'
  }).format(instant)
}
