import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import type { SlipQuestionView, SlipsInboxView } from '../../../shared/types-slips'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { OfferedOnly } from '../../app/OfferedOnly'
import { IssuerTab } from './IssuerTab'
import { TemplatesTab } from './TemplatesTab'
import { errorText, refusalMessage } from '../../app/error-text'

const PAGE = 10

function Question({
  q,
  onAnswer,
  picked,
  onPick
}: {
  q: SlipQuestionView
  onAnswer: (q: SlipQuestionView, answer: string) => Promise<string | null>
  /** Set for a waiting question: whether it is chosen for one answer to several. */
  picked?: boolean
  onPick?: (picked: boolean) => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const client = q.client ? `${q.client.firstName} ${q.client.lastName}` : t('slips.unknownClient')
  // An answer already given is changed only once the change is confirmed (one click replaced
  // "Nie – zaległa opłata" with "tak" before).
  const [confirming, setConfirming] = useState<string | null>(null)
  const send = async (value: string) => {
    setConfirming(null)
    setProblem(await onAnswer(q, value))
  }
  const answer = async (value: string) => {
    if (q.answer !== null && value !== q.answer) setConfirming(value)
    else await send(value)
  }
  const title = `${client} — ${langText(q.template, language, t('slips.slip'))}`
  return (
    <li className="slip-question" data-sq-id={q.id} aria-labelledby={`sq-${q.id}`}>
      {onPick && (
        <input
          type="checkbox"
          className="pick"
          checked={picked === true}
          aria-label={t('slips.pick', { title })}
          onChange={(e) => onPick(e.target.checked)}
        />
      )}
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
          {confirming !== null && (
            <div className="panel" role="group" aria-label={t('slips.confirmHeading')}>
              <p>
                {confirming === ''
                  ? t('slips.confirmRemove', { old: q.answer })
                  : t('slips.confirmChange', { old: q.answer, answer: confirming })}
              </p>
              <button type="button" className="primary" onClick={() => void send(confirming)}>
                {t('slips.confirmYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(null)}>
                {t('slips.confirmNo')}
              </button>
            </div>
          )}
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

/** Clearance slips, where the installation runs the module. */
export function SlipsPage() {
  return (
    <OfferedOnly module="slips" headingKey="slips.heading">
      <SlipsTabs />
    </OfferedOnly>
  )
}

/** One tab per role the user has in USOS (user_roles): answerer, issuer, template admin. */
function SlipsTabs() {
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
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const loaded = useLoad(() => api.getSlipsInbox(), [])
  const [inbox, setInbox] = useState<SlipsInboxView | null>(null)
  const [status, setStatus] = useState('')
  const [shown, setShown] = useState(PAGE)
  const [error, setError] = useState<string | null>(null)
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [bulkText, setBulkText] = useState('')
  const [bulkResults, setBulkResults] = useState<Array<{ id: string; title: string; text: string }>>([])
  const view = inbox ?? loaded.data
  const titleOf = (q: SlipQuestionView) =>
    `${q.client ? `${q.client.firstName} ${q.client.lastName}` : t('slips.unknownClient')} — ${langText(
      q.template,
      language,
      t('slips.slip')
    )}`
  /** One answer to every chosen question: USOS's answer method once per question, a result each. */
  const answerPicked = async () => {
    if (!view || !bulkText.trim()) return
    const chosen = view.waiting.filter((q) => picked.has(q.id) && q.canAnswer)
    const results: Array<{ id: string; title: string; text: string }> = []
    setStatus('')
    for (const q of chosen) {
      let text: string
      try {
        const r = await api.answerSlipQuestion({ sqId: q.id, answer: bulkText.trim() })
        setInbox(r.inbox)
        text =
          r.result.outcome === 'needs_attention'
            ? t('slips.refused', { message: refusalMessage(r.result) })
            : r.result.outcome === 'done'
              ? t('slips.answered')
              : t('slips.queued')
      } catch (e) {
        text = errorText(e)
      }
      results.push({ id: q.id, title: titleOf(q), text })
    }
    setBulkResults(results)
    setPicked(new Set())
    setBulkText('')
  }
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
            <>
              <form
                className="bulk-answer inline-form"
                aria-label={t('slips.bulkHeading')}
                onSubmit={(e) => {
                  e.preventDefault()
                  void answerPicked()
                }}
              >
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={view.waiting.slice(0, shown).every((q) => picked.has(q.id))}
                    onChange={(e) =>
                      setPicked(
                        e.target.checked
                          ? new Set([...picked, ...view.waiting.slice(0, shown).map((q) => q.id)])
                          : new Set()
                      )
                    }
                  />{' '}
                  {t('slips.pickShown')}
                </label>{' '}
                <label className="inline" htmlFor="bulk-answer">
                  {t('slips.bulkAnswer')}
                </label>{' '}
                <input id="bulk-answer" value={bulkText} onChange={(e) => setBulkText(e.target.value)} />{' '}
                <button type="submit" disabled={picked.size === 0 || !bulkText.trim()}>
                  {t('slips.bulkSend', { count: picked.size })}
                </button>
              </form>
              {bulkResults.length > 0 && (
                <ul className="bulk-results" data-testid="bulk-results" aria-label={t('slips.bulkResults')}>
                  {bulkResults.map((r) => (
                    <li key={r.id}>
                      {r.title}: {r.text}
                    </li>
                  ))}
                </ul>
              )}
              <ul className="slip-questions" data-testid="waiting">
                {view.waiting.slice(0, shown).map((q) => (
                  <Question
                    key={q.id}
                    q={q}
                    onAnswer={onAnswer}
                    picked={picked.has(q.id)}
                    onPick={(on) =>
                      setPicked((s) => {
                        const next = new Set(s)
                        if (on) next.add(q.id)
                        else next.delete(q.id)
                        return next
                      })
                    }
                  />
                ))}
              </ul>
            </>
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
