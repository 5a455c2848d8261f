import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../shared/types'
import en from './locales/en.json'
import pl from './locales/pl.json'

// i18next: plural rules for Polish (1 / 2-4 / 5+) and interpolation come with it, not by hand.
export const resources = { pl: { translation: pl }, en: { translation: en } } as const

declare global {
  interface Window {
    /** Keys asked for that neither locale has (read by the e2e tests; logged for developers). */
    __missingTranslations?: string[]
  }
}

export function initI18n(language: Language): typeof i18next {
  window.__missingTranslations = []
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: language === 'pl' ? 'en' : 'pl',
    interpolation: { escapeValue: false },
    // A text asked for and found in no locale (a state or kind nobody translated, a typo) is
    // recorded, so the tests' walk through every screen fails on it, even behind a defaultValue.
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => {
      if (window.__missingTranslations?.includes(key)) return
      window.__missingTranslations?.push(key)
      console.warn(`missing translation: ${key}`)
    }
  })
  document.documentElement.lang = language
  return i18next
}

export function setLanguage(language: Language): void {
  // The same language again would still tell every translated component to draw anew (the whole
  // calendar, once more, as the app opens).
  if (i18next.language !== language) void i18next.changeLanguage(language)
  document.documentElement.lang = language
}
