import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActionResult, Language } from '../../../shared/types'
import type { AvailableMeetingView, Fetched, OpenDateView } from '../../../shared/types-attendee'
import { api } from '../../app/api'
import { ErrorMessage } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { errorText, refusalMessage } from '../../app/error-text'

/** "Shown from the copy of <time>" when USOS could not be reached. */
export function StaleNote({ fetched }: { fetched: Fetched<unknown> | null }) {
  const { t } = useTranslation()
  if (!fetched || fetched.live) return null
  return (
    <p className="badge warn">
      {t('attendee.stale', { at: fetched.fetchedAt.slice(0, 16).replace('T', ' ') })}
    </p>
  )
}

function resultText(r: ActionResult, t: (k: string, o?: Record<string, unknown>) => string): string {
  return r.outcome === 'done'
    ? t('attendee.done')
    : r.outcome === 'queued'
      ? t('attendee.queued')
      : t('attendee.refused', { message: refusalMessage(r) })
}

export function seatsText(d: OpenDateView, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t('attendee.seats', {
    taken: d.registeredCount ?? 0,
    limit: (d.seatsLimit ?? 0) + (d.reserveSeatsLimit ?? 0) || '∞'
  })
}

/** Meetings to open, each with its lecturer. */
function MeetingList({
  meetings,
  openId,
  onOpen,
  className
}: {
  meetings: AvailableMeetingView[]
  openId: string | null
  onOpen: (id: string) => void
  className: string
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  return (
    <ul className={className}>
      {meetings.map((m) => (
        <li key={m.id}>
          <button type="button" className="link" aria-pressed={openId === m.id} onClick={() => onOpen(m.id)}>
            {langText(m.name, language, t('calendar.untitled'))}
          </button>
          {m.lecturer && ` — ${m.lecturer.firstName} ${m.lecturer.lastName}`}
        </li>
      ))}
    </ul>
  )
}

/** For staff who are also students: meetings open to them, their sign-ups, signing up and off. */
export function AttendeePage() {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const overview = useLoad(() => api.attendeeOverview(), [])
  const [meetingId, setMeetingId] = useState<string | null>(null)
  const meeting = useLoad(
    () => (meetingId ? api.attendeeMeeting({ meetingId }) : Promise.resolve(null)),
    [meetingId]
  )
  // The course unit opened (a course may have several units: each is a row of its own).
  const [unitId, setUnitId] = useState<string | null>(null)
  const courseId = (() => {
    const c = overview.data?.value.courses.find((x) => x.id === unitId)
    return c ? (c.courseId ?? c.id) : null
  })()
  const course = useLoad(
    () => (courseId ? api.attendeeCourseMeetings({ courseId }) : Promise.resolve(null)),
    [courseId]
  )
  const [substantiation, setSubstantiation] = useState('')
  const [message, setMessage] = useState('')
  const [status, setStatus] = useState('')
  const act = async (run: () => Promise<ActionResult>) => {
    setStatus('')
    try {
      setStatus(resultText(await run(), t))
      overview.reload()
      meeting.reload()
    } catch (e) {
      setStatus(t('app.error', { message: errorText(e) }))
    }
  }
  const o = overview.data?.value
  const open = (id: string) => {
    setMeetingId(id)
    setSubstantiation('')
  }
  return (
    <section aria-labelledby="attendee-heading">
      <h1 id="attendee-heading">{t('attendee.heading')}</h1>
      <ErrorMessage message={overview.error} />
      <StaleNote fetched={overview.data} />
      <p role="status" aria-live="polite" className="status" data-testid="attendee-status">
        {status}
      </p>

      <h2>{t('attendee.cart')}</h2>
      {o && o.cart.length === 0 && <p className="empty-state">{t('attendee.cartEmpty')}</p>}
      {o && o.cart.length > 0 && (
        <ul className="cart" data-testid="cart">
          {o.cart.map((e) => (
            <li key={e.participantId}>
              <strong>{langText(e.meetingName, language, t('calendar.untitled'))}</strong> —{' '}
              {e.start.slice(0, 16)}–{e.end.slice(11, 16)} ·{' '}
              {t(`status.${e.status}`, { defaultValue: e.status })}
              {e.isReserve && ` · ${t('attendee.reserve', { n: e.numberInQueue ?? '?' })}`}{' '}
              <button
                type="button"
                aria-label={t('attendee.signOffFrom', { date: e.start.slice(0, 16) })}
                onClick={() =>
                  void act(() => api.signOffFromDate({ meetingDateId: e.dateId, messageLang: language }))
                }
              >
                {t('attendee.signOff')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('attendee.available')}</h2>
      {o && o.available.length === 0 && <p className="empty-state">{t('attendee.noneAvailable')}</p>}
      {o && o.available.length > 0 && (
        <MeetingList meetings={o.available} openId={meetingId} onOpen={open} className="available" />
      )}
      {o && o.courses.length > 0 && (
        <section aria-labelledby="attendee-courses-heading">
          <h2 id="attendee-courses-heading">{t('attendee.courses')}</h2>
          <ul className="courses">
            {o.courses.map((c) => {
              const key = c.courseId ?? c.id
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={unitId === c.id}
                    onClick={() => setUnitId(unitId === c.id ? null : c.id)}
                  >
                    {langText(c.name, language, key)}
                  </button>
                  {unitId === c.id && (
                    <>
                      <ErrorMessage message={course.error} />
                      <StaleNote fetched={course.data} />
                      {course.data && course.data.value.length === 0 && (
                        <p className="empty-state">{t('attendee.courseEmpty')}</p>
                      )}
                      {course.data && course.data.value.length > 0 && (
                        <MeetingList
                          meetings={course.data.value}
                          openId={meetingId}
                          onOpen={open}
                          className="course-meetings"
                        />
                      )}
                    </>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}

      {meetingId && (
        <section aria-labelledby="attendee-meeting-heading" className="panel">
          <ErrorMessage message={meeting.error} />
          <StaleNote fetched={meeting.data} />
          {meeting.data && (
            <>
              <h2 id="attendee-meeting-heading">
                {langText(meeting.data.value.meeting.name, language, t('calendar.untitled'))}
              </h2>
              <div className="form-row">
                <label htmlFor="signup-substantiation">{t('attendee.substantiation')}</label>
                <select
                  id="signup-substantiation"
                  value={substantiation}
                  onChange={(e) => setSubstantiation(e.target.value)}
                >
                  <option value="">{t('attendee.chooseSubstantiation')}</option>
                  {meeting.data.value.substantiations.map((s) => (
                    <option key={s.id} value={s.id}>
                      {langText(s.name, language, s.id)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-row">
                <label htmlFor="signup-message">{t('attendee.message')}</label>
                <input id="signup-message" value={message} onChange={(e) => setMessage(e.target.value)} />
              </div>
              <table className="attendee-dates">
                <thead>
                  <tr>
                    <th scope="col">{t('calendar.date')}</th>
                    <th scope="col">{t('calendar.time')}</th>
                    <th scope="col">{t('meetings.seats')}</th>
                    <th scope="col">{t('attendee.myStatus')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('date.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {meeting.data.value.dates.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">{d.start.slice(0, 10)}</th>
                      <td>
                        {d.start.slice(11, 16)}–{d.end.slice(11, 16)}
                      </td>
                      <td>{seatsText(d, t)}</td>
                      <td>{d.myStatus ? t(`status.${d.myStatus}`, { defaultValue: d.myStatus }) : '–'}</td>
                      <td>
                        {d.myStatus ? (
                          <button
                            type="button"
                            onClick={() =>
                              void act(() =>
                                api.signOffFromDate({ meetingDateId: d.id, messageLang: language })
                              )
                            }
                          >
                            {t('attendee.signOff')}
                          </button>
                        ) : d.canSignUp === false ? (
                          <span className="hint">{t('attendee.closed')}</span>
                        ) : (
                          <button
                            type="button"
                            disabled={!substantiation}
                            aria-label={t('attendee.signUpFor', { date: `${d.start.slice(0, 16)}` })}
                            onClick={() =>
                              void act(() =>
                                api.signUpForDate({
                                  meetingDateId: d.id,
                                  substantiationId: substantiation,
                                  ...(message.trim() ? { message: message.trim() } : {})
                                })
                              )
                            }
                          >
                            {t('attendee.signUp')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </section>
  )
}
