import type Database from 'better-sqlite3'

/**
 * The exams module's state. Everything a batch call changes (registrations) lives here, so it
 * survives a restart of the demo installation. Times are USOS wall-clock strings (Europe/Warsaw).
 */
export function migrateExams(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS exams_sessions (
      id INTEGER PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, description_pl TEXT, description_en TEXT,
      status TEXT NOT NULL, fac_id TEXT NOT NULL, term_id TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS exams_sessions_by_fac ON exams_sessions (fac_id, status);

    -- Exam reports (protocols, "protokoły") that exams belong to and admission conditions point at.
    CREATE TABLE IF NOT EXISTS exams_examreps (
      id INTEGER PRIMARY KEY, course_id TEXT NOT NULL, term_id TEXT NOT NULL, type_pl TEXT NOT NULL, type_en TEXT NOT NULL);

    CREATE TABLE IF NOT EXISTS exams_exams (
      id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES exams_sessions(id), term_id TEXT NOT NULL,
      course_id TEXT NOT NULL, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, description_pl TEXT, description_en TEXT,
      code TEXT NOT NULL UNIQUE, registration_start TEXT, registration_end TEXT, register_until TEXT,
      unregister_until TEXT, exchange_until TEXT, examiners_visible INTEGER NOT NULL, has_priorities INTEGER NOT NULL,
      preferences_limit INTEGER NOT NULL, micro_round_length INTEGER NOT NULL, micro_break_length INTEGER NOT NULL,
      coordinator_id TEXT NOT NULL, examrep_id INTEGER NOT NULL REFERENCES exams_examreps(id),
      examrep_session_number INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS exams_exams_by_session ON exams_exams (session_id);

    CREATE TABLE IF NOT EXISTS exams_groups (
      exam_id INTEGER NOT NULL REFERENCES exams_exams(id), number INTEGER NOT NULL, exam_start TEXT NOT NULL,
      exam_end TEXT NOT NULL, capacity INTEGER NOT NULL, number_of_slots INTEGER NOT NULL, room_id INTEGER,
      registration_start TEXT, register_until TEXT, unregister_until TEXT, PRIMARY KEY (exam_id, number));
    CREATE TABLE IF NOT EXISTS exams_examiners (
      exam_id INTEGER NOT NULL, group_number INTEGER NOT NULL, user_id TEXT NOT NULL,
      PRIMARY KEY (exam_id, group_number, user_id));
    CREATE INDEX IF NOT EXISTS exams_examiners_by_user ON exams_examiners (user_id);

    -- Students admitted to register (they meet every admission condition) and those who fail some.
    CREATE TABLE IF NOT EXISTS exams_admitted (exam_id INTEGER NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (exam_id, user_id));
    CREATE INDEX IF NOT EXISTS exams_admitted_by_user ON exams_admitted (user_id);
    CREATE TABLE IF NOT EXISTS exams_unadmitted (
      exam_id INTEGER NOT NULL, user_id TEXT NOT NULL, examrep_id INTEGER NOT NULL, PRIMARY KEY (exam_id, user_id, examrep_id));
    CREATE INDEX IF NOT EXISTS exams_unadmitted_by_user ON exams_unadmitted (user_id);
    CREATE TABLE IF NOT EXISTS exams_conditions (
      exam_id INTEGER NOT NULL, examrep_id INTEGER NOT NULL, grade_symbol TEXT, PRIMARY KEY (exam_id, examrep_id));

    -- One place per student per exam: the primary key is what makes a registration apply once.
    CREATE TABLE IF NOT EXISTS exams_registrations (
      exam_id INTEGER NOT NULL, group_number INTEGER NOT NULL, slot_number INTEGER NOT NULL, user_id TEXT NOT NULL,
      PRIMARY KEY (exam_id, user_id));
    CREATE INDEX IF NOT EXISTS exams_registrations_by_slot ON exams_registrations (exam_id, group_number, slot_number);
    CREATE INDEX IF NOT EXISTS exams_registrations_by_user ON exams_registrations (user_id);

    -- Who manages registrations at a faculty (USOS permission ROLA_ZARZADZANIE_REJESTRACJAMI).
    CREATE TABLE IF NOT EXISTS exams_fac_admins (fac_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (fac_id, user_id));
  `)
}
