/**
 * The words of a notification, from its facts, in the UI's language: one function for the
 * window's toast (react-i18next's `t`) and the system notification of the main process (an i18next
 * instance over the same locale files), so both say the same. Times are Warsaw wall clock, as USOS
 * gives them, whatever the machine's zone.
 */
import type { Language } from './types'
import type { NotificationFacts } from './types-notifications'
import { formatUsosDayTime, formatUsosTime } from './locale-format'

/** i18next's `t` as far as this needs it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** More people than this in one notification are summed up as "…and N more". */
export const MAX_PEOPLE_LISTED = 5

export interface NotificationText {
  title: string
  lines: string[]
}

export function notificationText(n: NotificationFacts, t: Translate, language: Language): NotificationText {
  if (n.kind === 'reminder') {
    const meeting =
      (n.meetingName[language] || n.meetingName[language === 'pl' ? 'en' : 'pl'] || '').trim() ||
      t('calendar.untitled')
    const main = t('notifications.reminderMain', { count: n.mainCount })
    return {
      title: t('notifications.reminderTitle', { time: formatUsosTime(n.start), meeting }),
      lines: [
        `${formatUsosDayTime(n.start, language)}–${formatUsosTime(n.end)}`,
        n.seatsLimit === null ? main : `${main} (${t('notifications.seats', { limit: n.seatsLimit })})`
      ]
    }
  }
  const listed = n.people.slice(0, MAX_PEOPLE_LISTED).map((p) =>
    t('notifications.person', {
      name: `${p.firstName} ${p.lastName}`.trim(),
      when: formatUsosDayTime(p.start, language)
    })
  )
  const rest = n.people.length - listed.length
  return {
    title: t(`notifications.${n.kind}`, { count: n.people.length }),
    lines: rest > 0 ? [...listed, t('notifications.more', { count: rest })] : listed
  }
}

/** The one meeting date a notification is about (a reminder, or sign-ups for a single date); null for several. */
export function notifiedDate(n: NotificationFacts): string | null {
  const dates = new Set(n.kind === 'reminder' ? [n.meetingDateId] : n.people.map((p) => p.meetingDateId))
  return dates.size === 1 ? ([...dates][0] ?? null) : null
}
