import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountView, SyncProgressView } from '../../shared/types'

export function StatusBar({
  account,
  progress,
  error,
  onSync,
  onCancel
}: {
  account: AccountView | null
  progress: SyncProgressView | null
  error: string | null
  onSync: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [online, setOnline] = useState(navigator.onLine)
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
