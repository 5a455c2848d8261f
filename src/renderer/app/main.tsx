import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../styles/app.css'
import { api } from './api'
import { App } from './App'
import { QuarantineNotice } from './QuarantineNotice'
import { initI18n } from './i18n'
import { followMainClock } from './usos-time'
import { parseRoute } from './useHashRoute'
import { prefetchCalendar } from '../features/calendar/CalendarPage'
import { preloadPages } from './pages'

async function start(root: HTMLElement): Promise<void> {
  // The calendar's first week is on its way while the app starts (its first event waits for it),
  // by the page's clock: the main process's is the same one, except where tests pin it, and then
  // the week it names is asked for too (a prefetch of the same week is not asked twice).
  const onCalendar = parseRoute(location.hash).section === 'calendar'
  if (onCalendar) prefetchCalendar()
  // Elsewhere the other pages' chunks are wanted now; the calendar fetches them once drawn.
  else preloadPages()
  const info = api.getAppInfo().then((i) => {
    followMainClock(i.now)
    if (onCalendar) prefetchCalendar()
    return i
  })
  // What the app's frame shows (accounts, the last sync, the outbox badge) comes with the settings,
  // so the window draws once; a failure of one of these is left to the app, which asks again.
  const optional = <T,>(answer: Promise<T>) =>
    answer.then(
      (v): T | undefined => v,
      () => undefined
    )
  const [settings, appInfo, accounts, syncState, outbox] = await Promise.all([
    api.getSettings(),
    info,
    optional(api.listAccounts()),
    optional(api.getSyncState()),
    optional(api.listOutbox())
  ])
  initI18n(settings.language)
  createRoot(root).render(
    <StrictMode>
      <QuarantineNotice paths={appInfo.quarantined} />
      <App initialSettings={settings} atStart={{ accounts, syncState, outbox }} />
    </StrictMode>
  )
}

const root = document.getElementById('root')
if (root) {
  start(root).catch((error: unknown) => {
    // Without its settings the app cannot start: say so plainly instead of a blank window.
    const message = error instanceof Error ? error.message : String(error)
    const p = document.createElement('p')
    p.setAttribute('role', 'alert')
    p.className = 'error fatal'
    p.textContent = `USOS Office Hours could not start / Nie udało się uruchomić aplikacji: ${message}`
    root.replaceChildren(p)
  })
}
