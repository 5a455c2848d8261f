import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftUsosMatchView, UsosWebParametersView } from '../../../shared/types-planner'
import type { Language } from '../../../shared/types'
import { formatDayTime } from '../../../shared/locale-format'
import { api } from '../../app/api'
import { errorText } from '../../app/error-text'
import { copyField } from '../../app/copy'
import { usosToFloating } from '../../app/usos-time'

/**
 * A saved draft meets USOS: what to type into USOSweb's date generator (USOS's API cannot create
 * meeting dates), and after a sync, how many of the draft's dates USOS has, which are missing and
 * what clashes.
 */
export function DraftInUsos({ draftId }: { draftId: string }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const [answer, setAnswer] = useState<{
    match: DraftUsosMatchView
    parameters: UsosWebParametersView
  } | null>(null)
  const [status, setStatus] = useState('')
  const box = useRef<HTMLTextAreaElement>(null)
  const check = async () => {
    setStatus('')
    try {
      setAnswer(await api.matchDraftWithUsos({ id: draftId }))
    } catch (e) {
      setStatus(t('app.error', { message: errorText(e) }))
    }
  }
  const when = (start: string) => formatDayTime(usosToFloating(start), language)
  const p = answer?.parameters
  const lines = p
    ? [
        `${t('planner.usos.from')}: ${p.start_date}`,
        `${t('planner.usos.to')}: ${p.end_date}`,
        `${t('planner.usos.number')}: ${p.number}`,
        `${t('planner.usos.frequency')}: ${t(`planner.frequencies.${p.frequency}`)}`,
        ...(p.week_day !== null ? [`${t('planner.usos.weekDay')}: ${p.week_day}`] : []),
        `${t('planner.usos.startEven')}: ${p.start_even ? t('planner.usos.yes') : t('planner.usos.no')}`,
        `${t('planner.usos.useCalendar')}: ${p.use_calendar ? t('planner.usos.yes') : t('planner.usos.no')}`,
        `${t('planner.usos.time')}: ${p.start_time}, ${t('planner.usos.minutes', { count: p.duration_min })}`,
        // The days edited on the planner's grid: USOSweb's generator cannot make them.
        ...(p.add_by_hand.length > 0 ? [`${t('planner.usos.addByHand')}: ${p.add_by_hand.join(', ')}`] : []),
        ...(p.remove_by_hand.length > 0
          ? [`${t('planner.usos.removeByHand')}: ${p.remove_by_hand.join(', ')}`]
          : [])
      ]
    : []
  return (
    <section aria-labelledby="draft-usos-heading" className="panel draft-usos">
      <h2 id="draft-usos-heading">{t('planner.usos.heading')}</h2>
      <p className="hint">{t('planner.usos.how')}</p>
      <button type="button" onClick={() => void check()}>
        {t('planner.usos.check')}
      </button>
      {answer && (
        <>
          <p data-testid="draft-usos-count">
            {t('planner.usos.count', { inUsos: answer.match.inUsos, total: answer.match.total })}
            {answer.match.missing.length > 0 &&
              ` ${t('planner.usos.missing', { count: answer.match.missing.length })}`}
          </p>
          {answer.match.missing.length > 0 && (
            <ul aria-label={t('planner.usos.missingList')}>
              {answer.match.missing.map((d) => (
                <li key={d.id}>{when(d.start)}</li>
              ))}
            </ul>
          )}
          {answer.match.clashes.length > 0 && (
            <ul aria-label={t('planner.usos.clashList')} className="warn">
              {answer.match.clashes.map((c) => (
                <li key={`${c.draftDate.id}:${c.with.id}`}>
                  {t('planner.usos.clash', { draft: when(c.draftDate.start), usos: when(c.with.start) })}
                </li>
              ))}
            </ul>
          )}
          <label htmlFor="draft-usos-parameters">{t('planner.usos.parameters')}</label>
          <textarea
            id="draft-usos-parameters"
            ref={box}
            readOnly
            rows={lines.length}
            value={lines.join('\n')}
          />
          <button
            type="button"
            onClick={() =>
              setStatus(copyField(box.current) ? t('planner.usos.copied') : t('contacts.copyByHand'))
            }
          >
            {t('planner.usos.copy')}
          </button>
        </>
      )}
      <p role="status">{status}</p>
    </section>
  )
}
