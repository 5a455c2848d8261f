import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic'
import type { SecretBox, SecretBoxStatus } from './box'

const FILE = 'secrets.json'
/** The user's agreement to keep secrets on disk under a weak box, remembered across starts. */
const CONSENT_FILE = 'secrets-weak-storage-consent.json'

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
 * is weak and the user has not agreed to keep secrets anyway, new secrets live in memory only, and
 * the user signs in again next time. The agreement is remembered (a small file beside the secrets),
 * and the file is always read, so that agreeing never drops what an earlier start kept.
 */
export class SecretStore {
  private readonly memory = new Map<string, StoredSecrets>()
  /** Entries sealed by another box (the desktop app's keychain, seen from the CLI): kept as they are. */
  private readonly foreign = new Map<string, string>()
  /** The sealed entries as the file holds them (what a session-only store may still remove). */
  private readonly onDisk = new Map<string, string>()
  private readonly file: string
  private readonly consentFile: string
  private persist: boolean

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
    options: { allowWeak?: boolean } = {}
  ) {
    this.file = join(dataDir, FILE)
    this.consentFile = join(dataDir, CONSENT_FILE)
    this.persist = box.describe().strong || options.allowWeak === true || this.consentGiven()
    // Read even when new secrets stay in memory: a file written with the user's agreement is
    // theirs, and reading it weakens nothing.
    this.load()
  }

  status(): SecretStoreStatus {
    return { ...this.box.describe(), persisted: this.persist }
  }

  /** The user agreed to keep secrets on disk under a weak box. */
  allowWeakStorage(): void {
    this.persist = true
    writeFileAtomic(
      this.consentFile,
      JSON.stringify({ weakStorage: true, backend: this.box.describe().backend })
    )
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
    if (this.persist) this.save()
    else if (this.onDisk.delete(accountId)) this.write(Object.fromEntries(this.onDisk))
  }

  private consentGiven(): boolean {
    if (!existsSync(this.consentFile)) return false
    try {
      return (
        (JSON.parse(readFileSync(this.consentFile, 'utf8')) as { weakStorage?: unknown }).weakStorage === true
      )
    } catch {
      return false
    }
  }

  private load(): void {
    if (!existsSync(this.file)) return
    let sealed: unknown
    try {
      sealed = JSON.parse(readFileSync(this.file, 'utf8'))
    } catch {
      // A damaged file loses only sign-ins (the user signs in again); it never blocks the app.
      return
    }
    if (typeof sealed !== 'object' || sealed === null || Array.isArray(sealed)) return
    for (const [id, blob] of Object.entries(sealed)) {
      if (typeof blob !== 'string') continue
      this.onDisk.set(id, blob)
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
    this.write(sealed)
  }

  private write(sealed: Record<string, string>): void {
    writeFileAtomic(this.file, JSON.stringify(sealed))
    this.onDisk.clear()
    for (const [id, blob] of Object.entries(sealed)) this.onDisk.set(id, blob)
  }
}
