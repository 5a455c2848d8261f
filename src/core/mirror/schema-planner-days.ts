import type { Migration } from '../store/migrations'

/**
 * A planner draft's dates edited by hand on its month grid: a day added (at the draft's time) or a
 * generated day removed. Kept apart from the rule, so a change of the rule regenerates the dates and
 * the edits still apply; deleted with the draft.
 */
export const plannerDaysMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE planner_draft_days (
      draft_id TEXT NOT NULL REFERENCES planner_drafts(id) ON DELETE CASCADE,
      day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      change TEXT NOT NULL CHECK (change IN ('added', 'removed')),
      PRIMARY KEY (draft_id, day)
    ) STRICT;
  `)
}
