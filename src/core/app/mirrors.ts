import type Database from 'better-sqlite3'
import { chmodSync, existsSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { mirrorMigrations } from '../mirror/schema'
import { openDatabase } from '../store/db'
import { mirrorFile } from './paths'

/** Each account's mirror database, opened on first use and kept open. */
export class MirrorSet {
  private readonly open = new Map<string, Database.Database>()
  /** Mirrors found broken at start and moved aside (shown to the user; rebuilt by a full sync). */
  readonly quarantined = new Map<string, string>()

  constructor(
    private readonly dataDir: string,
    private readonly nativeBinding?: string,
    /** Told at once when a mirror is moved aside (the CLI prints it; the app shows it). */
    private readonly onQuarantine?: (file: string, movedTo: string) => void
  ) {}

  get(accountId: string): Database.Database {
    let db = this.open.get(accountId)
    if (!db) {
      const file = mirrorFile(this.dataDir, accountId)
      // Folders of older versions were 0755: the account's folder is the user's alone.
      for (const folder of [dirname(dirname(file)), dirname(file)])
        if (process.platform !== 'win32' && existsSync(folder)) chmodSync(folder, 0o700)
      const opened = openDatabase(file, {
        migrations: mirrorMigrations,
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {})
      })
      if (opened.quarantinedTo) {
        this.quarantined.set(accountId, opened.quarantinedTo)
        this.onQuarantine?.(file, opened.quarantinedTo)
      }
      db = opened.db
      this.open.set(accountId, db)
    }
    return db
  }

  /** Closes and deletes an account's mirror (on sign-out). */
  remove(accountId: string): void {
    this.open.get(accountId)?.close()
    this.open.delete(accountId)
    rmSync(dirname(mirrorFile(this.dataDir, accountId)), { recursive: true, force: true })
  }

  closeAll(): void {
    for (const db of this.open.values()) db.close()
    this.open.clear()
  }
}
