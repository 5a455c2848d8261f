import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'
import type { Migration } from './migrations'

export interface OpenOptions {
  /** Path to better-sqlite3's native addon built for this runtime (Electron needs its own). */
  nativeBinding?: string
  migrations: Migration[]
  /** Clock for naming a quarantined file. */
  now?: () => Date
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

function passesQuickCheck(file: string, nativeBinding?: string): boolean {
  let db: Database.Database | null = null
  try {
    // Read-only, so that a failed check leaves the file and its -wal exactly as found.
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {})
    })
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
    return rows.length === 1 && rows[0]?.quick_check === 'ok'
  } catch {
    return false
  } finally {
    db?.close()
  }
}

export function migrate(db: Database.Database, steps: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > steps.length) {
    throw new AppError(
      'storage_error',
      `The local data was written by a newer version of the app (schema ${current}, this app knows ${steps.length}). Update the app to open it.`
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
 * latest schema. A file that fails `quick_check` is quarantined with its -wal and -shm.
 */
export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  const now = options.now ?? (() => new Date())
  let quarantinedTo: string | null = null
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true })
    if (existsSync(file) && !passesQuickCheck(file, options.nativeBinding)) {
      quarantinedTo = quarantine(file, now())
    }
  }
  const db = openRaw(file, options.nativeBinding)
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (file !== ':memory:' && mode !== 'wal') {
      throw new AppError('storage_error', `SQLite refused WAL mode (answered ${String(mode)})`)
    }
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    migrate(db, options.migrations)
  } catch (error) {
    db.close()
    throw error
  }
  return { db, quarantinedTo }
}
