import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import type { IssuedSlipView } from '../../../shared/types-slips-admin'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { useLoad } from '../../app/useApi'
import { usosMessages, type FieldMessages } from './usos-messages'

function IssuedSlip({ slip, onChanged }: { slip: IssuedSlipView; onChanged: (s: IssuedSlipView) => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [comment, setComment] = useState(slip.issuersComment ?? '')
  const [problem, setProblem] = useState<FieldMessages | null>(null)
  const update = async (change: {
    state?: 'active' | 'closed'
    issuersComment?: string
    questionIds?: string[]
  }) => {
    setProblem(null)
    try {
      onChanged(await api.updateIssuedSlip({ slipId: slip.id, ...change }))
    } catch (e) {
      setProblem(usosMessages(e, language))
    }
  }
  return (
    <li className="slip-question" data-slip-id={slip.id}>
      <h3>
        {slip.client ? `${slip.client.firstName} ${slip.client.lastName}` : '–'} — {slip.template?.name ?? ''}{' '}
        <span className="badge">{t(`slips.states.${slip.state}`, { defaultValue: slip.state })}</span>
      </h3>
      <ul>
        {slip.questions.map((q) => (
          <li key={q.sqId}>
            {/* The question as its template's author wrote it (data, in whatever language). */}
            <span data-usos-text>{q.question}</span>{' '}
            <span className="badge">
              {t(`slips.status.${q.answerStatus ?? 'pending'}`, { defaultValue: '' })}
            </span>{' '}
            {slip.canEdit && slip.questions.length > 1 && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  void update({
                    questionIds: slip.questions.filter((x) => x.sqId !== q.sqId).map((x) => x.questionId)
                  })
                }
              >
                {t('slips.issuer.remove')}
                <span className="visually-hidden">: {q.question}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {slip.canEdit && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            void update({ issuersComment: comment })
          }}
        >
          <label className="inline" htmlFor={`comment-${slip.id}`}>
            {t('slips.issuer.comment')}
          </label>{' '}
          <input
            id={`comment-${slip.id}`}
            value={comment}
            aria-describedby={problem?.fields.issuers_comment ? `comment-${slip.id}-problem` : undefined}
            onChange={(e) => setComment(e.target.value)}
          />{' '}
          <button type="submit">{t('slips.issuer.saveComment')}</button>{' '}
          <button
            type="button"
            onClick={() => void update({ state: slip.state === 'active' ? 'closed' : 'active' })}
          >
            {slip.state === 'active' ? t('slips.issuer.close') : t('slips.issuer.open')}
          </button>
          {problem?.fields.issuers_comment && (
            <p className="error" id={`comment-${slip.id}-problem`}>
              {problem.fields.issuers_comment}
            </p>
          )}
        </form>
      )}
      {problem?.generic && (
        <p role="alert" className="error">
          {problem.generic}
        </p>
      )}
    </li>
  )
}

/** Slips the user issued, and issuing a new one from an active template. */
export function IssuerTab() {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [state, setState] = useState<'' | 'active' | 'closed'>('')
  const slips = useLoad(() => api.listIssuedSlips(state ? { state } : {}), [state])
  const templates = useLoad(() => api.issuableTemplates(), [])
  const [tplId, setTplId] = useState('')
  const [client, setClient] = useState('')
  const [problem, setProblem] = useState<FieldMessages | null>(null)
  const [status, setStatus] = useState('')
  const [changed, setChanged] = useState<Record<string, IssuedSlipView>>({})
  const issue = async () => {
    setProblem(null)
    setStatus('')
    try {
      const slip = await api.issueSlip({ tplId, clientUserId: client.trim() })
      setStatus(t('slips.issuer.issued', { id: slip.id }))
      setClient('')
      slips.reload()
    } catch (e) {
      setProblem(usosMessages(e, language))
    }
  }
  return (
    <section aria-labelledby="issuer-heading">
      <h2 id="issuer-heading">{t('slips.issuer.heading')}</h2>
      <form
        className="panel"
        aria-labelledby="issue-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void issue()
        }}
      >
        <h3 id="issue-heading">{t('slips.issuer.issue')}</h3>
        <div className="form-row">
          <label htmlFor="issue-template">{t('slips.issuer.template')}</label>
          <select id="issue-template" required value={tplId} onChange={(e) => setTplId(e.target.value)}>
            <option value="">—</option>
            {(templates.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="issue-client">{t('slips.issuer.client')}</label>
          <input
            id="issue-client"
            required
            inputMode="numeric"
            value={client}
            aria-describedby={problem?.fields.client_user_id ? 'issue-client-problem' : undefined}
            onChange={(e) => setClient(e.target.value)}
          />
        </div>
        {problem?.fields.client_user_id && (
          <p className="error" id="issue-client-problem">
            {problem.fields.client_user_id}
          </p>
        )}
        <button type="submit">{t('slips.issuer.issueButton')}</button>
        {problem?.generic && (
          <p role="alert" className="error">
            {problem.generic}
          </p>
        )}
        <p role="status" aria-live="polite" className="status" data-testid="issuer-status">
          {status}
        </p>
      </form>
      <label className="inline">
        {t('slips.issuer.filter')}{' '}
        <select value={state} onChange={(e) => setState(e.target.value as '' | 'active' | 'closed')}>
          <option value="">{t('slips.issuer.all')}</option>
          <option value="active">{t('slips.states.active')}</option>
          <option value="closed">{t('slips.states.closed')}</option>
        </select>
      </label>
      <ErrorMessage message={slips.error} />
      <ul className="slip-questions" data-testid="issued">
        {(slips.data ?? []).map((s) => (
          <IssuedSlip
            key={s.id}
            slip={changed[s.id] ?? s}
            onChanged={(x) => setChanged((c) => ({ ...c, [x.id]: x }))}
          />
        ))}
      </ul>
    </section>
  )
}
