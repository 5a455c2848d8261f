import type Database from 'better-sqlite3'
import { openDatabase } from '../store/db'
import { PROFILE_SCHEMA_VERSION, profileMigrations } from '../store/migrations'
import { SettingsRepository } from '../store/settings'
import { AppEvents } from './events'
import { profileFile } from './paths'

export interface AppContextOptions {
  dataDir: string
  shell: 'electron' | 'web' | 'cli'
  version: string
  nativeBinding?: string
}

/** Everything the handlers need, built once per profile; no Electron in here. */
export interface AppContext {
  dataDir: string
  shell: AppContextOptions['shell']
  version: string
  schemaVersion: number
  db: Database.Database
  /** Where a mirror that failed its start-up check was moved, if it did. */
  quarantinedTo: string | null
  settings: SettingsRepository
  events: AppEvents
  close(): void
}

export function createAppContext(options: AppContextOptions): AppContext {
  const { db, quarantinedTo } = openDatabase(profileFile(options.dataDir), {
    migrations: profileMigrations,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  return {
    dataDir: options.dataDir,
    shell: options.shell,
    version: options.version,
    schemaVersion: PROFILE_SCHEMA_VERSION,
    db,
    quarantinedTo,
    settings: new SettingsRepository(db),
    events: new AppEvents(),
    close: () => db.close()
  }
}
