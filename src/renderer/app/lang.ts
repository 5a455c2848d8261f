import type { LangDict, Language } from '../../shared/types'

/** A LangDict in the UI language, falling back to the other one, then to the given fallback. */
export function langText(dict: LangDict | null | undefined, language: Language, fallback = ''): string {
  if (!dict) return fallback
  const first = dict[language]
  const other = dict[language === 'pl' ? 'en' : 'pl']
  return (first && first.trim()) || (other && other.trim()) || fallback
}
