import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { StaleNote, seatsText } from './AttendeePage'

/** Another lecturer's open meeting dates: chosen from the lecturers one knows, or by USOS ID. */
export function ColleaguesPage() {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const lecturers = useLoad(() => api.colleagueLecturers(), [])
  const [lecturerId, setLecturerId] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const dates = useLoad(
    () => (lecturerId ? api.colleagueDates({ lecturerId }) : Promise.resolve(null)),
    [lecturerId]
  )
  const d = dates.data?.value
  return (
    <section aria-labelledby="colleagues-heading">
      <h1 id="colleagues-heading">{t('colleagues.heading')}</h1>
      <ErrorMessage message={lecturers.error} />
      <div className="toolbar">
        <label className="inline">
          {t('colleagues.choose')}{' '}
          <select value={lecturerId ?? ''} onChange={(e) => setLecturerId(e.target.value || null)}>
            <option value="">—</option>
            {(lecturers.data ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.lastName} {l.firstName}
              </option>
            ))}
          </select>
        </label>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (typed.trim()) setLecturerId(typed.trim())
          }}
        >
          <label className="inline">
            {t('colleagues.byId')}{' '}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" />
          </label>{' '}
          <button type="submit">{t('colleagues.show')}</button>
        </form>
      </div>
      <ErrorMessage message={dates.error} />
      <StaleNote fetched={dates.data} />
      {d && (
        <>
          <h2>
            {t('colleagues.datesOf', {
              name: `${d.lecturer.firstName} ${d.lecturer.lastName}`,
              count: d.dates.length
            })}
          </h2>
          {d.dates.length === 0 ? (
            <p className="empty-state">{t('colleagues.none')}</p>
          ) : (
            <table className="colleague-dates" data-testid="colleague-dates">
              <thead>
                <tr>
                  <th scope="col">{t('calendar.date')}</th>
                  <th scope="col">{t('calendar.time')}</th>
                  <th scope="col">{t('calendar.event')}</th>
                  <th scope="col">{t('meetings.room')}</th>
                  <th scope="col">{t('meetings.seats')}</th>
                </tr>
              </thead>
              <tbody>
                {d.dates.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">{x.start.slice(0, 10)}</th>
                    <td>
                      {x.start.slice(11, 16)}–{x.end.slice(11, 16)}
                    </td>
                    <td>{langText(x.meetingName, language, t('calendar.untitled'))}</td>
                    <td>{x.room ?? '–'}</td>
                    <td>{seatsText(x, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
