import type { Migration } from '../store/migrations'

/**
 * Which meeting dates the lecturer was already reminded of, so a reminder is shown once per date
 * (a restart of the app does not show it again). Keyed by the date's start too: a date moved in
 * USOS to another time is reminded of again. Local only, never sent.
 */
export const remindersShownMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE reminders_shown (
      meeting_date_id TEXT NOT NULL,
      start_time TEXT NOT NULL,
      shown_at TEXT NOT NULL,
      PRIMARY KEY (meeting_date_id, start_time)
    ) STRICT;
  `)
}
