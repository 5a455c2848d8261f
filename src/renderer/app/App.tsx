import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  AccountsView,
  OutboxItemView,
  Settings,
  SyncProgressView,
  SyncStateView
} from '../../shared/types'
import { api } from './api'
import { setLanguage } from './i18n'
import {
  lastCalendarHash,
  parseRoute,
  sections,
  useHashRoute,
  type ObjectPage,
  type Section
} from './useHashRoute'
import { CalendarPage } from '../features/calendar/CalendarPage'
import {
  AccountsPage,
  AttendeePage,
  ColleaguesPage,
  ExamGroupPage,
  ExamsPage,
  MeetingDatePage,
  MeetingPage,
  MeetingsPage,
  OutboxPage,
  PlannerPage,
  SettingsPage,
  SlipsPage
} from './pages'
import { StatusBar } from './StatusBar'
import { Toasts } from './Toasts'
import { ShortcutsHelp } from './ShortcutsHelp'
import { isPlainShortcut } from './shortcuts'
import { errorText } from './error-text'
import { appNow } from './usos-time'
import { syncAtOpen } from '../../shared/sync-schedule'

/**
 * Focuses the page's heading as soon as it is rendered (a page may show "Loading…" first), unless
 * the user has put the focus somewhere meanwhile. Answers a cleanup.
 */
function focusHeadingWhenShown(): () => void {
  const main = document.getElementById('main')
  if (!main) return () => {}
  const free = () => {
    const at = document.activeElement
    return !at || at === document.body || at === main || !at.isConnected
  }
  const tryFocus = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1')
    if (!heading) return false
    if (free()) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
      heading.focus()
    }
    return true
  }
  if (tryFocus()) return () => {}
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop()
  })
  const timer = setTimeout(() => stop(), 5000)
  const stop = () => {
    observer.disconnect()
    clearTimeout(timer)
  }
  observer.observe(main, { childList: true, subtree: true })
  return stop
}

/** What the app asked for as it started, beside its settings (each missing if that call failed). */
export interface StartLoads {
  accounts?: AccountsView
  syncState?: SyncStateView
  outbox?: OutboxItemView[]
}

const outboxCounts = (items: OutboxItemView[]) => ({
  pending: items.filter((i) => i.state !== 'needs_attention' && i.state !== 'done').length,
  needsAttention: items.filter((i) => i.state === 'needs_attention').length
})

export function App({ initialSettings, atStart = {} }: { initialSettings: Settings; atStart?: StartLoads }) {
  const { t } = useTranslation()
  const [route, navigate] = useHashRoute()
  const [settings, setSettings] = useState(initialSettings)
  const [accounts, setAccounts] = useState<AccountsView | null>(atStart.accounts ?? null)
  const [refreshKey, setRefreshKey] = useState(0)
  const [progress, setProgress] = useState<SyncProgressView | null>(null)
  const [outbox, setOutbox] = useState(() =>
    atStart.outbox ? outboxCounts(atStart.outbox) : { pending: 0, needsAttention: 0 }
  )
  const [syncError, setSyncError] = useState<string | null>(null)
  // When the copy was last synced (null: never), and a count of finished syncs (to restart the timer).
  const [syncState, setSyncState] = useState<{ lastSyncedAt: string | null } | null>(
    atStart.syncState ?? null
  )
  const [syncsDone, setSyncsDone] = useState(0)
  const loadSyncState = useCallback(() => {
    api.getSyncState().then(setSyncState, () => {})
  }, [])
  const [helpOpen, setHelpOpen] = useState(false)

  const [loadError, setLoadError] = useState<string | null>(null)
  const loadAccounts = useCallback(() => {
    api.listAccounts().then(
      (a) => {
        setAccounts(a)
        setLoadError(null)
      },
      (e: unknown) => setLoadError(errorText(e))
    )
  }, [])

  // The badge counts what is still waiting: from the outbox itself at start and after a sync (a
  // backlog left from the last session shows at once), then from outboxChanged events.
  const loadOutbox = useCallback(() => {
    api.listOutbox().then(
      (items) => setOutbox(outboxCounts(items)),
      () => {}
    )
  }, [])
  const sync = useCallback(
    async (full = false) => {
      setSyncError(null)
      try {
        await api.sync(full ? { full } : {})
        loadOutbox()
        setRefreshKey((k) => k + 1)
      } catch (e) {
        setSyncError(errorText(e))
      } finally {
        loadSyncState()
        setSyncsDone((n) => n + 1)
      }
    },
    [loadOutbox, loadSyncState]
  )

  // What the first draw already has is not asked for again as it mounts (the window would draw
  // anew just after showing the calendar).
  // (Made once: taken from as each load's effect first runs, never drawn.)
  const [haveAtStart] = useState(
    () => new Set(Object.entries(atStart).flatMap(([k, v]) => (v === undefined ? [] : [k])))
  )
  useEffect(() => {
    if (!haveAtStart.delete('accounts')) loadAccounts()
  }, [haveAtStart, loadAccounts])
  useEffect(() => {
    if (!haveAtStart.delete('syncState')) loadSyncState()
  }, [haveAtStart, loadSyncState, accounts])
  useEffect(() => {
    if (!haveAtStart.delete('outbox')) loadOutbox()
  }, [haveAtStart, loadOutbox])
  // The network is back: what was queued meanwhile goes to USOS now, not at the next sync.
  useEffect(() => {
    const onOnline = () => void api.sendOutbox().then(setOutbox, () => {})
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [])
  useEffect(() => api.on('settingsChanged', setSettings), [])
  useEffect(() => api.on('accountsChanged', setAccounts), [])
  useEffect(() => api.on('syncProgress', setProgress), [])
  useEffect(
    () => api.on('outboxChanged', (o) => setOutbox({ pending: o.pending, needsAttention: o.needsAttention })),
    []
  )
  useEffect(() => api.on('signInNeeded', () => loadAccounts()), [loadAccounts])
  useEffect(() => {
    setLanguage(settings.language)
    document.documentElement.dataset.theme = settings.theme
  }, [settings.language, settings.theme])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'r') {
        e.preventDefault()
        void sync(e.shiftKey)
      } else if (e.altKey && !e.ctrlKey && /^[1-9]$/.test(e.key)) {
        const target = sections[Number(e.key) - 1]
        if (target) {
          e.preventDefault()
          navigate({ section: target })
        }
      } else if (e.key === '?' && isPlainShortcut(e)) {
        e.preventDefault()
        setHelpOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [sync, navigate])

  // A new page (Alt+1…9, a link, Enter on an event, Esc back) takes the focus to its heading once it
  // is there, so the keyboard and a screen reader start from the page's top, not from the body.
  const routeKey = 'id' in route ? `${route.section}/${route.id}` : route.section
  const firstRoute = useRef(true)
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false
      return
    }
    return focusHeadingWhenShown()
  }, [routeKey])
  // The calendar draws again only when what it shows changes, not with every change up here.
  const openDate = useCallback((id: string) => navigate({ section: 'date', id }), [navigate])
  // A click on a system notification about one date (the desktop app) opens that date here.
  useEffect(() => api.on('openMeetingDate', ({ meetingDateId }) => openDate(meetingDateId)), [openDate])
  const openExamGroup = useCallback((id: string) => navigate({ section: 'exam', id }), [navigate])

  const active = accounts?.accounts.find((a) => a.active) ?? null
  const activeId = active && !active.needsSignIn ? active.id : null
  const autoSyncMinutes = settings.autoSyncMinutes

  // At opening: a copy older than the automatic interval (yesterday's, after a restart) is synced
  // at once, not shown as if current. Once, for the account the window opens with (a sign-in
  // later syncs by itself).
  const openChecked = useRef(false)
  useEffect(() => {
    if (openChecked.current || accounts === null || syncState === null) return
    openChecked.current = true
    const last = syncState.lastSyncedAt ? new Date(syncState.lastSyncedAt) : null
    // Started from a timer: the effect only decides (a sync sets state as it starts).
    if (activeId && syncAtOpen(last, appNow(), autoSyncMinutes)) setTimeout(() => void sync(), 0)
  }, [accounts, syncState, activeId, autoSyncMinutes, sync])

  // While open: a sync every `autoSyncMinutes` after the last one finished (manual ones included).
  useEffect(() => {
    if (!activeId || autoSyncMinutes <= 0) return
    const timer = setTimeout(() => void sync(), autoSyncMinutes * 60 * 1000)
    return () => clearTimeout(timer)
  }, [activeId, autoSyncMinutes, syncsDone, sync])
  // A newcomer with no account lands on sign-in, where the demo is one click away.
  const section: Section | ObjectPage =
    accounts && !active && route.section === 'calendar' ? 'accounts' : route.section

  const labels: Record<Section, string> = {
    calendar: t('nav.calendar'),
    meetings: t('nav.meetings'),
    planner: t('nav.planner'),
    exams: t('nav.exams'),
    slips: t('nav.slips'),
    colleagues: t('nav.colleagues'),
    signups: t('nav.signups'),
    accounts: t('nav.accounts'),
    outbox: t('nav.outbox'),
    settings: t('nav.settings')
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('app.mainNavigation')}>
        <div className="brand">{t('app.title')}</div>
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <a
                href={`#/${s}`}
                aria-current={
                  section === s ||
                  (s === 'meetings' && section === 'meeting') ||
                  (s === 'exams' && section === 'exam')
                    ? 'page'
                    : undefined
                }
                onClick={(e) => {
                  e.preventDefault()
                  navigate({ section: s })
                }}
              >
                {labels[s]}
                {s === 'outbox' && outbox.pending + outbox.needsAttention > 0 && (
                  <span
                    className="badge"
                    aria-label={t('outbox.badge', { count: outbox.pending + outbox.needsAttention })}
                  >
                    {' '}
                    {outbox.pending + outbox.needsAttention}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {loadError && (
          <p role="alert" className="error">
            {t('app.error', { message: loadError })}
          </p>
        )}
        <StatusBar
          account={active}
          progress={progress}
          error={syncError}
          lastSyncedAt={syncState?.lastSyncedAt ?? null}
          onSync={() => void sync()}
          onCancel={() => void api.cancelSync()}
        />
        <Toasts language={settings.language} onOpenDate={openDate} />
        {section === 'calendar' && (
          <CalendarPage refreshKey={refreshKey} onOpenDate={openDate} onOpenExamGroup={openExamGroup} />
        )}
        {section === 'colleagues' && <ColleaguesPage />}
        {section === 'slips' && <SlipsPage key={refreshKey} />}
        {section === 'signups' && <AttendeePage />}
        {section === 'exams' && (
          <ExamsPage refreshKey={refreshKey} onOpenGroup={(id) => navigate({ section: 'exam', id })} />
        )}
        {route.section === 'exam' && (
          <ExamGroupPage
            key={`${route.id}-${refreshKey}`}
            groupKey={route.id}
            onBack={() => navigate({ section: 'exams' })}
          />
        )}
        {section === 'planner' && <PlannerPage onChanged={() => setRefreshKey((k) => k + 1)} />}
        {section === 'meetings' && (
          <MeetingsPage refreshKey={refreshKey} onOpen={(id) => navigate({ section: 'meeting', id })} />
        )}
        {route.section === 'meeting' && (
          <MeetingPage
            key={`${route.id}-${refreshKey}`}
            meetingId={route.id}
            onBack={() => navigate({ section: 'meetings' })}
            onOpenDate={(id) => navigate({ section: 'date', id })}
          />
        )}
        {route.section === 'date' && (
          <MeetingDatePage
            key={`${route.id}-${refreshKey}`}
            meetingDateId={route.id}
            onBack={() => (location.hash = lastCalendarHash())}
          />
        )}
        {section === 'accounts' && (
          <AccountsPage
            accounts={accounts}
            onChanged={() => {
              loadAccounts()
              // To the calendar once synced, unless the user has gone elsewhere meanwhile.
              void sync().then(() => {
                if (['accounts', 'calendar'].includes(parseRoute(location.hash).section))
                  navigate({ section: 'calendar' })
              })
            }}
          />
        )}
        {section === 'outbox' && <OutboxPage onChanged={() => setRefreshKey((k) => k + 1)} />}
        {section === 'settings' && <SettingsPage settings={settings} onChange={setSettings} />}
        {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      </main>
    </div>
  )
}
