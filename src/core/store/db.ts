import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'
import type { Migration } from './migrations'

export interface OpenOptions {
  /** Path to better-sqlite3's native addon built for this runtime (Electron needs its own). */
  nativeBinding?: string
  migrations: Migration[]
  /** Clock for naming a quarantined file. */
  now?: () => Date
  /** How long a statement waits for another connection's lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number
  /**
   * Caps the file at this many pages (`PRAGMA max_page_count`) for this connection: writes beyond
   * fail with SQLITE_FULL as on a full disk. For tests; unset in the app.
   */
  maxPageCount?: number
}

export interface OpenedDatabase {
  db: Database.Database
  /** Set when the file failed its check at start and was moved aside: the mirror starts empty. */
  quarantinedTo: string | null
}

const SIDE_FILES = ['', '-wal', '-shm']

function openRaw(file: string, nativeBinding?: string): Database.Database {
  return new Database(file, nativeBinding ? { nativeBinding } : {})
}

/** Moves a broken database and its -wal/-shm aside, keeping them for a later look. */
function quarantine(file: string, now: Date): string {
  const target = `${file}.broken-${now.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of SIDE_FILES) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return target
}

/** SQLite's own verdict that a file is damaged (or is no database at all): the only reason to move it aside. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)(_|$)/.test(code)
}

/**
 * A one-line error for a database that could not be opened or written for a reason other than
 * damage: full disk, a lock held by another process, no permission. Nothing is moved.
 */
export function storageError(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  const why = error instanceof Error ? error.message : String(error)
  const where = JSON.stringify(file)
  const message = /^SQLITE_FULL/.test(code)
    ? `The disk holding ${where} is full (${why}); free some space and try again. Nothing was changed.`
    : /^SQLITE_(BUSY|LOCKED)/.test(code)
      ? `${where} is in use by another process (${why}); close it or try again in a moment. Nothing was changed.`
      : `${where} could not be opened (${why}${code ? `, ${code}` : ''}). Nothing was changed.`
  return new AppError('storage_error', message.replace(/[\r\n]+/g, ' '), { file, sqliteCode: code || null })
}

/**
 * Runs `quick_check` on a file: true when it answers `ok`, false when SQLite finds it damaged
 * (SQLITE_CORRUPT, SQLITE_NOTADB, or a quick_check with findings). Any other failure (a full
 * disk, a lock, permissions) is thrown as a storage error: a healthy file is never moved aside.
 */
export function passesQuickCheck(file: string, nativeBinding?: string, busyTimeoutMs = 5000): boolean {
  let db: Database.Database | null = null
  try {
    // Read-only, so that a failed check leaves the file and its -wal exactly as found.
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      timeout: busyTimeoutMs,
      ...(nativeBinding ? { nativeBinding } : {})
    })
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
    return rows.length === 1 && rows[0]?.quick_check === 'ok'
  } catch (error) {
    if (isCorruption(error)) return false
    throw storageError(file, error)
  } finally {
    db?.close()
  }
}

/** Profile files are the user's alone (0600), whatever the umask; -wal and -shm follow the file. */
function ownOnly(file: string): void {
  if (process.platform === 'win32') return
  closeSync(openSync(file, 'a', 0o600))
  for (const suffix of SIDE_FILES) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600)
}

export function migrate(db: Database.Database, steps: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > steps.length) {
    throw new AppError(
      'storage_error',
      `The local data was written by a newer version of the app (schema ${current}, this app knows ${steps.length}). Update the app to open it.`,
      undefined,
      { key: 'newerSchema' }
    )
  }
  for (let version = current; version < steps.length; version++) {
    const step = steps[version] as Migration
    // The step and its version number land together or not at all.
    db.transaction(() => {
      step(db)
      db.pragma(`user_version = ${version + 1}`)
    }).immediate()
  }
}

/**
 * Opens (creating when needed) a SQLite database of the profile: WAL, foreign keys on, FULL
 * synchronous so an acknowledged write (the outbox above all) survives power loss, migrated to the
 * latest schema. A file SQLite itself calls damaged is quarantined with its -wal and -shm (say so
 * to the user: `quarantinedTo`); any other failure is a one-line `storage_error`, nothing moved.
 * The file and its side files are 0600, a folder created for it 0700.
 */
export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  const now = options.now ?? (() => new Date())
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000
  let quarantinedTo: string | null = null
  let db: Database.Database
  try {
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
      if (existsSync(file) && !passesQuickCheck(file, options.nativeBinding, busyTimeoutMs)) {
        quarantinedTo = quarantine(file, now())
      }
      ownOnly(file)
    }
    db = openRaw(file, options.nativeBinding)
  } catch (error) {
    throw storageError(file, error)
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`)
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (file !== ':memory:' && mode !== 'wal') {
      throw new AppError('storage_error', `SQLite refused WAL mode (answered ${String(mode)})`)
    }
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    migrate(db, options.migrations)
    if (file !== ':memory:') ownOnly(file)
  } catch (error) {
    db.close()
    // Damage found only now (past quick_check) is still SQLite's own verdict: said as it is.
    throw storageError(file, error)
  }
  return { db, quarantinedTo }
}
