import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactsView } from '../../../shared/types-attendance'
import { LIST_NAMES, type ParticipantListName } from '../../../shared/participant-lists'
import { api } from '../../app/api'
import { errorText } from '../../app/error-text'
import { copyField } from '../../app/copy'

/**
 * Write to the participants of the lists chosen: their addresses to copy, or the mail program opened
 * with them in BCC (students' addresses need USOS's `email` scope: said when the sign-in lacks it);
 * outside persons' contact data as they gave it.
 */
export function ContactsPanel({ meetingDateId }: { meetingDateId: string }) {
  const { t } = useTranslation()
  const [lists, setLists] = useState<Set<ParticipantListName>>(new Set(['main']))
  const [contacts, setContacts] = useState<ContactsView | null>(null)
  const [status, setStatus] = useState('')
  const box = useRef<HTMLTextAreaElement>(null)
  const load = async () => {
    setStatus('')
    try {
      setContacts(
        await api.participantContacts({ meetingDateId, lists: LIST_NAMES.filter((l) => lists.has(l)) })
      )
    } catch (e) {
      setStatus(t('app.error', { message: errorText(e) }))
    }
  }
  const copy = () => {
    setStatus(copyField(box.current) ? t('contacts.copied') : t('contacts.copyByHand'))
  }
  const withoutEmail = contacts?.people.filter((p) => !p.email) ?? []
  return (
    <details className="panel contacts">
      <summary>{t('contacts.heading')}</summary>
      <fieldset className="inline">
        <legend>{t('contacts.lists')}</legend>
        {LIST_NAMES.map((l) => (
          <label key={l} className="inline">
            <input
              type="checkbox"
              checked={lists.has(l)}
              onChange={() =>
                setLists((prev) => {
                  const next = new Set(prev)
                  if (next.has(l)) next.delete(l)
                  else next.add(l)
                  return next
                })
              }
            />{' '}
            {t(`contacts.list.${l}`)}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={lists.size === 0} onClick={() => void load()}>
        {t('contacts.show')}
      </button>
      {contacts && (
        <div className="contacts-result">
          {!contacts.emailScope && <p className="warn">{t('contacts.noScope')}</p>}
          <p>{t('contacts.found', { count: contacts.emails.length, people: contacts.people.length })}</p>
          {contacts.emails.length > 0 && (
            <>
              <label htmlFor="contacts-emails" className="visually-hidden">
                {t('contacts.addresses')}
              </label>
              <textarea id="contacts-emails" ref={box} readOnly rows={3} value={contacts.emails.join(', ')} />
              <div className="toolbar">
                <button type="button" onClick={copy}>
                  {t('contacts.copy')}
                </button>
                <a href={contacts.mailto ?? undefined} target="_blank" rel="noreferrer">
                  {t('contacts.mailto')}
                </a>
              </div>
            </>
          )}
          {withoutEmail.length > 0 && (
            <>
              <p>{t('contacts.without')}</p>
              <ul>
                {withoutEmail.map((p) => (
                  <li key={p.participantId}>
                    <span data-usos-text>{p.name}</span>
                    {p.contact && (
                      <>
                        {': '}
                        <span data-usos-text>{p.contact}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <p role="status">{status}</p>
    </details>
  )
}
