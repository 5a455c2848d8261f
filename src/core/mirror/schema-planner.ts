import type { Migration } from '../store/migrations'

/**
 * The term planner: faculty free days the user keeps (typed in or imported from an ICS file) and
 * drafts of office hours, previewed against the mirror before anything is created in USOS.
 */
export const plannerMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE free_days (
      faculty_id TEXT NOT NULL,
      day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      reason TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL CHECK (source IN ('manual', 'ics')),
      PRIMARY KEY (faculty_id, day)
    ) STRICT;

    CREATE TABLE planner_drafts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      meeting_id TEXT,
      faculty_id TEXT,
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      number INTEGER NOT NULL,
      frequency TEXT NOT NULL,
      week_day INTEGER,
      start_even INTEGER NOT NULL DEFAULT 0,
      use_calendar INTEGER NOT NULL DEFAULT 1,
      start_time TEXT NOT NULL,
      duration_min INTEGER NOT NULL,
      room TEXT,
      comment TEXT,
      revision INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `)
}
