/**
 * Reads that go to USOS live (what the mirror does not sync) and are kept for offline use: a
 * successful answer is stored under its key; when USOS cannot be reached, the kept copy is given,
 * marked with when it was read.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { Fetched } from '../../shared/types-attendee'
import { stmt } from '../mirror/statements'

export function isOffline(error: unknown): boolean {
  const e = error as { kind?: unknown; code?: unknown }
  return e?.kind === 'network' || e?.kind === 'timeout' || e?.kind === 'server' || e?.code === 'offline'
}

export async function liveRead<T>(
  db: Database.Database,
  key: string,
  read: () => Promise<T>
): Promise<Fetched<T>> {
  try {
    const value = await read()
    const fetchedAt = new Date().toISOString()
    stmt(
      db,
      `INSERT INTO usos_cache (key, value, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at`
    ).run(key, JSON.stringify(value), fetchedAt)
    return { value, fetchedAt, live: true }
  } catch (error) {
    if (!isOffline(error)) throw error
    const kept = stmt(db, 'SELECT value, fetched_at FROM usos_cache WHERE key = ?').get(key) as
      { value: string; fetched_at: string } | undefined
    if (!kept)
      throw new AppError(
        'offline',
        'USOS cannot be reached and this has not been read before; try again when online.',
        undefined,
        { key: 'offlineNeverRead' }
      )
    return { value: JSON.parse(kept.value) as T, fetchedAt: kept.fetched_at, live: false }
  }
}
