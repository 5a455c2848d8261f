import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, NoteType, StudentNotesView } from '../../../shared/types'
import { api } from '../../app/api'
import { langText } from '../../app/lang'
import { errorText, refusalMessage } from '../../app/error-text'
import { useLoad } from '../../app/useApi'

export interface NoteTarget {
  userId: string
  facultyId: string
  termId: string
  name: string
  /** The meeting whose dates' attendance is summed on the panel ("3 z 4 obecności"). */
  meetingId?: string
}

const TYPES: readonly NoteType[] = ['private', 'public']
const DRAFT_DELAY_MS = 400

/**
 * The notes about one student for a faculty and term: private and public text, autosaved as a
 * local draft while typing (so nothing typed is lost), saved to USOS on request (offline: through
 * the outbox), and the history of notes about the student for other faculties and terms.
 */
export function NotesEditor({ target, onClose }: { target: NoteTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const scope = { userId: target.userId, facultyId: target.facultyId, termId: target.termId }
  const [view, setView] = useState<StudentNotesView | null>(null)
  const [texts, setTexts] = useState<Record<NoteType, string>>({ private: '', public: '' })
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string | null>(null)
  const timers = useRef<Partial<Record<NoteType, ReturnType<typeof setTimeout>>>>({})
  const dialog = useRef<HTMLDivElement>(null)
  const scopeKey = `${target.userId}|${target.facultyId}|${target.termId}`

  useEffect(() => {
    let live = true
    api.getStudentNotes({ ...scope, live: true }).then(
      (v) => {
        if (!live) return
        setView(v)
        setTexts({
          private: v.private.draft ?? v.private.saved ?? '',
          public: v.public.draft ?? v.public.saved ?? ''
        })
        setStatus(v.fetchedLive ? '' : t('notes.fromMirror'))
      },
      (e: unknown) => live && setError(errorText(e))
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scopeKey])

  // Focus moves into the editor once it has loaded, and Escape closes it from anywhere.
  const loaded = view !== null
  useEffect(() => {
    if (loaded) dialog.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus()
  }, [loaded])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  // Drafts not yet written when the editor closes are written at once.
  const pending = useRef<Partial<Record<NoteType, string>>>({})
  useEffect(
    () => () => {
      for (const type of TYPES) {
        const timer = timers.current[type]
        if (timer) clearTimeout(timer)
        const content = pending.current[type]
        if (content !== undefined) void api.saveNoteDraft({ ...scope, noteType: type, content })
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scopeKey]
  )

  const type = (noteType: NoteType, content: string) => {
    setTexts((x) => ({ ...x, [noteType]: content }))
    pending.current[noteType] = content
    const timer = timers.current[noteType]
    if (timer) clearTimeout(timer)
    timers.current[noteType] = setTimeout(() => {
      delete pending.current[noteType]
      api.saveNoteDraft({ ...scope, noteType, content }).then(
        (v) => {
          setView(v)
          setStatus(v[noteType].draft !== null ? t('notes.draftKept') : '')
        },
        (e: unknown) => setError(errorText(e))
      )
    }, DRAFT_DELAY_MS)
  }

  const save = async (noteType: NoteType) => {
    setError(null)
    const timer = timers.current[noteType]
    if (timer) clearTimeout(timer)
    delete pending.current[noteType]
    try {
      const { result, notes } =
        texts[noteType].trim() === '' && view?.[noteType].saved
          ? await api.deleteNote({ ...scope, noteType })
          : await api.saveNote({ ...scope, noteType, content: texts[noteType] })
      setView(notes)
      setStatus(
        result.outcome === 'done'
          ? t('notes.saved')
          : result.outcome === 'queued'
            ? t('notes.queued')
            : t('notes.refused', { message: refusalMessage(result) })
      )
    } catch (e) {
      // The text stays in the field and in the draft: nothing typed is lost.
      setError(errorText(e))
    }
  }

  const discard = async (noteType: NoteType) => {
    const v = await api.discardNoteDraft({ ...scope, noteType })
    delete pending.current[noteType]
    setView(v)
    setTexts((x) => ({ ...x, [noteType]: v[noteType].saved ?? '' }))
    setStatus('')
  }

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby="notes-heading"
      className="panel notes-editor"
    >
      <h2 id="notes-heading">{t('notes.heading', { name: target.name })}</h2>
      <AttendanceSummary userId={target.userId} meetingId={target.meetingId} />
      {error && (
        <p role="alert" className="error">
          {t('app.error', { message: error })}
        </p>
      )}
      {!view && !error && <p>{t('app.loading')}</p>}
      {view && (
        <>
          {view.pendingSave && <p className="badge warn">{t('notes.pendingSave')}</p>}
          {TYPES.map((noteType) => {
            const side = view[noteType]
            const dirty = texts[noteType] !== (side.saved ?? '')
            return (
              <form
                key={noteType}
                className="note-side"
                onSubmit={(e) => {
                  e.preventDefault()
                  void save(noteType)
                }}
              >
                <label htmlFor={`note-${noteType}`}>{t(`notes.${noteType}`)}</label>
                <p className="hint" id={`note-${noteType}-hint`}>
                  {t(`notes.${noteType}Hint`)}
                </p>
                <textarea
                  id={`note-${noteType}`}
                  rows={5}
                  maxLength={4000}
                  aria-describedby={`note-${noteType}-hint`}
                  value={texts[noteType]}
                  onChange={(e) => type(noteType, e.target.value)}
                  onKeyDown={(e) => {
                    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
                      e.preventDefault()
                      void save(noteType)
                    }
                  }}
                  aria-keyshortcuts="Control+Enter"
                />
                <div className="toolbar">
                  <button type="submit" disabled={!dirty}>
                    {texts[noteType].trim() === '' && side.saved ? t('notes.delete') : t('notes.save')}
                  </button>
                  {side.draft !== null && (
                    <button type="button" onClick={() => void discard(noteType)}>
                      {t('notes.discardDraft')}
                    </button>
                  )}
                  {dirty && <span className="hint">{t('notes.unsaved')}</span>}
                </div>
              </form>
            )
          })}
          <p role="status" aria-live="polite" className="status" data-testid="notes-status">
            {status}
          </p>
          <h3>{t('notes.history')}</h3>
          {view.history.length === 0 ? (
            <p className="empty-state">{t('notes.noHistory')}</p>
          ) : (
            <ul className="note-history">
              {view.history.map((h) => (
                <li key={h.id}>
                  <strong>
                    {[
                      langText(h.faculty, language, h.facultyId ?? ''),
                      langText(h.term, language, h.termId ?? '')
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </strong>
                  {h.current && <span className="badge"> {t('notes.thisTerm')}</span>}
                  {!h.own && <span className="badge"> {t('notes.otherAuthor')}</span>}
                  {h.creationDate && <span className="hint"> {h.creationDate.slice(0, 16)}</span>}
                  {h.privateNote && (
                    <p>
                      <span className="visually-hidden">{t('notes.private')}: </span>
                      <span aria-hidden="true">🔒 </span>
                      {h.privateNote}
                    </p>
                  )}
                  {h.publicNote && (
                    <p>
                      <span className="visually-hidden">{t('notes.public')}: </span>
                      {h.publicNote}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('notes.close')}
      </button>
    </div>
  )
}

/** The student's attendance over the meeting's dates, as marked on this computer (none: nothing shown). */
function AttendanceSummary({ userId, meetingId }: { userId: string; meetingId: string | undefined }) {
  const { t } = useTranslation()
  const { data } = useLoad(
    () => api.studentAttendance({ userId, ...(meetingId ? { meetingId } : {}) }),
    [userId, meetingId]
  )
  if (!data || data.marked === 0) return null
  return (
    <p className="attendance-summary" data-testid="attendance-summary">
      {t('attendance.summary', { attended: data.attended, marked: data.marked })}
    </p>
  )
}
