import { useState } from 'react'
import { formatDayShort, formatDayTime } from '../../../shared/locale-format'
import { usosToFloating } from '../../app/usos-time'
import { useTranslation } from 'react-i18next'
import { ErrorMessage, LoadFailed } from '../../app/ErrorMessage'
import type { Language, MeetingListItem } from '../../../shared/types'
import { api } from '../../app/api'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { download } from '../../app/download'
import { errorText } from '../../app/error-text'

const yesNo = (v: boolean | null, t: (k: string) => string) =>
  v === null ? '–' : v ? t('meetings.yes') : t('meetings.no')

function groupsText(m: MeetingListItem, language: Language): string {
  return m.groups
    .map((g) =>
      `${langText(g.courseName, language, g.courseUnitId)} (${langText(g.classType, language, '')} ${g.groupNumber})`.replace(
        ' ( ',
        ' ('
      )
    )
    .join('; ')
}

/** The lecturer's meetings from the mirror, filterable by name, with their state and soonest date. */
export function MeetingsPage({ refreshKey, onOpen }: { refreshKey: number; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const { data, error } = useLoad(() => api.listMeetings(), [refreshKey])
  const [filter, setFilter] = useState('')
  const [onlyUpcoming, setOnlyUpcoming] = useState(false)
  const shown = (data ?? []).filter(
    (m) =>
      (!onlyUpcoming || m.upcomingCount > 0) &&
      `${langText(m.name, language, '')} ${langText(m.faculty, language, '')} ${groupsText(m, language)}`
        .toLowerCase()
        .includes(filter.trim().toLowerCase())
  )
  return (
    <section aria-labelledby="meetings-heading">
      <h1 id="meetings-heading">{t('meetings.heading')}</h1>
      <ErrorMessage message={error} />
      <div className="toolbar">
        <label className="inline">
          {t('meetings.filter')}{' '}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={onlyUpcoming} onChange={(e) => setOnlyUpcoming(e.target.checked)} />{' '}
          {t('meetings.onlyUpcoming')}
        </label>
      </div>
      {data && data.length === 0 && <p className="empty-state">{t('meetings.empty')}</p>}
      {shown.length > 0 && (
        <table className="meetings">
          <caption className="visually-hidden">{t('meetings.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.name')}</th>
              <th scope="col">{t('meetings.state')}</th>
              <th scope="col">{t('meetings.term')}</th>
              <th scope="col">{t('meetings.faculty')}</th>
              <th scope="col">{t('meetings.autoAccept')}</th>
              <th scope="col">{t('meetings.groups')}</th>
              <th scope="col">{t('meetings.soonest')}</th>
              <th scope="col">{t('meetings.dates')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id} data-meeting-id={m.id}>
                <th scope="row">
                  <a
                    href={`#/meeting/${encodeURIComponent(m.id)}`}
                    onClick={(e) => {
                      e.preventDefault()
                      onOpen(m.id)
                    }}
                  >
                    {langText(m.name, language, t('calendar.untitled'))}
                  </a>
                </th>
                <td>{m.state ? t(`meetings.states.${m.state}`, { defaultValue: m.state }) : '–'}</td>
                <td>{langText(m.term, language, m.termId ?? '–')}</td>
                <td>{langText(m.faculty, language, m.facultyId ?? '–')}</td>
                <td>{yesNo(m.autoAccept, t)}</td>
                <td>{groupsText(m, language) || '–'}</td>
                <td>{m.soonest ? formatDayTime(usosToFloating(m.soonest), language) : '–'}</td>
                <td>{t('meetings.datesCount', { count: m.datesCount, upcoming: m.upcomingCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** One meeting: its facts and every date the mirror holds, each a link to the date's lists. */
export function MeetingPage({
  meetingId,
  onBack,
  onOpenDate
}: {
  meetingId: string
  onBack: () => void
  onOpenDate: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const { data, error } = useLoad(() => api.getMeeting({ meetingId }), [meetingId])
  const [withParticipants, setWithParticipants] = useState(false)
  const [problem, setProblem] = useState('')
  if (error) return <LoadFailed message={error} onBack={onBack} backLabel={t('meetings.back')} />
  if (!data) return <p>{t('app.loading')}</p>
  return (
    <section aria-labelledby="meeting-heading">
      <button type="button" className="link" onClick={onBack}>
        ← {t('meetings.back')}
      </button>
      <h1 id="meeting-heading">{langText(data.name, language, t('calendar.untitled'))}</h1>
      <dl className="facts">
        <dt>{t('meetings.state')}</dt>
        <dd>{data.state ? t(`meetings.states.${data.state}`, { defaultValue: data.state }) : '–'}</dd>
        <dt>{t('meetings.term')}</dt>
        <dd>{langText(data.term, language, data.termId ?? '–')}</dd>
        <dt>{t('meetings.faculty')}</dt>
        <dd>{langText(data.faculty, language, data.facultyId ?? '–')}</dd>
        <dt>{t('meetings.autoAccept')}</dt>
        <dd>{yesNo(data.autoAccept, t)}</dd>
        <dt>{t('meetings.groups')}</dt>
        <dd>{groupsText(data, language) || '–'}</dd>
      </dl>
      {langText(data.comment, language) && <p className="comment">{langText(data.comment, language)}</p>}
      <div className="toolbar">
        <button
          type="button"
          onClick={() =>
            void api
              .exportIcs({ meetingId, withParticipants })
              .then((f) => download(f.fileName, f.text, 'text/calendar;charset=utf-8'))
          }
        >
          {t('meetings.exportIcs')}
        </button>
        <label className="inline">
          <input
            type="checkbox"
            checked={withParticipants}
            onChange={(e) => setWithParticipants(e.target.checked)}
          />{' '}
          {t('meetings.withParticipants')}
        </label>
        <button
          type="button"
          aria-describedby="meeting-attendance-how"
          onClick={() =>
            void api.exportMeetingAttendance({ meetingId, language }).then(
              (f) => download(f.fileName, f.text, f.mimeType),
              (e: unknown) => setProblem(errorText(e))
            )
          }
        >
          {t('meetings.attendanceCsv')}
        </button>
      </div>
      <p className="hint" id="meeting-attendance-how">
        {t('meetings.attendanceHow')}
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <h2>{t('meetings.datesHeading', { count: data.dates.length })}</h2>
      {data.dates.length === 0 ? (
        <p className="empty-state">{t('meetings.noDates')}</p>
      ) : (
        <table className="meeting-dates">
          <thead>
            <tr>
              <th scope="col">{t('calendar.date')}</th>
              <th scope="col">{t('calendar.time')}</th>
              <th scope="col">{t('meetings.room')}</th>
              <th scope="col">{t('meetings.seats')}</th>
            </tr>
          </thead>
          <tbody>
            {data.dates.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a
                    href={`#/date/${encodeURIComponent(d.id)}`}
                    onClick={(e) => {
                      e.preventDefault()
                      onOpenDate(d.id)
                    }}
                  >
                    {formatDayShort(usosToFloating(d.start), language)} {d.start.slice(0, 4)}
                  </a>
                </th>
                <td>
                  {d.start.slice(11, 16)}–{d.end.slice(11, 16)}
                </td>
                <td>{d.room ?? '–'}</td>
                <td>
                  {t('date.seats', { taken: d.acceptedCount ?? 0, limit: d.seatsLimit ?? '∞' })}
                  {d.waitingCount ? ` · ${t('meetings.waiting', { count: d.waitingCount })}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
