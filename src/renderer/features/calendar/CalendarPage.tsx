import { useTranslation } from 'react-i18next'

/** The calendar of meeting dates; empty until sync fills the mirror (no made-up entries). */
export function CalendarPage() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="calendar-heading">
      <h1 id="calendar-heading">{t('calendar.heading')}</h1>
      <p className="empty-state">{t('calendar.empty')}</p>
    </section>
  )
}
