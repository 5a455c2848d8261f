import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OptionalModuleName } from '../../shared/types'
import { api } from './api'
import { useLoad } from './useApi'

/**
 * A screen of a USOS module the installation may not run (slips and exams are BETA at USOS): where
 * the last sync found the installation without it, a plain note instead of the screen and its errors.
 */
export function OfferedOnly({
  module,
  headingKey,
  children
}: {
  module: OptionalModuleName
  headingKey: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const { data, error } = useLoad(() => api.installationModules(), [])
  if (!data && !error) return null
  if (data?.[module] !== 'missing') return <>{children}</>
  return (
    <section aria-labelledby={`${module}-missing-heading`}>
      <h1 id={`${module}-missing-heading`}>{t(headingKey)}</h1>
      <p className="empty-state" role="status">
        {t('modules.missing', { module: t(`modules.${module}`) })}
      </p>
    </section>
  )
}
