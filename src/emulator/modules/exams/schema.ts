import type Database from 'better-sqlite3'

export function migrateExams(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS exams_sessions (
      id INTEGER PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, description_pl TEXT, description_en TEXT,
      status TEXT NOT NULL, fac_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS exams_exams (
      id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES exams_sessions(id), term_id TEXT NOT NULL, course_id TEXT NOT NULL,
      name_pl TEXT NOT NULL, name_en TEXT NOT NULL, description_pl TEXT, description_en TEXT, code TEXT NOT NULL,
      registration_start TEXT, registration_end TEXT, register_until TEXT, unregister_until TEXT, exchange_until TEXT,
      examiners_visible INTEGER NOT NULL, has_priorities INTEGER NOT NULL, preferences_limit INTEGER NOT NULL,
      micro_round_length INTEGER NOT NULL, micro_break_length INTEGER NOT NULL, coordinator_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS exams_groups (
      exam_id INTEGER NOT NULL REFERENCES exams_exams(id), number INTEGER NOT NULL, exam_start TEXT NOT NULL, exam_end TEXT NOT NULL,
      capacity INTEGER NOT NULL, number_of_slots INTEGER NOT NULL, room_id INTEGER, registration_start TEXT,
      register_until TEXT, unregister_until TEXT, PRIMARY KEY (exam_id, number));
    CREATE TABLE IF NOT EXISTS exams_examiners (
      exam_id INTEGER NOT NULL, group_number INTEGER NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (exam_id, group_number, user_id));
    CREATE TABLE IF NOT EXISTS exams_admitted (exam_id INTEGER NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (exam_id, user_id));
    CREATE TABLE IF NOT EXISTS exams_registrations (
      exam_id INTEGER NOT NULL, group_number INTEGER NOT NULL, slot_number INTEGER NOT NULL, user_id TEXT NOT NULL,
      PRIMARY KEY (exam_id, user_id));
    CREATE INDEX IF NOT EXISTS exams_registrations_by_slot ON exams_registrations (exam_id, group_number, slot_number);
    CREATE TABLE IF NOT EXISTS exams_examreps (
      id INTEGER PRIMARY KEY, course_id TEXT NOT NULL, term_id TEXT NOT NULL, name_pl TEXT NOT NULL, name_en TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS exams_conditions (
      exam_id INTEGER NOT NULL, examrep_id INTEGER NOT NULL, grade_symbol TEXT, PRIMARY KEY (exam_id, examrep_id));
    CREATE TABLE IF NOT EXISTS exams_unadmitted (
      exam_id INTEGER NOT NULL, user_id TEXT NOT NULL, examrep_id INTEGER NOT NULL, PRIMARY KEY (exam_id, user_id, examrep_id));
    CREATE TABLE IF NOT EXISTS exams_fac_admins (fac_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (fac_id, user_id));
  `)
}
