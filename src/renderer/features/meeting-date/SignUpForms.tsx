import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActionResult, UserSearchView } from '../../../shared/types'
import { api } from '../../app/api'
import { errorText } from '../../app/error-text'

type SignUpStatus = 'accepted' | 'waiting'

const noOutsider = { firstName: '', lastName: '', email: '', contact: '', status: 'accepted' as SignUpStatus }

/** Sign up a USOS user (searched among people the mirror knows) or an outside person. */
export function SignUpForms({
  meetingDateId,
  onDone
}: {
  meetingDateId: string
  onDone: (r: ActionResult) => void
}) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<(UserSearchView & { query: string }) | null>(null)
  const [userStatus, setUserStatus] = useState<SignUpStatus>('accepted')
  const [outside, setOutside] = useState(noOutsider)
  const [error, setError] = useState<string | null>(null)

  const guard = async (run: () => Promise<void>) => {
    setError(null)
    try {
      await run()
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="signup">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form
        className="panel"
        aria-labelledby="signup-user-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void guard(async () => setFound({ ...(await api.searchUsers({ query })), query: query.trim() }))
        }}
      >
        <h2 id="signup-user-heading">{t('signup.userHeading')}</h2>
        <div className="form-row">
          <label htmlFor="user-query">{t('signup.search')}</label>
          <input id="user-query" value={query} required onChange={(e) => setQuery(e.target.value)} />
          <select
            aria-label={t('date.status')}
            value={userStatus}
            onChange={(e) => setUserStatus(e.target.value as SignUpStatus)}
          >
            <option value="accepted">{t('status.accepted')}</option>
            <option value="waiting">{t('status.waiting')}</option>
          </select>
          <button type="submit">{t('signup.find')}</button>
        </div>
        {found && (
          <p className="hint" role="status" data-testid="user-search-result">
            {found.total === 0
              ? t('signup.nobody')
              : found.total > found.users.length
                ? t('signup.cut', { shown: found.users.length, total: found.total })
                : t('signup.found', { count: found.total })}{' '}
            {!found.searchedUsos && t('signup.localOnly')}
          </p>
        )}
        {found && found.users.length > 0 && (
          <ul className="found">
            {found.users.map((u) => (
              <li key={u.id}>
                {u.firstName} {u.lastName} <span className="muted">{u.studentNumber ?? u.id}</span>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void guard(async () => {
                      onDone(await api.signUpUser({ meetingDateId, userId: u.id, status: userStatus }))
                      setFound(null)
                    })
                  }
                >
                  {t('signup.signUp')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {found && /^\d+$/.test(found.query) && !found.users.some((u) => u.id === found.query) && (
          // USOS cannot be searched, but it knows its ids: a person never on the lecturer's lists
          // is signed up by the id (USOS refuses an unknown one, and that is said).
          <button
            type="button"
            onClick={() =>
              void guard(async () => {
                onDone(await api.signUpUser({ meetingDateId, userId: found.query, status: userStatus }))
                setFound(null)
              })
            }
          >
            {t('signup.byId', { id: found.query })}
          </button>
        )}
      </form>
      <form
        className="panel"
        aria-labelledby="signup-outside-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void guard(async () => {
            onDone(
              await api.signUpOutsidePerson({
                meetingDateId,
                firstName: outside.firstName,
                lastName: outside.lastName,
                ...(outside.email.trim() ? { email: outside.email.trim() } : {}),
                ...(outside.contact.trim() ? { contact: outside.contact.trim() } : {}),
                status: outside.status
              })
            )
            setOutside(noOutsider)
          })
        }}
      >
        <h2 id="signup-outside-heading">{t('signup.outsideHeading')}</h2>
        {(['firstName', 'lastName', 'email', 'contact'] as const).map((field) => (
          <div className="form-row" key={field}>
            <label htmlFor={`outside-${field}`}>{t(`signup.${field}`)}</label>
            <input
              id={`outside-${field}`}
              type={field === 'email' ? 'email' : 'text'}
              required={field === 'firstName' || field === 'lastName'}
              value={outside[field]}
              onChange={(e) => setOutside({ ...outside, [field]: e.target.value })}
            />
          </div>
        ))}
        <div className="form-row">
          {/* USOS puts the person on the reserve list as waiting whatever is asked once the seats are taken. */}
          <label htmlFor="outside-status">{t('signup.status')}</label>
          <select
            id="outside-status"
            value={outside.status}
            onChange={(e) => setOutside({ ...outside, status: e.target.value as SignUpStatus })}
          >
            <option value="accepted">{t('status.accepted')}</option>
            <option value="waiting">{t('status.waiting')}</option>
          </select>
        </div>
        <button type="submit">{t('signup.signUp')}</button>
      </form>
    </div>
  )
}
