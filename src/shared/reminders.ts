/**
 * The reminders a lecturer can choose, in minutes, and the calendar file kept up to date: shared
 * by the settings (types, validation, the settings screen) and the core that acts on them.
 */

/** The calendar file kept up to date after each sync is an .ics file. */
export function isIcsFilePath(path: string): boolean {
  return /\.ics$/i.test(path)
}

/** A reminder (VALARM) in the calendar files: 15 minutes, an hour, a day before each event. */
export const ICS_ALARM_MINUTES = [15, 60, 1440] as const
export type IcsAlarmMinutes = (typeof ICS_ALARM_MINUTES)[number]

export function isIcsAlarmMinutes(value: unknown): value is IcsAlarmMinutes {
  return (ICS_ALARM_MINUTES as readonly unknown[]).includes(value)
}

/** How long before an office hour starts the app reminds the lecturer; 0: never. */
export const REMINDER_MINUTES = [0, 5, 15, 30, 60] as const
export type ReminderMinutes = (typeof REMINDER_MINUTES)[number]
export const DEFAULT_REMINDER_MINUTES: ReminderMinutes = 15

export function isReminderMinutes(value: unknown): value is ReminderMinutes {
  return (REMINDER_MINUTES as readonly unknown[]).includes(value)
}
