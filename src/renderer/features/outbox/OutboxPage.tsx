import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useLoad } from '../../app/useApi'

/** Changes made here that have not reached USOS yet, and those USOS refused (with its reason). */
export function OutboxPage({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation()
  const { data, error, reload } = useLoad(() => api.listOutbox(), [])
  const act = async (run: () => Promise<unknown>) => {
    await run()
    reload()
    onChanged()
  }
  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading">{t('outbox.heading')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {data && data.length === 0 && <p className="empty-state">{t('outbox.empty')}</p>}
      {data && data.length > 0 && (
        <ul className="outbox">
          {data.map((e) => (
            <li key={e.opId} className={e.state}>
              <strong>{e.summary}</strong> — {t(`outbox.state.${e.state}`)}
              {e.lastError && <div className="error">{e.lastError}</div>}
              {e.state === 'needs_attention' && (
                <>
                  <button type="button" onClick={() => void act(() => api.retryOutbox({ opId: e.opId }))}>
                    {t('outbox.retry')}
                  </button>{' '}
                  <button type="button" onClick={() => void act(() => api.discardOutbox({ opId: e.opId }))}>
                    {t('outbox.discard')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
