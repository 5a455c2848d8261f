import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic'
import type { SecretBox, SecretBoxStatus } from './box'

const FILE = 'secrets.json'

export interface StoredSecrets {
  consumerSecret: string
  token: { key: string; secret: string } | null
}

export interface SecretStoreStatus extends SecretBoxStatus {
  /** Whether secrets are written to disk (else: this session only). */
  persisted: boolean
}

/**
 * Per-account secrets, sealed by a SecretBox, in one 0600 file written atomically. Where the box
 * is weak and the user has not agreed to keep secrets anyway, they live in memory only, and the
 * user signs in again next time.
 */
export class SecretStore {
  private readonly memory = new Map<string, StoredSecrets>()
  /** Entries sealed by another box (the desktop app's keychain, seen from the CLI): kept as they are. */
  private readonly foreign = new Map<string, string>()
  private readonly file: string
  private persist: boolean

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
    options: { allowWeak?: boolean } = {}
  ) {
    this.file = join(dataDir, FILE)
    this.persist = box.describe().strong || options.allowWeak === true
    if (this.persist) this.load()
  }

  status(): SecretStoreStatus {
    return { ...this.box.describe(), persisted: this.persist }
  }

  /** The user agreed to keep secrets on disk under a weak box. */
  allowWeakStorage(): void {
    this.persist = true
    this.save()
  }

  get(accountId: string): StoredSecrets | null {
    return this.memory.get(accountId) ?? null
  }

  set(accountId: string, secrets: StoredSecrets): void {
    this.foreign.delete(accountId)
    this.memory.set(accountId, secrets)
    this.save()
  }

  delete(accountId: string): void {
    this.foreign.delete(accountId)
    this.memory.delete(accountId)
    this.save()
  }

  private load(): void {
    if (!existsSync(this.file)) return
    let sealed: Record<string, string>
    try {
      sealed = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>
    } catch {
      // A damaged file loses only sign-ins (the user signs in again); it never blocks the app.
      return
    }
    for (const [id, blob] of Object.entries(sealed)) {
      try {
        this.memory.set(id, JSON.parse(this.box.decrypt(Buffer.from(blob, 'base64'))) as StoredSecrets)
      } catch {
        // Sealed by another box or key (the app's keychain seen from the CLI, a reset keychain):
        // unreadable here, so that account signs in again here, but the entry is kept for its owner.
        this.foreign.set(id, blob)
      }
    }
  }

  private save(): void {
    if (!this.persist) return
    const sealed: Record<string, string> = Object.fromEntries(this.foreign)
    for (const [id, secrets] of this.memory) {
      sealed[id] = this.box.encrypt(JSON.stringify(secrets)).toString('base64')
    }
    writeFileAtomic(this.file, JSON.stringify(sealed))
  }
}
