import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import type { TemplateView } from '../../../shared/types-slips-admin'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { useLoad } from '../../app/useApi'
import { usosMessages, type FieldMessages } from './usos-messages'

type Question = TemplateView['questions'][number]

function QuestionRow({
  tpl,
  q,
  index,
  onTemplate,
  onFork
}: {
  tpl: TemplateView
  q: Question
  index: number
  onTemplate: (t: TemplateView) => void
  onFork: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [text, setText] = useState(q.question)
  const [meaning, setMeaning] = useState<'' | 'yes' | 'no'>('')
  const [problem, setProblem] = useState<FieldMessages | null>(null)
  const draft = tpl.state === 'draft'
  const run = async (f: () => Promise<TemplateView>) => {
    setProblem(null)
    try {
      onTemplate(await f())
    } catch (e) {
      setProblem(usosMessages(e, language))
    }
  }
  const move = (by: -1 | 1) => {
    const ids = tpl.questions.map((x) => x.id)
    const j = index + by
    if (j < 0 || j >= ids.length) return
    ;[ids[index], ids[j]] = [ids[j]!, ids[index]!]
    void run(() => api.updateSlipTemplate({ tplId: tpl.id, questionsOrder: ids }))
  }
  const save = () =>
    run(async () => {
      const r = await api.updateTemplateQuestion({
        tplId: tpl.id,
        questionId: q.id,
        question: text,
        ...(draft ? {} : { isMeaningChanged: meaning === 'yes' })
      })
      if (r.forkedQuestionId) onFork(t('slips.templates.forked', { old: q.id, id: r.forkedQuestionId }))
      return r.template
    })
  const id = `q-${tpl.id}-${q.id}`
  return (
    <li data-question-id={q.id} className={q.isObsolete ? 'obsolete' : undefined}>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <label className="visually-hidden" htmlFor={id}>
          {t('slips.templates.question', { n: index + 1 })}
        </label>
        <input
          id={id}
          size={50}
          value={text}
          disabled={q.isObsolete}
          aria-describedby={problem?.fields.question ? `${id}-problem` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {q.isObsolete && <span className="badge"> {t('slips.templates.obsolete')}</span>}
        {!draft && !q.isObsolete && text !== q.question && (
          <fieldset className="inline">
            <legend>{t('slips.templates.meaningChanged')}</legend>
            <label className="inline">
              <input
                type="radio"
                name={`${id}-meaning`}
                checked={meaning === 'yes'}
                onChange={() => setMeaning('yes')}
              />{' '}
              {t('slips.templates.yes')}
            </label>{' '}
            <label className="inline">
              <input
                type="radio"
                name={`${id}-meaning`}
                checked={meaning === 'no'}
                onChange={() => setMeaning('no')}
              />{' '}
              {t('slips.templates.no')}
            </label>
          </fieldset>
        )}{' '}
        {!q.isObsolete && (
          <button type="submit" disabled={text === q.question || (!draft && meaning === '')}>
            {t('slips.templates.save')}
          </button>
        )}{' '}
        <button type="button" aria-label={t('slips.templates.up', { n: index + 1 })} onClick={() => move(-1)}>
          ↑
        </button>
        <button
          type="button"
          aria-label={t('slips.templates.down', { n: index + 1 })}
          onClick={() => move(1)}
        >
          ↓
        </button>{' '}
        {q.canDelete ? (
          <button
            type="button"
            onClick={() => void run(() => api.deleteTemplateQuestion({ tplId: tpl.id, questionId: q.id }))}
          >
            {t('slips.templates.delete')}
          </button>
        ) : (
          !q.isObsolete && (
            <button
              type="button"
              onClick={() =>
                void run(
                  async () =>
                    (await api.updateTemplateQuestion({ tplId: tpl.id, questionId: q.id, isObsolete: true }))
                      .template
                )
              }
            >
              {t('slips.templates.makeObsolete')}
            </button>
          )
        )}
      </form>
      {problem?.fields.question && (
        <p className="error" id={`${id}-problem`}>
          {problem.fields.question}
        </p>
      )}
      {problem?.generic && !problem.fields.question && (
        <p role="alert" className="error">
          {problem.generic}
        </p>
      )}
    </li>
  )
}

function Template({
  tpl: initial,
  all,
  onGone
}: {
  tpl: TemplateView
  all: TemplateView[]
  onGone: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [tpl, setTpl] = useState(initial)
  const [question, setQuestion] = useState('')
  const [problem, setProblem] = useState<FieldMessages | null>(null)
  const [note, setNote] = useState('')
  const run = async (f: () => Promise<TemplateView>) => {
    setProblem(null)
    try {
      setTpl(await f())
      return true
    } catch (e) {
      setProblem(usosMessages(e, language))
      return false
    }
  }
  const addId = `add-${tpl.id}`
  return (
    <li className="slip-question" data-template-id={tpl.id}>
      <h3>
        {tpl.name}{' '}
        <span className="badge">{t(`slips.templates.states.${tpl.state}`, { defaultValue: tpl.state })}</span>
      </h3>
      <p role="status" aria-live="polite" className="status" data-testid={`template-status-${tpl.id}`}>
        {note}
      </p>
      <ol className="template-questions">
        {tpl.questions.map((q, i) => (
          <QuestionRow
            key={`${q.id}-${q.question}`}
            tpl={tpl}
            q={q}
            index={i}
            onTemplate={setTpl}
            onFork={setNote}
          />
        ))}
      </ol>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void run(() => api.addTemplateQuestion({ tplId: tpl.id, question })).then(
            (ok) => ok && setQuestion('')
          )
        }}
      >
        <label className="inline" htmlFor={addId}>
          {t('slips.templates.newQuestion')}
        </label>{' '}
        <input
          id={addId}
          size={40}
          value={question}
          aria-invalid={problem?.fields.question ? true : undefined}
          aria-describedby={problem?.fields.question ? `${addId}-problem` : undefined}
          onChange={(e) => setQuestion(e.target.value)}
        />{' '}
        <button type="submit">{t('slips.templates.add')}</button>
      </form>
      {problem?.fields.question && (
        <p className="error" id={`${addId}-problem`}>
          {problem.fields.question}
        </p>
      )}
      {problem?.generic && (
        <p role="alert" className="error">
          {problem.generic}
        </p>
      )}
      <div className="toolbar">
        {tpl.state === 'draft' && (
          <button
            type="button"
            onClick={() => void run(() => api.updateSlipTemplate({ tplId: tpl.id, state: 'active' }))}
          >
            {t('slips.templates.activate')}
          </button>
        )}
        {tpl.state === 'active' && (
          <button
            type="button"
            onClick={() => void run(() => api.updateSlipTemplate({ tplId: tpl.id, state: 'obsolete' }))}
          >
            {t('slips.templates.retire')}
          </button>
        )}
        <label className="inline">
          {t('slips.templates.connect')}{' '}
          <select
            value=""
            onChange={(e) =>
              e.target.value &&
              void run(() =>
                api.updateSlipTemplate({
                  tplId: tpl.id,
                  connectedTplIds: [...tpl.connectedTplIds, e.target.value]
                })
              )
            }
          >
            <option value="">—</option>
            {all
              .filter((x) => x.id !== tpl.id && !tpl.connectedTplIds.includes(x.id))
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
        </label>
        {tpl.state === 'draft' && (
          <button
            type="button"
            onClick={() =>
              void api
                .deleteSlipTemplate({ tplId: tpl.id })
                .then(onGone, (e: unknown) => setProblem(usosMessages(e, language)))
            }
          >
            {t('slips.templates.deleteTemplate')}
          </button>
        )}
      </div>
      {tpl.connectedTplIds.length > 0 && (
        <p className="hint">
          {t('slips.templates.connected', {
            names: tpl.connectedTplIds.map((id) => all.find((x) => x.id === id)?.name ?? id).join(', ')
          })}
        </p>
      )}
    </li>
  )
}

/** Templates the user may edit: questions (edit, reorder, obsolete, delete), states, connections, new templates. */
export function TemplatesTab() {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const templates = useLoad(() => api.listEditableTemplates(), [])
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<FieldMessages | null>(null)
  const faculties = [
    ...new Set((templates.data ?? []).map((x) => x.facultyId).filter((f): f is string => !!f))
  ]
  const [facultyId, setFacultyId] = useState('')
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('slips.templates.heading')}</h2>
      <ErrorMessage message={templates.error} />
      <form
        className="panel inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          setProblem(null)
          api.createSlipTemplate({ facultyId: facultyId || faculties[0] || '', name, lang: language }).then(
            () => {
              setName('')
              templates.reload()
            },
            (err: unknown) => setProblem(usosMessages(err, language))
          )
        }}
      >
        <label className="inline" htmlFor="new-template-name">
          {t('slips.templates.newTemplate')}
        </label>{' '}
        <input id="new-template-name" required value={name} onChange={(e) => setName(e.target.value)} />{' '}
        <label className="inline" htmlFor="new-template-faculty">
          {t('planner.faculty')}
        </label>{' '}
        <select id="new-template-faculty" value={facultyId} onChange={(e) => setFacultyId(e.target.value)}>
          {faculties.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('slips.templates.create')}</button>
        {(problem?.fields.name || problem?.generic) && (
          <p role="alert" className="error">
            {problem.fields.name ?? problem.generic}
          </p>
        )}
      </form>
      <ul className="slip-questions" data-testid="templates">
        {(templates.data ?? []).map((x) => (
          <Template key={x.id} tpl={x} all={templates.data ?? []} onGone={templates.reload} />
        ))}
      </ul>
    </section>
  )
}
