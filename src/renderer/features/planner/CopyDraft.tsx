import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../shared/locale-format'
import type { Language } from '../../../shared/types'
import type { DraftCopyView, DraftView, PlannerTermView } from '../../../shared/types-planner'
import { api } from '../../app/api'
import { errorText } from '../../app/error-text'
import { langText } from '../../app/lang'
import { usosToFloating } from '../../app/usos-time'

const day = (d: string, language: Language) => formatDate(usosToFloating(`${d} 12:00`), language)

/**
 * A saved draft copied to another term: the same rule over that term's days (its holidays and the
 * faculty's free days skipped anew), saved as a new draft.
 */
export function CopyDraft({
  draft,
  terms,
  onCopied
}: {
  draft: DraftView
  terms: readonly PlannerTermView[]
  onCopied: (copy: DraftCopyView) => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  // The first term after the draft's, else the first one offered.
  const next = terms.find((term) => term.startDate > draft.endDate) ?? terms[0]
  const [termId, setTermId] = useState(next?.id ?? '')
  const [problem, setProblem] = useState('')
  const chosen = terms.find((term) => term.id === termId)
  const copy = async () => {
    setProblem('')
    try {
      onCopied(await api.copyDraft({ id: draft.id, termId, language }))
    } catch (e) {
      setProblem(errorText(e))
    }
  }
  return (
    <section aria-labelledby="draft-copy-heading" className="panel draft-copy">
      <h2 id="draft-copy-heading">{t('planner.copy.heading')}</h2>
      {terms.length === 0 ? (
        <p className="empty-state">{t('planner.copy.noTerms')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="draft-copy-term">{t('planner.copy.term')}</label>
            <select id="draft-copy-term" value={termId} onChange={(e) => setTermId(e.target.value)}>
              {terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {langText(term.name, language, term.id)} ({day(term.startDate, language)} –{' '}
                  {day(term.endDate, language)}
                  {term.source === 'assumed' ? `, ${t('planner.copy.assumed')}` : ''})
                </option>
              ))}
            </select>
          </div>
          <p className="hint" id="draft-copy-how">
            {t('planner.copy.how')}
            {chosen?.source === 'assumed' ? ` ${t('planner.copy.assumedHow')}` : ''}
          </p>
          <button
            type="button"
            aria-describedby="draft-copy-how"
            disabled={!chosen}
            onClick={() => void copy()}
          >
            {t('planner.copy.button')}
          </button>
        </>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </section>
  )
}
