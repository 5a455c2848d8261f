import type Database from 'better-sqlite3'

/**
 * Numbered, append-only schema steps. Step N brings the database from user_version N-1 to N;
 * never edit a step that has shipped, add the next one.
 */
export type Migration = (db: Database.Database) => void

export const migrations: Migration[] = [
  // 1: settings of the profile (the UI language, theme ...), one JSON value per key.
  (db) => {
    db.exec(`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT`)
  }
]

export const SCHEMA_VERSION = migrations.length
