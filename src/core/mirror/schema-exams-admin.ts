import type { Migration } from '../store/migrations'

/**
 * Exams the user administers (`exams/administrator`: the examination sessions of the faculties where
 * they manage registrations) beside the ones they examine, and each exam's admission conditions
 * (which exam report must be passed, with which grade at least); the slot of each attendee.
 */
export const examAdminMigration: Migration = (db) => {
  db.exec(`
    -- An exam may be examined (some of its groups), administered (its session), or both.
    ALTER TABLE exams ADD COLUMN examined INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE exams ADD COLUMN administered INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE examination_sessions ADD COLUMN administered INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE examination_sessions ADD COLUMN faculty_name_pl TEXT;
    ALTER TABLE examination_sessions ADD COLUMN faculty_name_en TEXT;
    -- Which slot each attendee sits in, where USOS says (slot attendees need an administrative key).
    ALTER TABLE exam_attendees ADD COLUMN slot_number INTEGER;
    ALTER TABLE exam_groups ADD COLUMN slots_read INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE exam_admission_conditions (
      exam_id TEXT NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
      examrep_id TEXT NOT NULL,
      examrep_name_pl TEXT,
      examrep_name_en TEXT,
      -- NULL: any passing grade will do.
      grade_symbol TEXT,
      grade_name_pl TEXT,
      grade_name_en TEXT,
      PRIMARY KEY (exam_id, examrep_id)
    ) STRICT;
  `)
}
