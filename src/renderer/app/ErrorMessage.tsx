import { useTranslation } from 'react-i18next'

/** A failure, announced to screen readers at once; nothing when there is none. */
export function ErrorMessage({ message }: { message: string | null }) {
  const { t } = useTranslation()
  if (!message) return null
  return (
    <p role="alert" className="error">
      {t('app.error', { message })}
    </p>
  )
}

/** A page that could not load: the reason, and the way back. */
export function LoadFailed({
  message,
  onBack,
  backLabel
}: {
  message: string
  onBack: () => void
  backLabel: string
}) {
  return (
    <section>
      <ErrorMessage message={message} />
      <button type="button" onClick={onBack}>
        {backLabel}
      </button>
    </section>
  )
}
