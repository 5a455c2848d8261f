import type { Migration } from '../store/migrations'

/**
 * Clearance slips (services/slips) as the answerer sees them: the user's roles, the slips whose
 * questions wait for the user's answer (or were answered lately), the questions themselves with
 * their quick answers, and the templates they come from. Names follow USOS.
 */
export const slipsMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE slip_user_roles (
      role TEXT PRIMARY KEY,
      has_role INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE slip_templates (
      id TEXT PRIMARY KEY,
      name_pl TEXT,
      name_en TEXT
    ) STRICT;
    CREATE TABLE slips (
      id TEXT PRIMARY KEY,
      template_id TEXT,
      client_id TEXT,
      state TEXT,
      date_created TEXT,
      issuers_comment TEXT,
      sync_id INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE slip_template_questions (
      id TEXT PRIMARY KEY,
      tpl_id TEXT,
      question TEXT,
      desc_for_answerers TEXT,
      quick_answers TEXT
    ) STRICT;
    CREATE TABLE slipquestions (
      id TEXT PRIMARY KEY,
      slip_id TEXT NOT NULL REFERENCES slips(id) ON DELETE CASCADE,
      question_id TEXT,
      answer TEXT,
      answer_status TEXT,
      date_answered TEXT,
      answerer_id TEXT,
      can_i_answer INTEGER,
      why_cant_i_answer_pl TEXT,
      why_cant_i_answer_en TEXT,
      sync_id INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX slipquestions_by_slip ON slipquestions (slip_id);
  `)
}
