import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import type { DraftInput, DraftPreview, DraftView, Frequency } from '../../../shared/types-planner'
import { api } from '../../app/api'
import { download } from '../../app/download'
import { DraftInUsos } from './DraftInUsos'
import { DraftMonthGrid } from './DraftMonthGrid'
import { CopyDraft } from './CopyDraft'
import { toggleDay } from '../../../shared/draft-days'
import { ErrorMessage } from '../../app/ErrorMessage'
import { langText } from '../../app/lang'
import { useLoad } from '../../app/useApi'
import { FreeDaysPanel } from './FreeDaysPanel'
import { errorText } from '../../app/error-text'

const FREQUENCIES: Frequency[] = [
  'weekly',
  'biweekly_odd',
  'biweekly_even',
  'daily',
  'week_days',
  'weekends',
  'monthly'
]

/** The next term's first day and its end, as a starting point for a new draft. */
function blankDraft(): DraftInput {
  return {
    name: '',
    startDate: '2026-10-01',
    endDate: '2027-01-31',
    number: 20,
    frequency: 'weekly',
    weekDay: 2,
    startEven: false,
    useCalendar: true,
    startTime: '10:00',
    durationMin: 90,
    room: '',
    comment: '',
    addedDays: [],
    removedDays: []
  }
}

const fromView = (d: DraftView): DraftInput => ({
  name: d.name,
  meetingId: d.meetingId,
  facultyId: d.facultyId,
  startDate: d.startDate,
  endDate: d.endDate,
  number: d.number,
  frequency: d.frequency,
  weekDay: d.weekDay,
  startEven: d.startEven,
  useCalendar: d.useCalendar,
  startTime: d.startTime,
  durationMin: d.durationMin,
  room: d.room ?? '',
  comment: d.comment ?? '',
  addedDays: d.addedDays,
  removedDays: d.removedDays
})

/** A labelled form field: the label points at the control by id, so its name is the label alone. */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  )
}

/** Drafts of a term's office hours, previewed against holidays, free days and the calendar. */
export function PlannerPage({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const options = useLoad(() => api.plannerOptions(), [])
  const drafts = useLoad(() => api.listDrafts(), [])
  const [editing, setEditing] = useState<string | null>(null)
  // facultyId undefined: not chosen yet, so the first faculty the user has meetings in.
  const [edited, setForm] = useState<DraftInput>(() => blankDraft())
  const [preview, setPreview] = useState<DraftPreview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [status, setStatus] = useState('')

  // A new draft starts at the first faculty the user has meetings in, until one is chosen.
  const firstFaculty =
    options.data?.meetings.find((m) => m.facultyId)?.facultyId ?? options.data?.faculties[0]?.id ?? null
  const form: DraftInput = {
    ...edited,
    facultyId: edited.facultyId === undefined ? firstFaculty : edited.facultyId
  }

  // The preview follows every change at once; changes made while one is being computed (typing)
  // are previewed together as soon as it is done, and an answer overtaken by a change is dropped.
  const [freeDaysVersion, setFreeDaysVersion] = useState(0)
  const key = JSON.stringify([form, editing, freeDaysVersion])
  const previewing = useRef<{ busy: boolean; next: (() => void) | null }>({ busy: false, next: null })
  useEffect(() => {
    let live = true
    const state = previewing.current
    const run = () => {
      state.busy = true
      api
        .previewDraft({ ...(editing ? { id: editing } : {}), draft: { ...form, name: form.name || '…' } })
        .then(
          (p) => {
            if (!live) return
            setPreview(p)
            setProblem(null)
          },
          (e: unknown) => live && setProblem(errorText(e))
        )
        .finally(() => {
          state.busy = false
          const next = state.next
          state.next = null
          next?.()
        })
    }
    if (state.busy) state.next = run
    else run()
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const set = <K extends keyof DraftInput>(k: K, v: DraftInput[K]) => setForm((f) => ({ ...f, [k]: v }))
  const edits = { addedDays: form.addedDays ?? [], removedDays: form.removedDays ?? [] }
  // A day on the month grid: against the days the rule made in the latest preview.
  const toggle = (day: string) =>
    preview &&
    setForm((f) => ({
      ...f,
      ...toggleDay(
        preview.generatedDays,
        { addedDays: f.addedDays ?? [], removedDays: f.removedDays ?? [] },
        day
      )
    }))
  const editingView = drafts.data?.find((d) => d.id === editing) ?? null
  const save = async () => {
    setStatus('')
    try {
      const saved = await api.saveDraft({ ...(editing ? { id: editing } : {}), draft: form })
      setEditing(saved.id)
      setStatus(t('planner.saved', { name: saved.name }))
      drafts.reload()
      onChanged()
    } catch (e) {
      setProblem(errorText(e))
    }
  }
  const exportAs = async (id: string, format: 'ics' | 'csv' | 'html') => {
    const f = await api.exportDraft({ id, format, language })
    download(f.fileName, f.text, f.mimeType)
  }
  const print = async (id: string) => {
    const r = await api.printDraft({ id, language })
    if (!r.printed && r.html) download(`draft-${id}.html`, r.html, 'text/html;charset=utf-8')
  }

  const clashText = (c: DraftPreview['clashes'][number]) =>
    `${typeof c.with.title === 'string' ? c.with.title : langText(c.with.title, language, '')} (${t(`planner.kind.${c.with.kind}`)}, ${c.with.start.slice(0, 16)}–${c.with.end.slice(11, 16)})`

  return (
    <section aria-labelledby="planner-heading" className="planner">
      <h1 id="planner-heading">{t('planner.heading')}</h1>
      <ErrorMessage message={options.error ?? drafts.error} />

      <h2>{t('planner.drafts')}</h2>
      {drafts.data && drafts.data.length === 0 && <p className="empty-state">{t('planner.noDrafts')}</p>}
      {drafts.data && drafts.data.length > 0 && (
        <ul className="drafts">
          {drafts.data.map((d) => (
            <li key={d.id} aria-current={editing === d.id ? 'true' : undefined}>
              <strong>{d.name}</strong> — {t(`planner.frequencies.${d.frequency}`)}, {d.startTime},{' '}
              {d.startDate} – {d.endDate}{' '}
              <button type="button" onClick={() => (setEditing(d.id), setForm(fromView(d)))}>
                {t('planner.edit')}
              </button>{' '}
              <button type="button" onClick={() => void exportAs(d.id, 'ics')}>
                ICS
              </button>{' '}
              <button type="button" onClick={() => void exportAs(d.id, 'csv')}>
                CSV
              </button>{' '}
              <button type="button" onClick={() => void print(d.id)}>
                {t('planner.print')}
              </button>{' '}
              <button
                type="button"
                aria-label={t('planner.deleteNamed', { name: d.name })}
                onClick={() =>
                  void api.deleteDraft({ id: d.id }).then(() => {
                    if (editing === d.id) {
                      setEditing(null)
                      setForm(blankDraft())
                    }
                    drafts.reload()
                    onChanged()
                  })
                }
              >
                {t('planner.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => {
          setEditing(null)
          setForm(blankDraft())
          setStatus('')
        }}
      >
        {t('planner.new')}
      </button>

      <form
        className="panel draft-form"
        aria-labelledby="draft-form-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <h2 id="draft-form-heading">{editing ? t('planner.editing') : t('planner.newDraft')}</h2>
        <div className="form-grid">
          <Field id="draft-name" label={t('planner.name')}>
            <input id="draft-name" required value={form.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field id="draft-faculty" label={t('planner.faculty')}>
            <select
              id="draft-faculty"
              value={form.facultyId ?? ''}
              onChange={(e) => set('facultyId', e.target.value || null)}
            >
              <option value="">{t('planner.noFaculty')}</option>
              {(options.data?.faculties ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {langText(f.name, language, f.id)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="draft-meeting" label={t('planner.meeting')}>
            <select
              id="draft-meeting"
              value={form.meetingId ?? ''}
              onChange={(e) => set('meetingId', e.target.value || null)}
            >
              <option value="">{t('planner.noMeeting')}</option>
              {(options.data?.meetings ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {langText(m.name, language, m.id)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="draft-startDate" label={t('planner.startDate')}>
            <input
              id="draft-startDate"
              type="date"
              required
              value={form.startDate}
              onChange={(e) => set('startDate', e.target.value)}
            />
          </Field>
          <Field id="draft-endDate" label={t('planner.endDate')}>
            <input
              id="draft-endDate"
              type="date"
              required
              value={form.endDate}
              onChange={(e) => set('endDate', e.target.value)}
            />
          </Field>
          <Field id="draft-number" label={t('planner.number')}>
            <input
              id="draft-number"
              type="number"
              min={1}
              max={5000}
              required
              value={form.number}
              onChange={(e) => set('number', Number(e.target.value))}
            />
          </Field>
          <Field id="draft-frequency" label={t('planner.frequency')}>
            <select
              id="draft-frequency"
              value={form.frequency}
              onChange={(e) => set('frequency', e.target.value as Frequency)}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`planner.frequencies.${f}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="draft-weekDay" label={t('planner.weekDay')}>
            <select
              id="draft-weekDay"
              value={form.weekDay ?? ''}
              onChange={(e) => set('weekDay', e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">{t('planner.weekDayOfStart')}</option>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {t(`planner.weekDays.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="draft-startTime" label={t('planner.startTime')}>
            <input
              id="draft-startTime"
              type="time"
              required
              value={form.startTime}
              onChange={(e) => set('startTime', e.target.value)}
            />
          </Field>
          <Field id="draft-duration" label={t('planner.duration')}>
            <input
              id="draft-duration"
              type="number"
              min={5}
              max={720}
              step={5}
              required
              value={form.durationMin}
              onChange={(e) => set('durationMin', Number(e.target.value))}
            />
          </Field>
          <Field id="draft-room" label={t('planner.room')}>
            <input id="draft-room" value={form.room ?? ''} onChange={(e) => set('room', e.target.value)} />
          </Field>
          <Field id="draft-comment" label={t('planner.comment')}>
            <input
              id="draft-comment"
              value={form.comment ?? ''}
              onChange={(e) => set('comment', e.target.value)}
            />
          </Field>
        </div>
        <label className="inline">
          <input
            type="checkbox"
            checked={form.useCalendar !== false}
            onChange={(e) => set('useCalendar', e.target.checked)}
          />{' '}
          {t('planner.useCalendar')}
        </label>{' '}
        <label className="inline">
          <input
            type="checkbox"
            checked={form.startEven === true}
            onChange={(e) => set('startEven', e.target.checked)}
          />{' '}
          {t('planner.startEven')}
        </label>
        <div className="toolbar">
          <button type="submit" aria-describedby="planner-where-kept">
            {editing ? t('planner.saveChanges') : t('planner.save')}
          </button>
        </div>
        {/* Where the dates come from: USOS's API cannot create meeting dates (issue 19, point 11). */}
        <p className="hint" id="planner-where-kept" data-testid="planner-where-kept">
          {t('planner.whereKept')}
        </p>
        <p role="status" aria-live="polite" className="status" data-testid="planner-status">
          {status}
        </p>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </form>

      {editing && <DraftInUsos key={editing} draftId={editing} />}
      {editingView && (
        <CopyDraft
          key={`copy-${editingView.id}`}
          draft={editingView}
          terms={options.data?.terms ?? []}
          onCopied={(copy) => {
            setEditing(copy.draft.id)
            setForm(fromView(copy.draft))
            setStatus(
              [
                t('planner.copy.done', { name: copy.draft.name }),
                ...(copy.droppedAdded > 0
                  ? [t('planner.copy.droppedAdded', { count: copy.droppedAdded })]
                  : []),
                ...(copy.droppedRemoved > 0
                  ? [t('planner.copy.droppedRemoved', { count: copy.droppedRemoved })]
                  : [])
              ].join(' ')
            )
            drafts.reload()
            onChanged()
          }}
        />
      )}

      {preview && (
        <section aria-labelledby="preview-heading" className="draft-preview">
          <h2 id="preview-heading">{t('planner.preview', { count: preview.dates.length })}</h2>
          <p>
            {t('planner.summary', {
              dates: preview.dates.length,
              skipped: preview.skipped.length,
              clashes: preview.clashes.length
            })}
          </p>
          <DraftMonthGrid
            preview={preview}
            edits={edits}
            onToggle={toggle}
            onReset={() => setForm((f) => ({ ...f, addedDays: [], removedDays: [] }))}
          />
          {preview.clashes.length > 0 && (
            <>
              <h3>{t('planner.clashes')}</h3>
              <ul className="clashes" data-testid="clashes">
                {preview.clashes.map((c, i) => (
                  <li key={i}>
                    <strong>{c.draftDate.date}</strong> {c.draftDate.start.slice(11, 16)}–
                    {c.draftDate.end.slice(11, 16)}: {t('planner.clashWith')} {clashText(c)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.skipped.length > 0 && (
            <>
              <h3>{t('planner.skipped')}</h3>
              <ul className="skipped" data-testid="skipped">
                {preview.skipped.map((s) => (
                  <li key={s.day}>
                    <strong>{s.day}</strong>:{' '}
                    {s.kind === 'holiday'
                      ? t('planner.skippedHoliday', { name: s.name })
                      : t('planner.skippedFreeDay', { reason: s.reason || t('planner.noReason') })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('planner.dates')}</h3>
          <ol className="draft-dates" data-testid="draft-dates">
            {preview.dates.map((d) => (
              <li key={d.id}>
                {d.date} {d.start.slice(11, 16)}–{d.end.slice(11, 16)}
              </li>
            ))}
          </ol>
        </section>
      )}

      <FreeDaysPanel
        facultyId={form.facultyId ?? null}
        faculties={options.data?.faculties ?? []}
        onChanged={() => setFreeDaysVersion((v) => v + 1)}
      />
    </section>
  )
}
