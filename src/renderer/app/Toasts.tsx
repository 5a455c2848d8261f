import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../shared/types'
import type { AppNotification } from '../../shared/types-notifications'
import { notificationText, notifiedDate } from '../../shared/notification-text'
import { api } from './api'

/** Toasts kept at once; an older one gives way to a newer. */
const MAX_TOASTS = 4

/**
 * What the app tells the lecturer of its own accord (new sign-ups, moves to the main list,
 * reminders), where the system did not show it (the web harness; a desktop without notifications).
 * A polite live region: read out when one arrives, never taking the focus; each toast stays until
 * dismissed (its button is in the tab order) or replaced, so nobody has to read against a timer.
 */
export function Toasts({ language, onOpenDate }: { language: Language; onOpenDate: (id: string) => void }) {
  const { t } = useTranslation()
  const [toasts, setToasts] = useState<AppNotification[]>([])
  useEffect(
    () =>
      api.on('notification', (n) => {
        if (!n.shownBySystem) setToasts((shown) => [...shown, n].slice(-MAX_TOASTS))
      }),
    []
  )
  const dismiss = (id: string) => setToasts((shown) => shown.filter((n) => n.id !== id))

  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={t('notifications.region')}>
      {toasts.map((n) => {
        const text = notificationText(n, t, language)
        const only = notifiedDate(n)
        return (
          <div className="toast" key={n.id} role="group" aria-labelledby={`${n.id}-title`} data-kind={n.kind}>
            <p className="toast-title" id={`${n.id}-title`}>
              {text.title}
            </p>
            <ul className="toast-lines">
              {text.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <div className="toast-actions">
              {only && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    dismiss(n.id)
                    onOpenDate(only)
                  }}
                >
                  {t('notifications.openDate')}
                </button>
              )}
              <button
                type="button"
                className="toast-dismiss"
                aria-label={`${t('notifications.dismiss')}: ${text.title}`}
                onClick={() => dismiss(n.id)}
              >
                ×
              </button>
            </div>
          </div>
        )
      })}
    </div>
  )
}
