import { format } from 'date-fns'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDayLong, formatDayTime } from '../../../shared/locale-format'
import { installationNow, usosToFloating } from '../../app/usos-time'
import type { Language } from '../../../shared/types'
import type { ExamGroupView, ExamView } from '../../../shared/types-exams'
import { api } from '../../app/api'
import { download } from '../../app/download'
import { ErrorMessage, LoadFailed } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { OfferedOnly } from '../../app/OfferedOnly'
import { BatchPanel } from './BatchPanel'

export const examGroupKey = (examId: string, number: number) => `${examId}:${number}`

function ClashNote({ group }: { group: ExamGroupView }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  if (group.clashes.length === 0) return null
  return (
    <span className="badge warn">
      {t('exams.clash', {
        what: group.clashes
          .map(
            (c) =>
              `${langText(c.title, language, t('calendar.untitled'))} ${c.start.slice(11, 16)}–${c.end.slice(11, 16)}`
          )
          .join('; ')
      })}
    </span>
  )
}

/** Which exam reports a student must have passed to register, and with which grade at least. */
function Conditions({ exam }: { exam: ExamView }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  if (exam.conditions.length === 0) return null
  return (
    <div className="hint">
      {t('exams.conditions')}
      <ul className="exam-conditions">
        {exam.conditions.map((c) => (
          <li key={c.examrepId}>
            {langText(c.examrep, language, t('exams.examrep', { id: c.examrepId }))}:{' '}
            {c.grade
              ? t('exams.atLeast', { grade: langText(c.grade.name, language, c.grade.symbol) })
              : t('exams.anyPass')}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** One exam: its session, registration window, admission conditions and groups. */
function ExamCard({
  exam,
  onOpenGroup,
  markExaminer = false
}: {
  exam: ExamView
  onOpenGroup: (key: string) => void
  /** Among an administered session's groups, mark the ones the user examines. */
  markExaminer?: boolean
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  return (
    <section className="exam" aria-labelledby={`exam-${exam.id}`}>
      <h3 id={`exam-${exam.id}`}>
        {langText(exam.name, language, t('exams.untitled'))}
        {exam.courseId && <small> ({exam.courseId})</small>}
      </h3>
      {exam.session && (
        <p className="hint">
          {t('exams.session', {
            name: langText(exam.session.name, language, exam.sessionId ?? ''),
            status: t(`exams.sessionStatus.${exam.session.status ?? ''}`, {
              defaultValue: exam.session.status ?? ''
            })
          })}
        </p>
      )}
      {(exam.registrationStart || exam.registrationEnd) && (
        <p className="hint">
          {t('exams.registration', {
            from: exam.registrationStart
              ? formatDayTime(usosToFloating(exam.registrationStart), language)
              : '–',
            to: exam.registrationEnd ? formatDayTime(usosToFloating(exam.registrationEnd), language) : '–'
          })}
        </p>
      )}
      <Conditions exam={exam} />
      {exam.groups.length === 0 ? (
        <p className="empty-state">{t('exams.noGroups')}</p>
      ) : (
        <table className="exam-groups">
          <thead>
            <tr>
              <th scope="col">{t('exams.group')}</th>
              <th scope="col">{t('calendar.date')}</th>
              <th scope="col">{t('calendar.time')}</th>
              <th scope="col">{t('meetings.room')}</th>
              <th scope="col">{t('exams.places')}</th>
              <th scope="col">{t('exams.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {exam.groups.map((g) => (
              <tr key={g.number}>
                <th scope="row">
                  <a
                    href={`#/exam/${encodeURIComponent(examGroupKey(exam.id, g.number))}`}
                    onClick={(e) => {
                      e.preventDefault()
                      onOpenGroup(examGroupKey(exam.id, g.number))
                    }}
                  >
                    {t('exams.groupNumber', { number: g.number })}
                  </a>
                </th>
                <td>{formatDate(usosToFloating(g.start), language)}</td>
                <td>
                  {g.start.slice(11, 16)}–{g.end.slice(11, 16)}
                </td>
                <td>{g.room ?? '–'}</td>
                <td>{t('exams.taken', { taken: g.attendeesCount ?? 0, capacity: g.capacity ?? '∞' })}</td>
                <td>
                  {markExaminer && g.examiner && <span className="badge">{t('exams.youExamine')}</span>}{' '}
                  <ClashNote group={g} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * The exams the user examines (each with its groups: time, room, places taken; clashes flagged),
 * then the examination sessions they administer with all their exams.
 */
export function ExamsPage(props: { refreshKey: number; onOpenGroup: (key: string) => void }) {
  return (
    <OfferedOnly module="exams" headingKey="exams.heading">
      <ExamsList {...props} />
    </OfferedOnly>
  )
}

function ExamsList({ refreshKey, onOpenGroup }: { refreshKey: number; onOpenGroup: (key: string) => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const { data, error } = useLoad(
    () => Promise.all([api.listExams(), api.listAdministeredExams()]),
    [refreshKey]
  )
  const [examined, administered] = data ?? [null, null]
  const [filter, setFilter] = useState('')
  // Upcoming exams first (soonest first); those whose every group is over are folded below, the
  // latest first. The filter matches the name (either language) or the course code.
  const { upcoming, past } = useMemo(() => {
    const now = format(installationNow(), 'yyyy-MM-dd HH:mm:ss')
    const words = filter.toLocaleLowerCase(language).split(/\s+/).filter(Boolean)
    const shown = (examined ?? []).filter((e) => {
      const hay = `${e.name.pl ?? ''} ${e.name.en ?? ''} ${e.courseId ?? ''}`.toLocaleLowerCase(language)
      return words.every((w) => hay.includes(w))
    })
    const over = (e: ExamView) => e.groups.every((g) => g.end.replace('T', ' ') < now)
    const lastEnd = (e: ExamView) => e.groups.reduce((m, g) => (g.end > m ? g.end : m), '')
    return {
      upcoming: shown.filter((e) => !over(e)),
      past: shown.filter(over).sort((a, b) => (lastEnd(a) < lastEnd(b) ? 1 : -1))
    }
  }, [examined, filter, language])
  return (
    <section aria-labelledby="exams-heading">
      <h1 id="exams-heading">{t('exams.heading')}</h1>
      <ErrorMessage message={error} />
      <section aria-labelledby="exams-examined-heading">
        <h2 id="exams-examined-heading">{t('exams.examined')}</h2>
        {examined && examined.length === 0 && <p className="empty-state">{t('exams.empty')}</p>}
        {examined && examined.length > 0 && (
          <div className="toolbar">
            <label className="inline">
              {t('exams.filter')}{' '}
              <input
                type="search"
                value={filter}
                placeholder={t('exams.filterHint')}
                onChange={(e) => setFilter(e.target.value)}
              />
            </label>
            <span className="muted" role="status" data-testid="exams-count">
              {t('exams.shownCount', { upcoming: upcoming.length, past: past.length })}
            </span>
          </div>
        )}
        {examined && examined.length > 0 && upcoming.length === 0 && (
          <p className="empty-state">{filter ? t('exams.noMatch') : t('exams.noUpcoming')}</p>
        )}
        {upcoming.map((exam) => (
          <ExamCard key={exam.id} exam={exam} onOpenGroup={onOpenGroup} />
        ))}
        {past.length > 0 && (
          <details className="exams-past">
            <summary>{t('exams.past', { count: past.length })}</summary>
            {past.map((exam) => (
              <ExamCard key={exam.id} exam={exam} onOpenGroup={onOpenGroup} />
            ))}
          </details>
        )}
      </section>
      {administered && administered.length > 0 && (
        <section aria-labelledby="exams-administered-heading" className="exams-administered">
          <h2 id="exams-administered-heading">{t('exams.administered')}</h2>
          {administered.map((s) => (
            // Sessions still being run are open; closed and archived ones are one click away.
            <details
              key={s.id}
              className="exam-session"
              open={s.status !== 'closed' && s.status !== 'archived'}
            >
              <summary>
                <strong>{langText(s.name, language, s.id)}</strong>{' '}
                <small>
                  ({t(`exams.sessionStatus.${s.status ?? ''}`, { defaultValue: s.status ?? '' })}
                  {s.faculty.id && ` · ${langText(s.faculty.name, language, s.faculty.id)}`};{' '}
                  {t('exams.examCount', { count: s.exams.length })})
                </small>
              </summary>
              {s.exams.length === 0 ? (
                <p className="empty-state">{t('exams.sessionEmpty')}</p>
              ) : (
                s.exams.map((exam) => (
                  <ExamCard key={exam.id} exam={exam} onOpenGroup={onOpenGroup} markExaminer />
                ))
              )}
            </details>
          ))}
        </section>
      )}
    </section>
  )
}

/** One exam group: its slots and attendees, printable and as CSV. */
export function ExamGroupPage({ groupKey, onBack }: { groupKey: string; onBack: () => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const cut = groupKey.lastIndexOf(':')
  const examId = groupKey.slice(0, cut)
  const groupNumber = Number(groupKey.slice(cut + 1))
  const { data, error, reload } = useLoad(() => api.getExamGroup({ examId, groupNumber }), [groupKey])
  if (error) return <LoadFailed message={error} onBack={onBack} backLabel={t('exams.back')} />
  if (!data) return <p>{t('app.loading')}</p>
  const g = data.group
  // The whole group, or one slot (where USOS says who sits in which).
  const printList = (slotNumber?: number) =>
    void api
      .printExamAttendees({
        examId,
        groupNumber,
        language,
        ...(slotNumber === undefined ? {} : { slotNumber })
      })
      .then((r) => {
        if (!r.printed && r.html)
          download(
            `exam-${examId}-group-${groupNumber}${slotNumber === undefined ? '' : `-slot-${slotNumber}`}.html`,
            r.html,
            'text/html;charset=utf-8'
          )
      })
  const saveCsv = (slotNumber?: number) =>
    void api
      .exportExamAttendees({
        examId,
        groupNumber,
        format: 'csv',
        language,
        ...(slotNumber === undefined ? {} : { slotNumber })
      })
      .then((f) => download(f.fileName, f.text, f.mimeType))
  return (
    <section aria-labelledby="exam-group-heading">
      <button type="button" className="link" onClick={onBack}>
        ← {t('exams.back')}
      </button>
      <h1 id="exam-group-heading">
        {langText(data.exam.name, language, t('exams.untitled'))} —{' '}
        {t('exams.groupNumber', { number: g.number })}
      </h1>
      <p className="facts-line">
        {formatDayLong(usosToFloating(g.start), language)} · {g.start.slice(11, 16)}–{g.end.slice(11, 16)}
        {g.room && ` · ${g.room}`} ·{' '}
        {t('exams.taken', { taken: g.attendeesCount ?? 0, capacity: g.capacity ?? '∞' })}{' '}
        <ClashNote group={g} />
      </p>
      <div className="toolbar" role="toolbar" aria-label={t('date.actions')}>
        <button type="button" onClick={() => printList()}>
          {t('exams.print')}
        </button>
        <button type="button" onClick={() => saveCsv()}>
          CSV
        </button>
      </div>
      <BatchPanel group={g} onDone={reload} />
      {g.slots.length > 0 && (
        <>
          <table className="exam-slots">
            <caption>{t('exams.slots')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exams.slot')}</th>
                <th scope="col">{t('calendar.time')}</th>
                <th scope="col">{t('exams.places')}</th>
                {data.slotsRead && <th scope="col">{t('date.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {g.slots.map((s) => (
                <tr key={s.number}>
                  <th scope="row">{s.number}</th>
                  <td>{s.start && s.end ? `${s.start.slice(11, 16)}–${s.end.slice(11, 16)}` : '–'}</td>
                  <td>{t('exams.taken', { taken: s.attendeesCount ?? 0, capacity: s.capacity ?? '∞' })}</td>
                  {data.slotsRead && (
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-label={t('exams.printSlot', { number: s.number })}
                        onClick={() => printList(s.number)}
                      >
                        {t('exams.printShort')}
                      </button>{' '}
                      <button
                        type="button"
                        className="link"
                        aria-label={t('exams.csvSlot', { number: s.number })}
                        onClick={() => saveCsv(s.number)}
                      >
                        CSV
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {data.attendeesRead && !data.slotsRead && g.slots.length > 1 && (
            <p className="hint">{t('exams.slotsUnknown')}</p>
          )}
        </>
      )}
      {!data.attendeesRead ? (
        <p className="empty-state">{t('exams.unread')}</p>
      ) : data.attendees.length === 0 ? (
        <p className="empty-state">{t('exams.nobody')}</p>
      ) : (
        <table className="exam-attendees">
          <caption>
            {t('exams.attendees')} ({data.attendees.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('date.name')}</th>
              <th scope="col">{t('exams.studentNumber')}</th>
              {data.slotsRead && <th scope="col">{t('exams.slot')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.attendees.map((a, i) => (
              <tr key={a.userId}>
                <td>{i + 1}</td>
                <td>
                  {a.firstName} {a.lastName}
                </td>
                <td>{a.studentNumber ?? '–'}</td>
                {data.slotsRead && <td>{a.slotNumber ?? '–'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
