import type Database from 'better-sqlite3'

export function migrateMeetings(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meetings_meetings (
      id INTEGER PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, comment_pl TEXT, comment_en TEXT,
      fac_id TEXT NOT NULL, term_id TEXT, lecturer_id TEXT NOT NULL, open INTEGER NOT NULL, state TEXT NOT NULL,
      substantiation_mode TEXT NOT NULL, auto_accept INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS meetings_by_lecturer ON meetings_meetings (lecturer_id);
    CREATE TABLE IF NOT EXISTS meetings_groups (
      meeting_id INTEGER NOT NULL, course_unit_id INTEGER NOT NULL, group_number INTEGER NOT NULL,
      PRIMARY KEY (meeting_id, course_unit_id, group_number));
    CREATE TABLE IF NOT EXISTS meetings_dates (
      id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id), comment_pl TEXT, comment_en TEXT,
      start_time TEXT NOT NULL, end_time TEXT NOT NULL, registration_start_time TEXT, registration_end_time TEXT,
      seats_limit INTEGER NOT NULL, reserve_seats_limit INTEGER NOT NULL, room_id INTEGER);
    CREATE INDEX IF NOT EXISTS meetings_dates_by_meeting ON meetings_dates (meeting_id, start_time);
    CREATE INDEX IF NOT EXISTS meetings_dates_by_start ON meetings_dates (start_time);
    CREATE TABLE IF NOT EXISTS meetings_substantiations (
      id INTEGER PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, message_pl TEXT, message_en TEXT,
      type TEXT NOT NULL CHECK (type IN ('meeting', 'rejection')), fac_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS meetings_participants (
      id INTEGER PRIMARY KEY, meeting_date_id INTEGER NOT NULL REFERENCES meetings_dates(id), user_id TEXT,
      external_first_name TEXT, external_last_name TEXT, external_email TEXT, external_contact TEXT,
      status TEXT NOT NULL, is_reserve INTEGER NOT NULL DEFAULT 0, number_in_queue INTEGER,
      substantiation_id INTEGER, substantiation_message TEXT, rejection_substantiation_id INTEGER,
      rejection_substantiation_message TEXT, registered_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS meetings_participants_by_date ON meetings_participants (meeting_date_id, status, is_reserve, number_in_queue);
    CREATE INDEX IF NOT EXISTS meetings_participants_by_user ON meetings_participants (user_id);
    CREATE TABLE IF NOT EXISTS meetings_notes (
      id INTEGER PRIMARY KEY, author_id TEXT NOT NULL, fac_id TEXT NOT NULL, term_id TEXT NOT NULL, user_id TEXT NOT NULL,
      private_note TEXT, public_note TEXT, private_created TEXT, public_created TEXT, creation_date TEXT NOT NULL,
      UNIQUE (author_id, fac_id, term_id, user_id));
    CREATE INDEX IF NOT EXISTS meetings_notes_by_user ON meetings_notes (user_id, fac_id, term_id);
    CREATE TABLE IF NOT EXISTS meetings_fac_free_days (fac_id TEXT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (fac_id, day));
  `)
}
