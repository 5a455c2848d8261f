import type { Migration } from '../store/migrations'

/**
 * Answers read live from USOS that are not the user's own data (colleagues' dates, the attendee
 * side), kept by key so those screens still show the last copy offline.
 */
export const usosCacheMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE usos_cache (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    ) STRICT;
  `)
}
