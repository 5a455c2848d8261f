import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../shared/types'
import { api } from './api'
import { setLanguage } from './i18n'
import { routes, useHashRoute, type Route } from './useHashRoute'
import { CalendarPage } from '../features/calendar/CalendarPage'
import { SettingsPage } from '../features/settings/SettingsPage'

export function App({ initialSettings }: { initialSettings: Settings }) {
  const { t } = useTranslation()
  const [route, navigate] = useHashRoute()
  const [settings, setSettings] = useState(initialSettings)

  useEffect(() => api.on('settingsChanged', setSettings), [])
  useEffect(() => {
    setLanguage(settings.language)
    document.documentElement.dataset.theme = settings.theme
  }, [settings.language, settings.theme])

  const labels: Record<Route, string> = { calendar: t('nav.calendar'), settings: t('nav.settings') }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('app.mainNavigation')}>
        <div className="brand">{t('app.title')}</div>
        <ul>
          {routes.map((r) => (
            <li key={r}>
              <a
                href={`#/${r}`}
                aria-current={route === r ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(r)
                }}
              >
                {labels[r]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {route === 'calendar' && <CalendarPage />}
        {route === 'settings' && <SettingsPage settings={settings} onChange={setSettings} />}
      </main>
    </div>
  )
}
