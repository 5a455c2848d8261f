import type { Migration } from '../store/migrations'
import { localStateMigration } from './schema-local'
import { attendanceMigration } from './schema-attendance'
import { remindersShownMigration } from './schema-reminders'
import { plannerMigration } from './schema-planner'
import { examDetailsMigration } from './schema-exams-details'
import { examAdminMigration } from './schema-exams-admin'
import { usosCacheMigration } from './schema-cache'
import { slipsMigration } from './schema-slips'
import { icsSequencesMigration, icsUidSequenceMigration } from './schema-ics'
import { outboxRefusalMigration } from './schema-refusal'
import { plannerDaysMigration } from './schema-planner-days'

/**
 * One account's mirror of USOS (accounts/<id>/mirror.sqlite). Tables and columns use USOS's own
 * names; LangDicts are two columns (`_pl`, `_en`); datetimes stay USOS's local
 * "YYYY-MM-DD HH:MM:SS" strings (Europe/Warsaw), which sort chronologically and are indexed for
 * calendar ranges. Every row a sync writes carries `sync_id`, the sync that last saw it, so a
 * complete sync can delete what USOS no longer has.
 */
export const mirrorMigrations: Migration[] = [
  // 1: the meetings module and the objects it references.
  (db) => {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        titles_before TEXT,
        titles_after TEXT,
        email TEXT,
        student_number TEXT,
        staff_status INTEGER,
        student_status INTEGER
      ) STRICT;
      CREATE TABLE faculties (
        id TEXT PRIMARY KEY,
        name_pl TEXT,
        name_en TEXT,
        parent_id TEXT
      ) STRICT;
      CREATE TABLE terms (
        id TEXT PRIMARY KEY,
        name_pl TEXT,
        name_en TEXT,
        start_date TEXT,
        end_date TEXT,
        finish_date TEXT,
        is_active INTEGER
      ) STRICT;
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        number TEXT,
        building_id TEXT,
        building_name_pl TEXT,
        building_name_en TEXT,
        capacity INTEGER
      ) STRICT;
      CREATE TABLE groups (
        course_unit_id TEXT NOT NULL,
        group_number INTEGER NOT NULL,
        class_type_pl TEXT,
        class_type_en TEXT,
        course_name_pl TEXT,
        course_name_en TEXT,
        term_id TEXT,
        PRIMARY KEY (course_unit_id, group_number)
      ) STRICT;

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        name_pl TEXT,
        name_en TEXT,
        comment_pl TEXT,
        comment_en TEXT,
        faculty_id TEXT,
        term_id TEXT,
        lecturer_id TEXT,
        open INTEGER,
        state TEXT,
        substantiation_mode TEXT,
        auto_accept INTEGER,
        soonest_datetime TEXT,
        sync_id INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE meeting_groups (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        course_unit_id TEXT NOT NULL,
        group_number INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, course_unit_id, group_number)
      ) STRICT;

      CREATE TABLE meeting_dates (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        comment_pl TEXT,
        comment_en TEXT,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        registration_start_time TEXT,
        registration_end_time TEXT,
        seats_limit INTEGER,
        reserve_seats_limit INTEGER,
        registered_participants_count INTEGER,
        accepted_participants_count INTEGER,
        waiting_participants_count INTEGER,
        room_id TEXT,
        -- What the participant lists were last read against; a change of counts re-reads them.
        participants_fingerprint TEXT,
        -- Bumped whenever the date's own fields change (where an ICS SEQUENCE starts: schema-ics.ts).
        revision INTEGER NOT NULL DEFAULT 0,
        sync_id INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX meeting_dates_by_start ON meeting_dates (start_time);
      CREATE INDEX meeting_dates_by_meeting ON meeting_dates (meeting_id, start_time);

      CREATE TABLE substantiations (
        id TEXT PRIMARY KEY,
        name_pl TEXT,
        name_en TEXT,
        message_pl TEXT,
        message_en TEXT,
        type TEXT,
        faculty_id TEXT
      ) STRICT;

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        meeting_date_id TEXT NOT NULL REFERENCES meeting_dates(id) ON DELETE CASCADE,
        is_external INTEGER NOT NULL DEFAULT 0,
        user_id TEXT,
        external_first_name TEXT,
        external_last_name TEXT,
        external_email TEXT,
        external_contact TEXT,
        status TEXT NOT NULL,
        is_reserve INTEGER NOT NULL DEFAULT 0,
        number_in_queue INTEGER,
        substantiation_id TEXT,
        rejection_substantiation_id TEXT,
        substantiation_message TEXT,
        rejection_substantiation_message TEXT,
        lecturer_actions TEXT,
        user_actions TEXT,
        sync_id INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX participants_by_date ON participants (meeting_date_id, is_reserve, number_in_queue);
      CREATE INDEX participants_by_user ON participants (user_id);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        faculty_id TEXT,
        term_id TEXT,
        user_id TEXT NOT NULL,
        creation_date TEXT,
        private_note TEXT,
        public_note TEXT
      ) STRICT;
      CREATE INDEX notes_by_user ON notes (user_id, faculty_id, term_id);

      -- What the user typed and has not yet saved to USOS: kept until it is.
      CREATE TABLE note_drafts (
        faculty_id TEXT NOT NULL,
        term_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        note_type TEXT NOT NULL CHECK (note_type IN ('private', 'public')),
        content TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (faculty_id, term_id, user_id, note_type)
      ) STRICT;

      -- Writes made by the user, in order; replayed to USOS until each is done.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        -- The mirror row the write concerns, so a sync never overwrites it while pending.
        target_table TEXT,
        target_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'unknown', 'needs_attention', 'done')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_open ON outbox (state, seq);

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        state TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0,
        summary TEXT
      ) STRICT;
      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
]

mirrorMigrations.push(
  // 2: exams the user examines, and their groups (what the calendar shows next to office hours).
  (db) => {
    db.exec(`
      CREATE TABLE exams (
        id TEXT PRIMARY KEY,
        examination_session_id TEXT,
        term_id TEXT,
        course_id TEXT,
        name_pl TEXT,
        name_en TEXT,
        registration_start TEXT,
        registration_end TEXT,
        sync_id INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE exam_groups (
        exam_id TEXT NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        exam_start TEXT NOT NULL,
        exam_end TEXT NOT NULL,
        capacity INTEGER,
        number_of_slots INTEGER,
        room_id TEXT,
        is_examiner INTEGER NOT NULL DEFAULT 0,
        attendees_count INTEGER,
        revision INTEGER NOT NULL DEFAULT 0,
        sync_id INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (exam_id, number)
      ) STRICT;
      CREATE INDEX exam_groups_by_start ON exam_groups (exam_start);
    `)
  }
)

// 3: notes' authorship, the outbox's record of conflicts.
mirrorMigrations.push(localStateMigration)

// 4: the term planner's drafts and faculty free days.
mirrorMigrations.push(plannerMigration)

// 5: exam groups' slots and attendees.
mirrorMigrations.push(examDetailsMigration)

// 6: answers kept for offline viewing (colleagues, the attendee side).
mirrorMigrations.push(usosCacheMigration)

// 7: clearance slips as the answerer sees them.
mirrorMigrations.push(slipsMigration)

// 8: exams the user administers, admission conditions.
mirrorMigrations.push(examAdminMigration)

// 9: what the ICS exports last wrote per event (its content hash and SEQUENCE).
mirrorMigrations.push(icsSequencesMigration)

// 10: what USOS said when it refused a write (reason codes, user_messages).
mirrorMigrations.push(outboxRefusalMigration)

// 11: attendance at meeting dates (local only: USOS has no such method).
mirrorMigrations.push(attendanceMigration)

// 12: planner drafts' days added or removed by hand on the month grid.
mirrorMigrations.push(plannerDaysMigration)
// 13: the meeting dates already reminded of (local only).
mirrorMigrations.push(remindersShownMigration)

// 14: the UID's SEQUENCE on each variant's row; the dates' start index ordered by id too.
mirrorMigrations.push(icsUidSequenceMigration)

export const MIRROR_SCHEMA_VERSION = mirrorMigrations.length
