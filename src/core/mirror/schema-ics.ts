import type { Migration } from '../store/migrations'

/**
 * What the ICS exports last wrote for each event, so its SEQUENCE grows exactly when the event
 * changes: per UID (meeting dates, exam groups, planner drafts) and export variant (language,
 * with or without participants' names), a hash of the event's lines as that variant last wrote
 * them, less DTSTAMP and SEQUENCE, and the SEQUENCE written with them. The UID's SEQUENCE is the
 * greatest of its variants'. An export whose lines hash differently raises it (unless another
 * variant already has since); one that finds nothing changed writes nothing.
 */
export const icsSequencesMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE ics_events (
      uid TEXT NOT NULL,
      variant TEXT NOT NULL,
      hash TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      PRIMARY KEY (uid, variant)
    ) STRICT, WITHOUT ROWID;
  `)
}
