import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadFailed } from '../../app/ErrorMessage'
import type { ActionResult, Language, ParticipantView, SubstantiationView } from '../../../shared/types'
import { api } from '../../app/api'
import { langText } from '../../app/lang'
import { isPlainShortcut } from '../../app/shortcuts'
import { useLoad } from '../../app/useApi'
import type { AttendanceState } from '../../../shared/types-attendance'
import { download } from '../../app/download'
import { ParticipantTable } from './ParticipantTable'
import { ContactsPanel } from './ContactsPanel'
import { ListChooser } from './ListChooser'
import { SignUpForms } from './SignUpForms'
import { personName } from './ParticipantTable'
import { NotesEditor, type NoteTarget } from '../notes/NotesEditor'
import { errorText, refusalMessage } from '../../app/error-text'
import { formatDayLong } from '../../../shared/locale-format'
import { usosToFloating } from '../../app/usos-time'
import { meetingDateKey, prefetched } from '../../app/prefetch'

function summarize(results: ActionResult[], t: (k: string, o?: Record<string, unknown>) => string): string {
  const done = results.filter((r) => r.outcome === 'done').length
  const queued = results.filter((r) => r.outcome === 'queued').length
  const refused = results.filter((r) => r.outcome === 'needs_attention')
  const parts = []
  // What USOS did with each person (the date read again after the write), not only that it took it.
  const placed = results.flatMap((r) => (r.outcome === 'done' && r.placement ? [r.placement] : []))
  for (const p of placed) {
    const key =
      p.list === 'reserve' ? (p.mainFull ? 'reserveFull' : 'reserve') : p.list === 'main' ? 'main' : p.list
    parts.push(
      t(`date.placement.${key}`, {
        name: p.name,
        place: p.place ?? '–',
        status: p.status ? t(`status.${p.status}`) : ''
      })
    )
  }
  const unplaced = done - placed.length
  if (unplaced) parts.push(t('date.resultDone', { count: unplaced }))
  if (queued) parts.push(t('date.resultQueued', { count: queued }))
  for (const r of refused) parts.push(t('date.resultRefused', { message: refusalMessage(r) }))
  return parts.join(' ')
}

export function MeetingDatePage({ meetingDateId, onBack }: { meetingDateId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  // The first answer may already be on its way (asked for by the calendar's click; taken once).
  const { data, error, reload } = useLoad(
    () => prefetched(meetingDateKey(meetingDateId), () => api.getMeetingDate({ meetingDateId })),
    [meetingDateId]
  )
  // The mirror's copy shows at once; then the date is read from USOS again (a swap of people leaves
  // the counts an ordinary sync compares unchanged). Offline, the copy stands.
  useEffect(() => {
    let live = true
    api.refreshMeetingDate({ meetingDateId }).then(
      (r) => live && r.outcome !== 'offline' && reload(),
      () => {}
    )
    return () => {
      live = false
    }
    // `reload` is new on every render; the date is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingDateId])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [status, setStatus] = useState('')
  const [rejecting, setRejecting] = useState(false)
  const [substantiations, setSubstantiations] = useState<SubstantiationView[] | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState('')
  const [messageLang, setMessageLang] = useState<Language>(language)
  const [notesFor, setNotesFor] = useState<NoteTarget | null>(null)
  // Attendance is kept on this computer only (USOS has no method for it).
  const attendanceLoad = useLoad(() => api.getAttendance({ meetingDateId }), [meetingDateId])
  const attendance = new Map(
    (attendanceLoad.data ?? []).flatMap((r) =>
      r.attendance ? [[r.participant_id, r.attendance] as const] : []
    )
  )
  const mark = async (state: AttendanceState) => {
    const ids = [...selected]
    try {
      await api.markAttendance({
        meetingDateId,
        marks: ids.map((participantId) => ({ participantId, state }))
      })
      setStatus(t('attendance.marked', { count: ids.length, state: t(`attendance.${state}`) }))
      attendanceLoad.reload()
    } catch (e) {
      setStatus(t('app.error', { message: errorText(e) }))
    }
  }
  // Where focus was when the notes opened (the person's checkbox or notes button): it goes back
  // there when they close, not to the page's body.
  const notesOpener = useRef<HTMLElement | null>(null)
  const rejectReasonRef = useRef<HTMLSelectElement>(null)
  // The rejection form, once open (R or its button), has the focus on its first field.
  useEffect(() => {
    if (rejecting) rejectReasonRef.current?.focus()
  }, [rejecting])
  const openNotes = (p: ParticipantView) => {
    if (!data?.meeting.facultyId || !data.meeting.termId || !p.userId) {
      setStatus(t('notes.noScope'))
      return
    }
    notesOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setNotesFor({
      userId: p.userId,
      facultyId: data.meeting.facultyId,
      termId: data.meeting.termId,
      name: personName(p),
      meetingId: data.meeting.id
    })
  }

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const act = async (run: () => Promise<ActionResult[] | ActionResult>) => {
    setStatus('')
    try {
      const results = await run()
      const list = Array.isArray(results) ? results : [results]
      setStatus(summarize(list, t))
      setSelected(new Set())
      reload()
      // What USOS took is then shown as USOS has it (the queue moved up, the real entry instead of
      // the provisional one, the substantiation's name): this date is read again; offline or on a
      // failure the local view stands.
      if (list.some((r) => r.outcome === 'done')) {
        await api.refreshMeetingDate({ meetingDateId }).catch(() => {})
        reload()
      }
    } catch (e) {
      setStatus(t('app.error', { message: errorText(e) }))
    }
  }

  const accept = () => act(() => api.acceptParticipants({ participantIds: [...selected], messageLang }))
  const openReject = () => {
    // What the last action said is about that one, not this.
    setStatus('')
    setRejecting(true)
    if (data?.meeting.facultyId && substantiations === null) {
      api
        .getRejectionSubstantiations({
          facultyId: data.meeting.facultyId,
          // A meeting that takes only its own faculty's substantiations is offered only those.
          withParents: data.meeting.substantiationMode !== 'this_faculty_only'
        })
        .then(setSubstantiations, () => setSubstantiations([]))
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPlainShortcut(e) || notesFor) return
      if (e.key === 'Escape') onBack()
      else if (e.key === 'a' && selected.size > 0) void accept()
      else if (e.key === 'r' && selected.size > 0) openReject()
      else if (e.key === 'p' && selected.size > 0) void mark('present')
      else if (e.key === 'b' && selected.size > 0) void mark('absent')
      else if (e.key === 's' && selected.size > 0) void mark('late')
      else if (e.key === 'n' && selected.size === 1 && data) {
        const p = [...data.main, ...data.reserve, ...data.rejected].find((x) => selected.has(x.id))
        if (p && !p.isExternal) openNotes(p)
      } else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  if (error) {
    return <LoadFailed message={error} onBack={onBack} backLabel={t('date.back')} />
  }
  if (!data) return <p>{t('app.loading')}</p>
  const { item, meeting } = data
  return (
    <section aria-labelledby="date-heading" className="meeting-date">
      <button type="button" className="link" onClick={onBack}>
        ← {t('date.back')}
      </button>
      <h1 id="date-heading" tabIndex={-1}>
        {langText(meeting.name, language, t('calendar.untitled'))}
      </h1>
      <p className="facts-line">
        <span>{formatDayLong(usosToFloating(item.start), language)}</span> ·{' '}
        <span>
          {item.start.slice(11, 16)}–{item.end.slice(11, 16)}
        </span>
        {item.room && (
          <>
            {' '}
            · <span>{item.room}</span>
          </>
        )}
        {' · '}
        <span>
          {t('date.seats', { taken: item.acceptedCount ?? 0, limit: item.seatsLimit ?? '∞' })}
          {item.reserveSeatsLimit !== null &&
            `, ${t('date.reserveSeats', { taken: item.waitingCount ?? 0, limit: item.reserveSeatsLimit })}`}
        </span>
        {meeting.term && (
          <>
            {' '}
            · <span>{langText(meeting.term, language)}</span>
          </>
        )}
      </p>
      {langText(item.comment, language) && <p className="comment">{langText(item.comment, language)}</p>}

      <div className="toolbar" role="toolbar" aria-label={t('date.actions')}>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => void accept()}
          aria-keyshortcuts="a"
        >
          {t('date.accept')} ({selected.size})
        </button>
        <button type="button" disabled={selected.size === 0} onClick={openReject} aria-keyshortcuts="r">
          {t('date.reject')} ({selected.size})
        </button>
        <button
          type="button"
          onClick={() =>
            void api.printParticipants({ meetingDateId, language }).then((r) => {
              if (!r.printed && r.html)
                download(`participants-${meetingDateId}.html`, r.html, 'text/html;charset=utf-8')
            })
          }
        >
          {t('date.print')}
        </button>
        <button
          type="button"
          onClick={() =>
            void api
              .exportParticipants({ meetingDateId, format: 'csv', language })
              .then((f) => download(f.fileName, f.text, f.mimeType))
          }
        >
          {t('date.csv')}
        </button>
        <label className="inline">
          {t('date.messageLang')}{' '}
          <select value={messageLang} onChange={(e) => setMessageLang(e.target.value as Language)}>
            <option value="pl">polski</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <p role="status" aria-live="polite" className="status" data-testid="action-status">
        {status}
      </p>

      {rejecting && (
        <form
          className="panel"
          aria-labelledby="reject-heading"
          onSubmit={(e) => {
            e.preventDefault()
            setRejecting(false)
            void act(() =>
              api.rejectParticipants({
                participantIds: [...selected],
                ...(reason ? { substantiationId: reason } : {}),
                ...(message.trim() ? { message: message.trim() } : {}),
                messageLang
              })
            )
          }}
        >
          <h2 id="reject-heading">{t('date.rejectHeading', { count: selected.size })}</h2>
          <div className="form-row">
            <label htmlFor="reject-reason">{t('date.rejectReason')}</label>
            <select
              id="reject-reason"
              ref={rejectReasonRef}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            >
              <option value="">{t('date.noReason')}</option>
              {(substantiations ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {langText(s.name, language, s.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor="reject-message">{t('date.rejectMessage')}</label>
            <textarea
              id="reject-message"
              rows={3}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
          <button type="submit">{t('date.rejectConfirm')}</button>{' '}
          <button type="button" onClick={() => setRejecting(false)}>
            {t('date.cancel')}
          </button>
        </form>
      )}

      <ParticipantTable
        caption={t('date.mainList')}
        onNotes={openNotes}
        attendance={attendance}
        participants={data.main}
        selected={selected}
        onToggle={toggle}
        language={language}
      />
      <ParticipantTable
        caption={t('date.reserveList')}
        onNotes={openNotes}
        participants={data.reserve}
        selected={selected}
        onToggle={toggle}
        language={language}
      />
      <ParticipantTable
        caption={t('date.rejectedList')}
        onNotes={openNotes}
        participants={data.rejected}
        selected={selected}
        onToggle={toggle}
        language={language}
      />
      {data.main.length + data.reserve.length + data.rejected.length > 0 && (
        <>
          <ListChooser meetingDateId={meetingDateId} meetingId={meeting.id} language={language} />
          <ContactsPanel meetingDateId={meetingDateId} />
        </>
      )}
      {data.main.length + data.reserve.length + data.rejected.length === 0 && (
        <p className="empty-state">{t('date.nobody')}</p>
      )}

      {notesFor && (
        <NotesEditor
          target={notesFor}
          onClose={() => {
            setNotesFor(null)
            reload()
            const opener = notesOpener.current
            if (opener?.isConnected) opener.focus()
            else document.getElementById('date-heading')?.focus()
          }}
        />
      )}

      <SignUpForms meetingDateId={item.id} onDone={(r) => void act(async () => r)} />
    </section>
  )
}
