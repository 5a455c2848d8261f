import type { Migration } from '../store/migrations'

/**
 * What the ICS exports last wrote for each event, so its SEQUENCE grows exactly when the event
 * changes. `ics_sequences`: one row per UID (meeting dates, exam groups, planner drafts), its
 * SEQUENCE. `ics_hashes`: per UID and export variant (language, with or without participants'
 * names), a hash of the event's lines as that variant last wrote them, less DTSTAMP and SEQUENCE,
 * and the SEQUENCE it wrote with them. An export whose lines hash differently raises the UID's
 * SEQUENCE (unless another variant already has since); one that finds nothing changed writes
 * nothing.
 */
export const icsSequencesMigration: Migration = (db) => {
  db.exec(`
    CREATE TABLE ics_sequences (
      uid TEXT PRIMARY KEY,
      sequence INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE ics_hashes (
      uid TEXT NOT NULL REFERENCES ics_sequences(uid) ON DELETE CASCADE,
      variant TEXT NOT NULL,
      hash TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      PRIMARY KEY (uid, variant)
    ) STRICT, WITHOUT ROWID;
  `)
}
