import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExamGroupView } from '../../../shared/types-exams'
import { api } from '../../app/api'
import { errorText } from '../../app/error-text'

/**
 * Whether this installation has refused batch registration in this session. USOS does not say
 * whether a consumer key is administrative before such a call is made, so the panel is offered
 * folded, with that said, and withdrawn once the installation refuses.
 */
let refusedThisSession = false

/** Batch (un)registration of many users to a slot, for accounts with an administrative consumer key. */
export function BatchPanel({ group, onDone }: { group: ExamGroupView; onDone: () => void }) {
  const { t } = useTranslation()
  const [refused, setRefused] = useState(refusedThisSession)
  const [slot, setSlot] = useState(group.slots[0]?.number ?? 1)
  const [ids, setIds] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [results, setResults] = useState<Array<{ userId: string; status: string }> | null>(null)
  const run = async (action: 'register' | 'unregister') => {
    setBusy(true)
    setError(null)
    try {
      setResults(
        await api.batchExamRegistration({
          examId: group.examId,
          groupNumber: group.number,
          slot,
          userIds: ids.split(/[\s,;]+/).filter(Boolean),
          action
        })
      )
      onDone()
    } catch (e) {
      if ((e as { code?: unknown }).code === 'forbidden') {
        refusedThisSession = true
        setRefused(true)
      }
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  if (refused)
    return (
      <p className="hint" data-testid="batch-refused">
        {t('exams.batch.refused')}
        {error && (
          <>
            {' '}
            <span role="alert" className="error" id="batch-error">
              {error}
            </span>
          </>
        )}
      </p>
    )
  return (
    <details className="panel batch">
      <summary>{t('exams.batch.heading')}</summary>
      <p className="hint">{t('exams.batch.hint')}</p>
      <div className="form-row">
        <label htmlFor="batch-slot">{t('exams.slot')}</label>
        <select id="batch-slot" value={slot} onChange={(e) => setSlot(Number(e.target.value))}>
          {(group.slots.length ? group.slots : [{ number: 1 }]).map((s) => (
            <option key={s.number} value={s.number}>
              {s.number}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="batch-ids">{t('exams.batch.ids')}</label>
        <textarea
          id="batch-ids"
          rows={3}
          value={ids}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'batch-error' : undefined}
          onChange={(e) => setIds(e.target.value)}
        />
      </div>
      <div className="toolbar">
        <button type="button" disabled={busy || !ids.trim()} onClick={() => void run('register')}>
          {t('exams.batch.register')}
        </button>
        <button type="button" disabled={busy || !ids.trim()} onClick={() => void run('unregister')}>
          {t('exams.batch.unregister')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error" id="batch-error">
          {error}
        </p>
      )}
      {results && (
        <table className="batch-results" data-testid="batch-results">
          <caption>{t('exams.batch.results')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exams.batch.user')}</th>
              <th scope="col">{t('date.status')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.userId}>
                <th scope="row">{r.userId}</th>
                <td>{t(`exams.batch.status.${r.status}`, { defaultValue: r.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
