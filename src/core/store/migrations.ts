import type Database from 'better-sqlite3'

/**
 * Numbered, append-only schema steps. Step N brings the database from user_version N-1 to N;
 * never edit a step that has shipped, add the next one.
 */
export type Migration = (db: Database.Database) => void

/** The profile database (profile.sqlite): settings and the accounts signed in. */
export const profileMigrations: Migration[] = [
  // 1: settings of the profile (the UI language, theme ...), one JSON value per key.
  (db) => {
    db.exec(`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT`)
  },
  // 2: accounts (one per installation and user; their secrets live sealed in secrets.json), and
  // the cached list of public installations.
  (db) => {
    db.exec(`CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      base_url TEXT NOT NULL,
      institution_name_pl TEXT,
      institution_name_en TEXT,
      consumer_key TEXT NOT NULL,
      user_id TEXT NOT NULL,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      scopes TEXT NOT NULL,
      is_demo INTEGER NOT NULL DEFAULT 0,
      needs_sign_in INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      UNIQUE (base_url, user_id)
    ) STRICT`)
    db.exec(`CREATE TABLE installations (
      base_url TEXT PRIMARY KEY,
      name_pl TEXT,
      name_en TEXT,
      version TEXT,
      contact_emails TEXT,
      fetched_at TEXT NOT NULL
    ) STRICT`)
  }
]

export const PROFILE_SCHEMA_VERSION = profileMigrations.length
