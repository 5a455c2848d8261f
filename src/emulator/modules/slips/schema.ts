/** The slips module's tables. Idempotent, so a data directory keeps its changes across restarts. */
import type Database from 'better-sqlite3'

export function migrateSlips(db: Database.Database): void {
  db.exec(`
    -- Users and faculties the seed world knows: the write methods validate references against them.
    CREATE TABLE IF NOT EXISTS slips_directory (
      kind TEXT NOT NULL CHECK (kind IN ('user', 'faculty')),
      id TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    );
    -- Per-faculty roles: template admins edit (and coordinate) templates, issuers issue slips.
    CREATE TABLE IF NOT EXISTS slips_faculty_roles (
      fac_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('template_admin', 'issuer')),
      PRIMARY KEY (fac_id, user_id, role)
    );
    CREATE INDEX IF NOT EXISTS slips_faculty_roles_user ON slips_faculty_roles (user_id, role);
    CREATE TABLE IF NOT EXISTS slips_templates (
      -- AUTOINCREMENT: a deleted object's id is never handed out again.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      lang TEXT NOT NULL,
      desc_for_issuers TEXT,
      fac_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('draft', 'active', 'obsolete')),
      date_created TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS slips_templates_fac ON slips_templates (fac_id);
    -- Ordered, directed connections; the graph may contain cycles.
    CREATE TABLE IF NOT EXISTS slips_template_connections (
      tpl_id INTEGER NOT NULL,
      connected_tpl_id INTEGER NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (tpl_id, connected_tpl_id)
    );
    CREATE TABLE IF NOT EXISTS slips_questions (
      -- AUTOINCREMENT: a deleted object's id is never handed out again.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      tpl_id INTEGER NOT NULL,
      position INTEGER NOT NULL,
      question TEXT NOT NULL,
      desc_for_answerers TEXT,
      is_included_by_default INTEGER NOT NULL,
      can_client_answer INTEGER NOT NULL,
      can_issuers_answer INTEGER NOT NULL,
      can_issuers_assign_answerers INTEGER NOT NULL,
      is_obsolete INTEGER NOT NULL,
      regexp_cleared TEXT,
      regexp_rejected TEXT,
      quick_answers TEXT
    );
    CREATE INDEX IF NOT EXISTS slips_questions_tpl ON slips_questions (tpl_id, position);
    CREATE TABLE IF NOT EXISTS slips_question_answerers (
      question_id INTEGER NOT NULL,
      user_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (question_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS slips_question_answerers_user ON slips_question_answerers (user_id);
    CREATE TABLE IF NOT EXISTS slips_student_programmes (
      id INTEGER PRIMARY KEY,
      user_id TEXT NOT NULL,
      programme_id TEXT NOT NULL,
      name_pl TEXT NOT NULL,
      name_en TEXT NOT NULL,
      status TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS slips_student_programmes_user ON slips_student_programmes (user_id);
    CREATE TABLE IF NOT EXISTS slips_slips (
      -- AUTOINCREMENT: a deleted object's id is never handed out again.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      tpl_id INTEGER NOT NULL,
      issuer_id TEXT NOT NULL,
      client_id TEXT NOT NULL,
      student_programme_id INTEGER,
      state TEXT NOT NULL CHECK (state IN ('closed', 'active')),
      date_created TEXT NOT NULL,
      date_last_closed TEXT,
      issuers_comment TEXT
    );
    CREATE INDEX IF NOT EXISTS slips_slips_tpl ON slips_slips (tpl_id);
    CREATE INDEX IF NOT EXISTS slips_slips_client ON slips_slips (client_id);
    CREATE TABLE IF NOT EXISTS slips_slipquestions (
      -- AUTOINCREMENT: a deleted object's id is never handed out again.
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      slip_id INTEGER NOT NULL,
      question_id INTEGER NOT NULL,
      answer TEXT,
      answerer_id TEXT,
      date_answered TEXT,
      UNIQUE (slip_id, question_id)
    );
    CREATE INDEX IF NOT EXISTS slips_slipquestions_question ON slips_slipquestions (question_id);
    CREATE TABLE IF NOT EXISTS slips_extra_answerers (
      sq_id INTEGER NOT NULL,
      user_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (sq_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS slips_extra_answerers_user ON slips_extra_answerers (user_id);
  `)
}
