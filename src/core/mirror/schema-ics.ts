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

/**
 * 14: each variant's row also holds its UID's SEQUENCE (`uid_sequence`, the greatest of the UID's
 * variants', kept on all of them when one raises it), so an export finds what it needs for an
 * event in one look-up rather than a greatest-of over the UID's rows. And the dates' start index
 * takes the id as its tie-break, so the export's order (start, then id) needs no sort.
 */
export const icsUidSequenceMigration: Migration = (db) => {
  db.exec(`
    ALTER TABLE ics_events ADD COLUMN uid_sequence INTEGER NOT NULL DEFAULT 0;
    UPDATE ics_events SET uid_sequence = (SELECT max(x.sequence) FROM ics_events x WHERE x.uid = ics_events.uid);
    DROP INDEX meeting_dates_by_start;
    CREATE INDEX meeting_dates_by_start ON meeting_dates (start_time, id);
  `)
}
