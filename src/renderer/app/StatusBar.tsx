import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountView, SyncProgressView } from '../../shared/types'
import { formatWarsawStamp, formatWarsawTime } from '../../shared/locale-format'
import { copyAge, sameWarsawDay } from '../../shared/sync-schedule'
import { appNow } from './usos-time'

export function StatusBar({
  account,
  progress,
  error,
  lastSyncedAt,
  onSync,
  onCancel
}: {
  account: AccountView | null
  progress: SyncProgressView | null
  error: string | null
  lastSyncedAt: string | null
  onSync: () => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const [online, setOnline] = useState(navigator.onLine)
  // The copy's age is said against the clock: looked at again every minute.
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60 * 1000)
    return () => clearInterval(timer)
  }, [])
  const now = appNow()
  useEffect(() => {
    const up = () => setOnline(true)
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }, [])
  if (!account) return null
  const running =
    progress !== null &&
    progress.phase !== 'done' &&
    progress.phase !== 'failed' &&
    progress.phase !== 'cancelled'
  return (
    <div className="status-bar">
      <span>
        {account.firstName} {account.lastName}
        {account.isDemo && <span className="badge"> {t('status.demo')}</span>}
        {account.needsSignIn && <span className="badge warn"> {t('accounts.needsSignIn')}</span>}
      </span>
      {!online && <span className="badge warn">{t('status.offline')}</span>}
      <span role="status" aria-live="polite" data-testid="sync-status">
        {running
          ? t('status.syncing', {
              done: progress.done,
              total: progress.total,
              phase: t(`status.phase.${progress.phase}`)
            })
          : progress?.phase === 'cancelled'
            ? t('status.cancelled')
            : error
              ? t('status.syncFailed', { message: error })
              : progress?.phase === 'done'
                ? t('status.synced')
                : ''}
      </span>
      {(() => {
        const last = lastSyncedAt ? new Date(lastSyncedAt) : null
        const age = copyAge(last, now)
        if (!last || age === 'never')
          return (
            <span className="badge warn" data-testid="synced-at">
              {t('status.neverSynced')}
            </span>
          )
        const when = sameWarsawDay(last, now)
          ? t('status.syncedAt', { time: formatWarsawTime(last) })
          : t('status.syncedOn', { stamp: formatWarsawStamp(last, i18n.language === 'en' ? 'en' : 'pl') })
        return (
          <span className={age === 'old' ? 'badge warn' : 'muted'} data-testid="synced-at">
            {age === 'old' ? t('status.stale', { when }) : when}
          </span>
        )
      })()}
      <button type="button" onClick={onSync} disabled={running} aria-keyshortcuts="Control+R">
        {t('status.sync')}
      </button>
      {running && (
        <button type="button" onClick={onCancel}>
          {t('status.cancel')}
        </button>
      )}
    </div>
  )
}
