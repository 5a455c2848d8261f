import type Database from 'better-sqlite3'
import { stmt } from '../mirror/statements'

/**
 * Runs one sync step recorded in `sync_runs`: a row marked running, then failed (with the error)
 * if the step throws; the step itself marks it done with what it did.
 */
export async function recordedRun<T>(
  db: Database.Database,
  kind: string,
  now: () => Date,
  step: (syncId: number) => Promise<T>
): Promise<T> {
  const syncId = Number(
    stmt(db, "INSERT INTO sync_runs (kind, started_at, state) VALUES (?, ?, 'running')").run(
      kind,
      now().toISOString()
    ).lastInsertRowid
  )
  try {
    return await step(syncId)
  } catch (error) {
    stmt(db, "UPDATE sync_runs SET finished_at = ?, state = 'failed', summary = ? WHERE id = ?").run(
      now().toISOString(),
      JSON.stringify({ error: error instanceof Error ? error.message : String(error) }),
      syncId
    )
    throw error
  }
}
