import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountsView, InstallationView, SignInStart } from '../../../shared/types'
import { api } from '../../app/api'
import { langText } from '../../app/lang'
import { errorText } from '../../app/error-text'

const SCOPES = ['offline_access', 'staff_perspective', 'studies', 'slips', 'slips_admin', 'email'] as const

/** Sign-in: the demo installation in one click, or any USOS installation with its consumer key. */
const DEMO_ROLES = ['lecturer', 'student', 'template_admin', 'administrator'] as const
type DemoRole = (typeof DEMO_ROLES)[number]

export function AccountsPage({
  accounts,
  onChanged
}: {
  accounts: AccountsView | null
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'pl'
  const [busy, setBusy] = useState(false)
  const [demoRole, setDemoRole] = useState<DemoRole>('lecturer')
  const [error, setError] = useState<string | null>(null)
  const [baseUrl, setBaseUrl] = useState('')
  const [consumerKey, setConsumerKey] = useState('')
  const [consumerSecret, setConsumerSecret] = useState('')
  const [scopes, setScopes] = useState<string[]>(['offline_access', 'staff_perspective', 'studies', 'slips'])
  const [flow, setFlow] = useState<'pin' | 'loopback'>('pin')
  const [pending, setPending] = useState<SignInStart | null>(null)
  const [pin, setPin] = useState('')
  const [installations, setInstallations] = useState<InstallationView[]>([])
  const [listProblem, setListProblem] = useState<string | null>(null)

  useEffect(() => {
    api.listInstallations({}).then(
      (r) => {
        setInstallations(r.installations)
        // Worded here from its code: the core's text is English (for the CLI and logs).
        setListProblem(r.problemCode ? t(`accounts.${r.problemCode}`) : null)
      },
      (e: unknown) => setListProblem(errorText(e))
    )
  }, [t])

  useEffect(
    () =>
      api.on('signInCompleted', () => {
        setPending(null)
        onChanged()
      }),
    [onChanged]
  )

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="accounts-heading" className="accounts-page">
      <h1 id="accounts-heading">{t('accounts.heading')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {accounts && accounts.accounts.length > 0 && (
        <ul className="account-list" aria-label={t('accounts.signedIn')}>
          {accounts.accounts.map((a) => (
            <li key={a.id} className={a.active ? 'active' : ''}>
              <span>
                <strong>
                  {a.firstName} {a.lastName}
                </strong>{' '}
                — {langText(a.institutionName, language, a.baseUrl)}
                {a.needsSignIn && <span className="badge warn"> {t('accounts.needsSignIn')}</span>}
              </span>
              {!a.active && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run(() => api.setActiveAccount({ accountId: a.id }))}
                >
                  {t('accounts.use')}
                </button>
              )}
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    try {
                      await api.signOut({ accountId: a.id })
                    } catch (e) {
                      if (
                        (e as { code?: string }).code === 'conflict' &&
                        window.confirm(t('accounts.discardConfirm', { message: (e as Error).message }))
                      ) {
                        await api.signOut({ accountId: a.id, discardPendingWrites: true })
                      } else throw e
                    }
                  })
                }
              >
                {t('accounts.signOut')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {accounts && !accounts.secretStorage.strong && (
        <p className="warning" role="note">
          {t('accounts.weakKeyring', { backend: accounts.secretStorage.backend })}{' '}
          {!accounts.secretStorage.persisted && (
            <button type="button" onClick={() => run(() => api.allowWeakSecretStorage())}>
              {t('accounts.keepAnyway')}
            </button>
          )}
        </p>
      )}

      <div className="panel">
        <h2>{t('accounts.demoHeading')}</h2>
        <p>{t('accounts.demoText')}</p>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => run(() => api.startDemo(demoRole === 'lecturer' ? {} : { role: demoRole }))}
        >
          {t('accounts.tryDemo')}
        </button>{' '}
        <label className="inline" htmlFor="demo-role">
          {t('accounts.demoAs')}
        </label>{' '}
        <select id="demo-role" value={demoRole} onChange={(e) => setDemoRole(e.target.value as DemoRole)}>
          {DEMO_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`accounts.demoRoles.${r}`)}
            </option>
          ))}
        </select>
      </div>

      <form
        className="panel"
        aria-labelledby="signin-heading"
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => {
            const started = await api.beginSignIn({ baseUrl, consumerKey, consumerSecret, scopes, flow })
            setPending(started)
          })
        }}
      >
        <h2 id="signin-heading">{t('accounts.signInHeading')}</h2>
        <p className="hint">{t('accounts.howTo')}</p>
        {listProblem && (
          <p className="hint" data-testid="installations-problem">
            {listProblem}
          </p>
        )}
        <div className="form-row">
          <label htmlFor="base-url">{t('accounts.baseUrl')}</label>
          <input
            id="base-url"
            required
            list="installation-list"
            value={baseUrl}
            placeholder="https://usosapps.uw.edu.pl/"
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          <datalist id="installation-list">
            {installations.map((i) => (
              <option key={i.baseUrl} value={i.baseUrl}>
                {langText(i.name, language, i.baseUrl)}
              </option>
            ))}
          </datalist>
        </div>
        <div className="form-row">
          <label htmlFor="consumer-key">{t('accounts.consumerKey')}</label>
          <input
            id="consumer-key"
            required
            autoComplete="off"
            value={consumerKey}
            onChange={(e) => setConsumerKey(e.target.value)}
          />
        </div>
        <div className="form-row">
          <label htmlFor="consumer-secret">{t('accounts.consumerSecret')}</label>
          <input
            id="consumer-secret"
            type="password"
            required
            autoComplete="off"
            value={consumerSecret}
            onChange={(e) => setConsumerSecret(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('accounts.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />{' '}
              <code>{s}</code> — {t(`scopes.${s}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('accounts.flow')}</legend>
          <label className="check">
            <input type="radio" name="flow" checked={flow === 'pin'} onChange={() => setFlow('pin')} />{' '}
            {t('accounts.flowPin')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="flow"
              checked={flow === 'loopback'}
              onChange={() => setFlow('loopback')}
            />{' '}
            {t('accounts.flowLoopback')}
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('accounts.start')}
        </button>
      </form>

      {pending && (
        <form
          className="panel"
          aria-labelledby="pin-heading"
          onSubmit={(e) => {
            e.preventDefault()
            void run(async () => {
              await api.completeSignIn({ pendingId: pending.pendingId, pin })
              setPending(null)
              setPin('')
            })
          }}
        >
          <h2 id="pin-heading">{t('accounts.pinHeading')}</h2>
          <p>
            {t('accounts.openThis')}{' '}
            <a href={pending.authorizeUrl} target="_blank" rel="noreferrer noopener">
              {pending.authorizeUrl}
            </a>
          </p>
          {flow === 'pin' && (
            <div className="form-row">
              <label htmlFor="pin">{t('accounts.pin')}</label>
              <input
                id="pin"
                required
                value={pin}
                autoComplete="one-time-code"
                onChange={(e) => setPin(e.target.value)}
              />
              <button type="submit" disabled={busy}>
                {t('accounts.finish')}
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  )
}
