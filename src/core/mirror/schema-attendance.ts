import type { Migration } from '../store/migrations'

/**
 * Attendance at a meeting date, kept only here: USOS has no method for it, so it is never sent.
 * The meeting, the date's start and the person are copied when it is marked, so a student's
 * attendance over the term stays countable after USOS drops the participant row.
 */
export const attendanceMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE attendance (
      participant_id TEXT PRIMARY KEY,
      meeting_date_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      start_time TEXT NOT NULL,
      user_id TEXT,
      person TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('present', 'absent', 'late')),
      marked_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attendance_by_user ON attendance (user_id, meeting_id);
    CREATE INDEX attendance_by_date ON attendance (meeting_date_id);
  `)
}
