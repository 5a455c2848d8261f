import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, LangDict } from '../../../shared/types'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { errorText } from '../../app/error-text'

/** One faculty's free days: typed in, or imported from the faculty's ICS calendar. */
export function FreeDaysPanel({
  facultyId,
  faculties,
  onChanged
}: {
  facultyId: string | null
  faculties: Array<{ id: string; name: LangDict }>
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const days = useLoad(() => (facultyId ? api.listFreeDays({ facultyId }) : Promise.resolve([])), [facultyId])
  const [day, setDay] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const faculty = faculties.find((f) => f.id === facultyId)
  const run = async (f: () => Promise<unknown>) => {
    setError(null)
    setStatus('')
    try {
      await f()
      days.reload()
      onChanged()
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <section aria-labelledby="free-days-heading" className="panel free-days">
      <h2 id="free-days-heading">
        {t('planner.freeDays')}
        {faculty ? ` — ${langText(faculty.name, language, faculty.id)}` : ''}
      </h2>
      {!facultyId ? (
        <p className="empty-state">{t('planner.chooseFaculty')}</p>
      ) : (
        <>
          <ErrorMessage message={days.error ?? error} />
          <p role="status" aria-live="polite" className="status" data-testid="free-days-status">
            {status}
          </p>
          {days.data && days.data.length === 0 && <p className="empty-state">{t('planner.noFreeDays')}</p>}
          {days.data && days.data.length > 0 && (
            <ul data-testid="free-days">
              {days.data.map((d) => (
                <li key={d.day}>
                  {d.day}
                  {d.reason ? ` — ${d.reason}` : ''} <small>({t(`planner.source.${d.source}`)})</small>{' '}
                  <button
                    type="button"
                    aria-label={t('planner.removeFreeDay', { day: d.day })}
                    onClick={() => void run(() => api.removeFreeDay({ facultyId, day: d.day }))}
                  >
                    {t('planner.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              void run(async () => {
                await api.addFreeDay({ facultyId, day, reason })
                setDay('')
                setReason('')
              })
            }}
          >
            <label className="inline">
              {t('planner.freeDayDate')}{' '}
              <input type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
            </label>{' '}
            <label className="inline">
              {t('planner.freeDayReason')}{' '}
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>{' '}
            <button type="submit">{t('planner.addFreeDay')}</button>
          </form>
          <label className="inline">
            {t('planner.importIcs')}{' '}
            <input
              type="file"
              accept=".ics,text/calendar"
              onChange={(e) => {
                const file = e.target.files?.[0]
                e.target.value = ''
                if (!file) return
                void run(async () => {
                  const r = await api.importFreeDays({ facultyId, icsText: await file.text() })
                  setStatus(t('planner.imported', { count: r.imported }))
                })
              }}
            />
          </label>
        </>
      )}
    </section>
  )
}
