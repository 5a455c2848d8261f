import type Database from 'better-sqlite3'
import { openDatabase } from '../store/db'
import { PROFILE_SCHEMA_VERSION, profileMigrations } from '../store/migrations'
import { SettingsRepository } from '../store/settings'
import { AccountService } from '../accounts/service'
import type { ClientFactory } from '../accounts/types'
import type { SecretBox } from '../secrets/box'
import { KeyFileBox } from '../secrets/box'
import { SecretStore } from '../secrets/store'
import { AppEvents } from './events'
import { MirrorSet } from './mirrors'
import { profileFile } from './paths'
import { processClock, type Clock } from '../../shared/clock'

export interface AppContextOptions {
  dataDir: string
  shell: 'electron' | 'web' | 'cli'
  version: string
  nativeBinding?: string
  /** Builds USOS clients (the real one in the app; tests may pass another). */
  clientFactory: ClientFactory
  /** Seals secrets at rest: safeStorage in the desktop app, a key file elsewhere. */
  secretBox?: SecretBox
  /** The built-in demo installation, started on demand (absent in a CLI run that does not need it). */
  demo?: DemoInstallation
  /**
   * Waits before sending queued changes again while USOS cannot be reached, one after another
   * (the last repeats). Default: 5 s, 15 s, 30 s, 1 min, 2 min, 5 min.
   */
  outboxRetryDelaysMs?: readonly number[]
  /** "Now" for everything the app decides by the day (default: pinned by OFFICE_HOURS_NOW, else the system clock). */
  now?: Clock
  /** How long a sync or sign-out waits for another process's before refusing (ms). Default 30 000. */
  profileLockWaitMs?: number
  /** Told at once when a profile file failed SQLite's check and was moved aside (never silent). */
  onQuarantine?: (file: string, movedTo: string) => void
}

/** The demo installation as the app uses it: started in-process on a loopback port. */
export interface DemoInstallation {
  start(): Promise<{ baseUrl: string; consumerKey: string; consumerSecret: string }>
  /** Grants a request token as the chosen demo user (the demo's own authorize step), answering the verifier. */
  approve(
    requestTokenKey: string,
    role: 'lecturer' | 'student' | 'template_admin' | 'administrator'
  ): Promise<string>
  stop(): Promise<void>
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
  secrets: SecretStore
  accounts: AccountService
  mirrors: MirrorSet
  clientFactory: ClientFactory
  demo: DemoInstallation | null
  outboxRetryDelaysMs: readonly number[]
  /** The one clock of this profile's handlers, sync and exports. */
  now: Clock
  profileLockWaitMs: number
  close(): void
}

export const OUTBOX_RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000] as const

export function createAppContext(options: AppContextOptions): AppContext {
  const { db, quarantinedTo } = openDatabase(profileFile(options.dataDir), {
    migrations: profileMigrations,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  if (quarantinedTo) options.onQuarantine?.(profileFile(options.dataDir), quarantinedTo)
  const secrets = new SecretStore(options.dataDir, options.secretBox ?? new KeyFileBox(options.dataDir))
  const mirrors = new MirrorSet(options.dataDir, options.nativeBinding, options.onQuarantine)
  return {
    dataDir: options.dataDir,
    shell: options.shell,
    version: options.version,
    schemaVersion: PROFILE_SCHEMA_VERSION,
    db,
    quarantinedTo,
    settings: new SettingsRepository(db),
    events: new AppEvents(),
    secrets,
    accounts: new AccountService(db, secrets, options.clientFactory),
    mirrors,
    clientFactory: options.clientFactory,
    demo: options.demo ?? null,
    outboxRetryDelaysMs: options.outboxRetryDelaysMs ?? OUTBOX_RETRY_DELAYS_MS,
    now: options.now ?? processClock(process.env),
    profileLockWaitMs: options.profileLockWaitMs ?? 30_000,
    close: () => {
      void options.demo?.stop()
      mirrors.closeAll()
      db.close()
    }
  }
}
