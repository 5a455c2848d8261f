import type { Migration } from '../store/migrations'

/**
 * Exams in more detail: the examination sessions they belong to, each examined group's slots and
 * attendees (for the printable attendee lists), and the exams' own texts. Attendees are users (the `users` table).
 */
export const examDetailsMigration: Migration = (db) => {
  db.exec(`
    ALTER TABLE exams ADD COLUMN description_pl TEXT;
    ALTER TABLE exams ADD COLUMN description_en TEXT;
    CREATE TABLE exam_slots (
      exam_id TEXT NOT NULL,
      group_number INTEGER NOT NULL,
      number INTEGER NOT NULL,
      capacity INTEGER,
      attendees_count INTEGER,
      start TEXT,
      "end" TEXT,
      PRIMARY KEY (exam_id, group_number, number),
      FOREIGN KEY (exam_id, group_number) REFERENCES exam_groups (exam_id, number) ON DELETE CASCADE
    ) STRICT;
    CREATE TABLE exam_attendees (
      exam_id TEXT NOT NULL,
      group_number INTEGER NOT NULL,
      user_id TEXT NOT NULL,
      PRIMARY KEY (exam_id, group_number, user_id),
      FOREIGN KEY (exam_id, group_number) REFERENCES exam_groups (exam_id, number) ON DELETE CASCADE
    ) STRICT;
    CREATE TABLE examination_sessions (
      id TEXT PRIMARY KEY,
      name_pl TEXT,
      name_en TEXT,
      status TEXT,
      faculty_id TEXT
    ) STRICT;
    -- Whether the attendee list could be read (USOS may refuse: examiner_only, coordinator_only).
    ALTER TABLE exam_groups ADD COLUMN attendees_read INTEGER NOT NULL DEFAULT 0;
  `)
}
