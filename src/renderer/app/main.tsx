import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../styles/app.css'
import { api } from './api'
import { App } from './App'
import { initI18n } from './i18n'

async function start(): Promise<void> {
  const settings = await api.getSettings()
  initI18n(settings.language)
  const root = document.getElementById('root')
  if (!root) throw new Error('no #root element')
  createRoot(root).render(
    <StrictMode>
      <App initialSettings={settings} />
    </StrictMode>
  )
}

void start()
