import type { Migration } from '../store/migrations'

/**
 * Notes: whose note a row is. A participant's public_notes list other authors' public notes too;
 * get_note answers only the user's own, so the notes editor edits the row marked `own = 1`
 * (1: the user's, 0: another author's, NULL: not known yet).
 */
export const notesOwnershipMigration: Migration = (db) => {
  db.exec(`
    ALTER TABLE notes ADD COLUMN own INTEGER;
    UPDATE notes SET own = 1 WHERE private_note IS NOT NULL OR id LIKE 'local:%';
  `)
}
