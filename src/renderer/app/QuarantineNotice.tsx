import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Profile files SQLite found damaged at start were moved aside (never deleted): say so, naming where
 * each went, until the user closes the note. A full sync rebuilds a mirror; a moved profile file
 * means signing in again.
 */
export function QuarantineNotice({ paths }: { paths: readonly string[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(paths.length > 0)
  if (!open) return null
  return (
    <div role="alert" className="error quarantine-notice">
      <p>{t('quarantine.intro', { count: paths.length })}</p>
      <ul>
        {paths.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
      <p>{t('quarantine.what')}</p>
      <button type="button" onClick={() => setOpen(false)}>
        {t('quarantine.close')}
      </button>
    </div>
  )
}
