import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../styles/app.css'
import { api } from './api'
import { App } from './App'
import { QuarantineNotice } from './QuarantineNotice'
import { initI18n } from './i18n'
import { followMainClock } from './usos-time'

async function start(root: HTMLElement): Promise<void> {
  const [settings, info] = await Promise.all([api.getSettings(), api.getAppInfo()])
  followMainClock(info.now)
  initI18n(settings.language)
  createRoot(root).render(
    <StrictMode>
      <QuarantineNotice paths={info.quarantined} />
      <App initialSettings={settings} />
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
