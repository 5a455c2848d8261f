import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import type { SlipQuestionView, SlipsInboxView } from '../../../shared/types-slips'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { IssuerTab } from './IssuerTab'
import { TemplatesTab } from './TemplatesTab'
import { errorText, refusalMessage } from '../../app/error-text'

const PAGE = 10

function Question({
  q,
  onAnswer
}: {
  q: SlipQuestionView
  onAnswer: (q: SlipQuestionView, answer: string) => Promise<string | null>
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const client = q.client ? `${q.client.firstName} ${q.client.lastName}` : t('slips.unknownClient')
  const answer = async (value: string) => {
    setProblem(await onAnswer(q, value))
  }
  return (
    <li className="slip-question" data-sq-id={q.id} aria-labelledby={`sq-${q.id}`}>
      <h3 id={`sq-${q.id}`}>
        {client}
        {q.client?.studentNumber && <small> ({q.client.studentNumber})</small>} —{' '}
        {langText(q.template, language, t('slips.slip'))}
      </h3>
      <p className="question">{q.question}</p>
      {q.descForAnswerers && <p className="hint desc">{q.descForAnswerers}</p>}
      {q.issuersComment && <p className="hint">{t('slips.issuersComment', { comment: q.issuersComment })}</p>}
      <p>
        <span className={`badge status-${q.answerStatus ?? 'pending'}`}>
          {t(`slips.status.${q.answerStatus ?? 'pending'}`, { defaultValue: q.answerStatus ?? '' })}
        </span>
        {q.answer !== null && ` ${t('slips.answer', { answer: q.answer })}`}
        {q.pending && <span className="badge warn"> {t('slips.pending')}</span>}
      </p>
      {!q.canAnswer ? (
        <p className="hint">{langText(q.whyCantAnswer, language, t('slips.cannotAnswer'))}</p>
      ) : (
        <>
          {q.quickAnswers.length > 0 && (
            <div className="toolbar" role="group" aria-label={t('slips.quickAnswers')}>
              {q.quickAnswers.map((a) => (
                <button key={a} type="button" onClick={() => void answer(a)}>
                  {a}
                </button>
              ))}
            </div>
          )}
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              if (text.trim()) void answer(text.trim())
            }}
          >
            <label className="inline" htmlFor={`answer-${q.id}`}>
              {t('slips.ownAnswer')}
            </label>{' '}
            <input
              id={`answer-${q.id}`}
              value={text}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `answer-${q.id}-problem` : undefined}
              onChange={(e) => setText(e.target.value)}
            />{' '}
            <button type="submit">{t('slips.send')}</button>
            {q.answer !== null && (
              <>
                {' '}
                <button type="button" onClick={() => void answer('')}>
                  {t('slips.removeAnswer')}
                </button>
              </>
            )}
          </form>
          {problem && (
            <p role="alert" className="error" id={`answer-${q.id}-problem`}>
              {problem}
            </p>
          )}
        </>
      )}
    </li>
  )
}

type Tab = 'inbox' | 'issued' | 'templates'

/** Clearance slips, one tab per role the user has in USOS (user_roles): answerer, issuer, template admin. */
export function SlipsPage() {
  const { t } = useTranslation()
  const roles = useLoad(() => api.slipRoles(), [])
  const r = roles.data ?? {}
  const known = Object.keys(r).length > 0
  const tabs: Tab[] = [
    ...(!known || r.answerer || r.client ? (['inbox'] as const) : []),
    ...(r.issuer ? (['issued'] as const) : []),
    ...(r.template_admin ? (['templates'] as const) : [])
  ]
  const [chosen, setTab] = useState<Tab>('inbox')
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] ?? 'inbox')
  return (
    <section aria-labelledby="slips-heading">
      <h1 id="slips-heading">{t('slips.heading')}</h1>
      {tabs.length > 1 && (
        <div role="tablist" aria-label={t('slips.heading')} className="toolbar">
          {tabs.map((x) => (
            <button key={x} type="button" role="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
              {t(`slips.tabs.${x}`)}
            </button>
          ))}
        </div>
      )}
      <div role={tabs.length > 1 ? 'tabpanel' : undefined}>
        {tab === 'inbox' && <Inbox />}
        {tab === 'issued' && <IssuerTab />}
        {tab === 'templates' && <TemplatesTab />}
      </div>
    </section>
  )
}

/** The answerer's inbox: questions waiting for an answer (quick answers one click away), then the recently answered. */
function Inbox() {
  const { t } = useTranslation()
  const loaded = useLoad(() => api.getSlipsInbox(), [])
  const [inbox, setInbox] = useState<SlipsInboxView | null>(null)
  const [status, setStatus] = useState('')
  const [shown, setShown] = useState(PAGE)
  const [error, setError] = useState<string | null>(null)
  const view = inbox ?? loaded.data
  const onAnswer = async (q: SlipQuestionView, answer: string): Promise<string | null> => {
    setStatus('')
    try {
      const r = await api.answerSlipQuestion({ sqId: q.id, answer })
      setInbox(r.inbox)
      if (r.result.outcome === 'needs_attention')
        return t('slips.refused', { message: refusalMessage(r.result) })
      setStatus(r.result.outcome === 'done' ? t('slips.answered') : t('slips.queued'))
      return null
    } catch (e) {
      return errorText(e)
    }
  }
  return (
    <section aria-label={t('slips.tabs.inbox')}>
      <ErrorMessage message={loaded.error ?? error} />
      <div className="toolbar">
        <button
          type="button"
          onClick={() =>
            void api.refreshSlips().then(
              (v) => {
                setInbox(v)
                setError(null)
              },
              (e: unknown) => setError(errorText(e))
            )
          }
        >
          {t('slips.refresh')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="status" data-testid="slips-status">
        {status}
      </p>
      {view && view.roles.answerer === false && <p className="empty-state">{t('slips.notAnswerer')}</p>}
      {view && (
        <>
          <h2>{t('slips.waiting', { count: view.waiting.length })}</h2>
          {view.waiting.length === 0 ? (
            <p className="empty-state">{t('slips.nothingWaiting')}</p>
          ) : (
            <ul className="slip-questions" data-testid="waiting">
              {view.waiting.slice(0, shown).map((q) => (
                <Question key={q.id} q={q} onAnswer={onAnswer} />
              ))}
            </ul>
          )}
          {view.waiting.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              {t('slips.more', { count: Math.min(PAGE, view.waiting.length - shown) })}
            </button>
          )}
          <h2>{t('slips.recentlyAnswered', { count: view.answered.length })}</h2>
          {view.answered.length > 0 && (
            <ul className="slip-questions answered" data-testid="answered">
              {view.answered.map((q) => (
                <Question key={q.id} q={q} onAnswer={onAnswer} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
