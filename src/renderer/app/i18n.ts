import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../shared/types'
import en from './locales/en.json'
import pl from './locales/pl.json'

// i18next: plural rules for Polish (1 / 2-4 / 5+) and interpolation come with it, not by hand.
export const resources = { pl: { translation: pl }, en: { translation: en } } as const

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: language === 'pl' ? 'en' : 'pl',
    interpolation: { escapeValue: false }
  })
  document.documentElement.lang = language
  return i18next
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}
