/**
 * The desktop app's notifications: what the core decides to tell (core/app/notifications.ts), shown
 * through the system by the main process, as the window's own (web) Notification is denied by its
 * permission handler (security.ts). No Electron import here: index.ts passes Electron's
 * `Notification` class, tests a stand-in.
 *
 * The words come from the window's locale files through an i18next instance of its own, and
 * notification-text.ts, so the system notification says exactly what the window's toast says.
 */
import i18next, { type i18n } from 'i18next'
import type { SystemNotifier } from '../core/app/notifications'
import { notificationText, type Translate } from '../shared/notification-text'
import type { Language } from '../shared/types'
import type { AppNotification } from '../shared/types-notifications'
import en from '../renderer/app/locales/en.json'
import pl from '../renderer/app/locales/pl.json'

/** Electron's Notification as far as this uses it. */
export interface ShownNotification {
  show(): void
  on(event: 'click' | 'close', listener: () => void): unknown
}
export interface NotificationClass {
  new (options: { title: string; body: string }): ShownNotification
  isSupported(): boolean
}

let translations: i18n | null = null

/** `t` in a language, from the same locale files as the window (Polish plural forms included). */
export function mainTranslator(language: Language): Translate {
  if (!translations) {
    translations = i18next.createInstance()
    void translations.init({
      resources: { pl: { translation: pl }, en: { translation: en } },
      lng: 'pl',
      fallbackLng: ['pl', 'en'],
      interpolation: { escapeValue: false },
      initAsync: false
    })
  }
  const t = translations.getFixedT(language)
  return (key, options) => t(key, options ?? {})
}

/**
 * Shows each notification through `Notification` in the UI's language; clicking one calls
 * `onClick` (the app brings its window forward). Answers false where the system has none, so
 * that the window shows it instead.
 */
export function systemNotifier(
  Notification: NotificationClass,
  options: { language: () => Language; onClick?: (notification: AppNotification) => void }
): SystemNotifier {
  // Electron drops a notification's click handler once the object is collected: kept until closed.
  const open = new Set<ShownNotification>()
  return (notification) => {
    if (!Notification.isSupported()) return false
    const language = options.language()
    const text = notificationText(notification, mainTranslator(language), language)
    const shown = new Notification({ title: text.title, body: text.lines.join('\n') })
    open.add(shown)
    shown.on('click', () => {
      open.delete(shown)
      options.onClick?.(notification)
    })
    shown.on('close', () => open.delete(shown))
    shown.show()
    return true
  }
}
