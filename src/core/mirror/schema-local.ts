import type { Migration } from '../store/migrations'

/**
 * Local bookkeeping. Notes: whose note a row is. A participant's public_notes list other authors' public notes too;
 * get_note answers only the user's own, so the notes editor edits the row marked `own = 1`
 * (1: the user's, 0: another author's, NULL: not known yet). Outbox: what USOS had when it
 * refused a write (`remote_state`, JSON), so a conflict is shown with both sides.
 */
export const localStateMigration: Migration = (db) => {
  db.exec(`
    ALTER TABLE outbox ADD COLUMN remote_state TEXT;
    ALTER TABLE notes ADD COLUMN own INTEGER;
    UPDATE notes SET own = 1 WHERE private_note IS NOT NULL OR id LIKE 'local:%';
  `)
}
