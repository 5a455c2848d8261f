import type Database from 'better-sqlite3'

/** The referenced objects every module points at: people, faculties, terms, rooms, courses, groups. */
export function migrateCommon(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL, titles_before TEXT, titles_after TEXT,
      email TEXT, student_number TEXT, staff_status INTEGER NOT NULL DEFAULT 0, student_status INTEGER NOT NULL DEFAULT 0,
      sex TEXT NOT NULL DEFAULT 'F');
    CREATE TABLE IF NOT EXISTS faculties (
      id TEXT PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, parent_id TEXT REFERENCES faculties(id));
    CREATE TABLE IF NOT EXISTS terms (
      id TEXT PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
      finish_date TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rooms (
      id INTEGER PRIMARY KEY, number TEXT NOT NULL, building_id TEXT NOT NULL, building_name_pl TEXT NOT NULL,
      building_name_en TEXT NOT NULL, capacity INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS courses (
      id TEXT PRIMARY KEY, name_pl TEXT NOT NULL, name_en TEXT NOT NULL, fac_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS course_units (
      id INTEGER PRIMARY KEY, course_id TEXT NOT NULL REFERENCES courses(id), term_id TEXT NOT NULL REFERENCES terms(id),
      classtype_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS class_groups (
      course_unit_id INTEGER NOT NULL REFERENCES course_units(id), group_number INTEGER NOT NULL,
      lecturer_id TEXT REFERENCES users(id), PRIMARY KEY (course_unit_id, group_number));
    CREATE TABLE IF NOT EXISTS group_members (
      course_unit_id INTEGER NOT NULL, group_number INTEGER NOT NULL, user_id TEXT NOT NULL REFERENCES users(id),
      PRIMARY KEY (course_unit_id, group_number, user_id));
    CREATE INDEX IF NOT EXISTS group_members_by_user ON group_members (user_id);
    CREATE TABLE IF NOT EXISTS emulator_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `)
}
