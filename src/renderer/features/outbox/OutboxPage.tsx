import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '../../../shared/types'
import { api } from '../../app/api'
import { useLoad } from '../../app/useApi'
import { usosSaid } from '../../app/error-text'
import { usosToFloating } from '../../app/usos-time'
import { formatDayTime } from '../../../shared/locale-format'
import type { Language } from '../../../shared/types'

/** USOS's side of a conflict, as "fact: value" pairs in the UI's language. */
function RemoteFacts({ remote }: { remote: NonNullable<OutboxItemView['remote']> }) {
  const { t, i18n } = useTranslation()
  const value = (k: string, v: string | number | boolean | null) =>
    v === null
      ? '–'
      : typeof v === 'boolean'
        ? t(v ? 'outbox.yes' : 'outbox.no')
        : k === 'status'
          ? t(`status.${String(v)}`, { defaultValue: String(v) })
          : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(v)
            ? formatDayTime(usosToFloating(v), i18n.language === 'en' ? 'en' : 'pl')
            : String(v)
  return (
    <>
      {Object.entries(remote).map(([k, v], i) => (
        <span key={k}>
          {i > 0 && ', '}
          {t(`outbox.facts.${k}`, { defaultValue: k })}: <strong>{value(k, v)}</strong>
        </span>
      ))}
    </>
  )
}

/** Changes made here that have not reached USOS yet, and those USOS refused (with both sides). */
export function OutboxPage({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'pl'
  const { data, error, reload } = useLoad(() => api.listOutbox(), [])
  const act = async (run: () => Promise<unknown>) => {
    await run()
    reload()
    onChanged()
  }
  const describe = (e: OutboxItemView) =>
    t(`outbox.kinds.${e.kind}`, {
      ...e.payload,
      subject: e.subject ?? t('outbox.someone'),
      note_type: e.payload.note_type ? t(`notes.${e.payload.note_type}`) : '',
      // The date by its day and hour, not USOS's id ("pon., 30 listopada, 8:00").
      when: e.when ? formatDayTime(usosToFloating(e.when), language) : t('outbox.unknownDate'),
      defaultValue: e.summary
    })
  /** USOS's refusal in the UI language; its English text only when it gave nothing else. */
  const refusalText = (e: OutboxItemView) =>
    usosSaid(e.refusal?.reasons, e.refusal?.userMessages, language) ??
    (language === 'en'
      ? e.lastError
      : // USOS's own text is English: in Polish, the reason's code it gave, or only that it refused.
        e.refusal?.reasons[0]
        ? t('errors.usosRefusedCode', { code: e.refusal.reasons[0] })
        : e.lastError
          ? t('errors.usosRefused')
          : null)
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
            <li key={e.opId} className={e.state} data-op-kind={e.kind}>
              <strong>{describe(e)}</strong> — {t(`outbox.state.${e.state}`)}
              {e.state === 'needs_attention' ? (
                <dl className="conflict">
                  <dt>{t('outbox.mine')}</dt>
                  <dd>{describe(e)}</dd>
                  <dt>{t('outbox.usosSaid')}</dt>
                  <dd className="error">{refusalText(e) ?? '–'}</dd>
                  {e.remote && (
                    <>
                      <dt>{t('outbox.theirs')}</dt>
                      <dd>
                        <RemoteFacts remote={e.remote} />
                      </dd>
                    </>
                  )}
                </dl>
              ) : (
                e.lastError && (
                  <div className="error" title={e.lastError}>
                    {language === 'en' ? e.lastError : t('outbox.lastTryFailed')}
                  </div>
                )
              )}
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
