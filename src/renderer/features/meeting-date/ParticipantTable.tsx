import { useTranslation } from 'react-i18next'
import type { Language, ParticipantView } from '../../../shared/types'
import { langText } from '../../app/lang'
import type { AttendanceState } from '../../../shared/types-attendance'

export function personName(p: ParticipantView): string {
  return [p.titles, p.firstName, p.lastName].filter(Boolean).join(' ')
}

/** One list (main, reserve or rejected) with selection checkboxes; names are plain text, never HTML. */
export function ParticipantTable({
  caption,
  participants,
  selected,
  onToggle,
  onNotes,
  attendance,
  language
}: {
  caption: string
  participants: ParticipantView[]
  selected: ReadonlySet<string>
  onToggle: (id: string) => void
  /** Opens the notes editor for a USOS user on the list (not for outside persons). */
  onNotes?: (p: ParticipantView) => void
  /** Attendance marked here (P, B, S), by participant id: shown for the main list. */
  attendance?: ReadonlyMap<string, AttendanceState>
  language: Language
}) {
  const { t } = useTranslation()
  if (participants.length === 0) return null
  return (
    <table className="participants">
      <caption>
        {caption} ({participants.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('date.select')}</span>
          </th>
          <th scope="col">{t('date.queue')}</th>
          <th scope="col">{t('date.name')}</th>
          <th scope="col">{t('date.idOrContact')}</th>
          <th scope="col">{t('date.status')}</th>
          <th scope="col">{t('date.substantiation')}</th>
          {attendance && <th scope="col">{t('attendance.column')}</th>}
          {onNotes && <th scope="col">{t('notes.column')}</th>}
        </tr>
      </thead>
      <tbody>
        {participants.map((p) => (
          <tr key={p.id} data-participant-id={p.id} className={p.pending ? 'pending' : undefined}>
            <td>
              <input
                type="checkbox"
                aria-label={t('date.selectPerson', { name: personName(p) })}
                checked={selected.has(p.id)}
                disabled={p.pending}
                onChange={() => onToggle(p.id)}
              />
            </td>
            <td>{p.numberInQueue ?? '–'}</td>
            <td>
              {personName(p)}
              {p.isExternal && <span className="badge"> {t('date.outside')}</span>}
              {p.pending && <span className="badge warn"> {t('date.pending')}</span>}
            </td>
            <td>
              {p.isExternal
                ? [p.email, p.contact].filter(Boolean).join(', ')
                : (p.studentNumber ?? p.userId ?? '')}
            </td>
            <td>{t(`status.${p.status}`, { defaultValue: p.status })}</td>
            <td>
              {p.substantiation && <span>{langText(p.substantiation.name, language)}</span>}
              {p.substantiationMessage && <span className="message"> „{p.substantiationMessage}”</span>}
              {p.status === 'rejected' && (p.rejectionSubstantiation || p.rejectionMessage) && (
                <span className="message">
                  {' '}
                  {t('date.rejectedBecause')} {langText(p.rejectionSubstantiation?.name, language)}{' '}
                  {p.rejectionMessage ?? ''}
                </span>
              )}
            </td>
            {attendance && (
              <td data-testid="attendance">
                {attendance.get(p.id) ? t(`attendance.${attendance.get(p.id)}`) : ''}
              </td>
            )}
            {onNotes && (
              <td>
                {!p.isExternal && p.userId && (
                  <button type="button" className="link" onClick={() => onNotes(p)}>
                    {t('notes.button')}
                    <span className="visually-hidden"> {t('notes.about', { name: personName(p) })}</span>
                    {p.notesCount > 0 && (
                      <span
                        className="badge"
                        data-testid="notes-count"
                        title={t('notes.countTitle', { count: p.notesCount })}
                      >
                        {' '}
                        <span aria-hidden="true">{p.notesCount}</span>
                        <span className="visually-hidden">
                          , {t('notes.countTitle', { count: p.notesCount })}
                        </span>
                      </span>
                    )}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
