import type Database from 'better-sqlite3'
import type { Settings } from '../../shared/types'
import { DEFAULT_REMINDER_MINUTES, isIcsAlarmMinutes, isReminderMinutes } from '../../shared/reminders'

export const defaultSettings: Settings = {
  language: 'pl',
  theme: 'system',
  autoExportIcsPath: null,
  autoSyncMinutes: 10,
  icsAlarmMinutes: null,
  notifySignUps: true,
  notifyPromotions: true,
  reminderMinutes: DEFAULT_REMINDER_MINUTES
}

/** Settings kept in the profile's database; unknown or damaged values fall back to defaults. */
export class SettingsRepository {
  constructor(private readonly db: Database.Database) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{
      key: string
      value: string
    }>
    const stored: Record<string, unknown> = {}
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value)
      } catch {
        // A damaged value is ignored: its default applies and the next save repairs it.
      }
    }
    return {
      language:
        stored.language === 'en' || stored.language === 'pl' ? stored.language : defaultSettings.language,
      theme:
        stored.theme === 'light' || stored.theme === 'dark' || stored.theme === 'system'
          ? stored.theme
          : defaultSettings.theme,
      autoExportIcsPath:
        typeof stored.autoExportIcsPath === 'string' && stored.autoExportIcsPath.trim() !== ''
          ? stored.autoExportIcsPath
          : null,
      autoSyncMinutes:
        typeof stored.autoSyncMinutes === 'number' &&
        Number.isInteger(stored.autoSyncMinutes) &&
        stored.autoSyncMinutes >= 0 &&
        stored.autoSyncMinutes <= 1440
          ? stored.autoSyncMinutes
          : defaultSettings.autoSyncMinutes,
      icsAlarmMinutes: isIcsAlarmMinutes(stored.icsAlarmMinutes)
        ? stored.icsAlarmMinutes
        : defaultSettings.icsAlarmMinutes,
      notifySignUps:
        typeof stored.notifySignUps === 'boolean' ? stored.notifySignUps : defaultSettings.notifySignUps,
      notifyPromotions:
        typeof stored.notifyPromotions === 'boolean'
          ? stored.notifyPromotions
          : defaultSettings.notifyPromotions,
      reminderMinutes: isReminderMinutes(stored.reminderMinutes)
        ? stored.reminderMinutes
        : defaultSettings.reminderMinutes
    }
  }

  update(patch: Partial<Settings>): Settings {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
    )
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) put.run(key, JSON.stringify(value))
      }
    })()
    return this.get()
  }
}
