import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic'

/**
 * Encrypts secrets (tokens, consumer secrets) before they touch the disk. The desktop app uses
 * Electron's safeStorage (the OS keychain); the CLI and the web harness use a key file.
 */
export interface SecretBox {
  /** How the secrets are protected, for the user to see. */
  describe(): SecretBoxStatus
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}

export interface SecretBoxStatus {
  /** e.g. `keychain`, `gnome_libsecret`, `dpapi`, `key_file`, `basic_text`. */
  backend: string
  /**
   * False where the protection is only nominal (safeStorage's `basic_text` on Linux without a
   * keyring uses a key known to everyone): then secrets are kept in memory unless the user agrees.
   */
  strong: boolean
}

const KEY_FILE = 'secret.key'

/**
 * AES-256-GCM with a random key in a 0600 file of the profile. It protects against a copied
 * mirror or a stray backup, not against someone who can read the profile folder as the user.
 */
export class KeyFileBox implements SecretBox {
  private readonly key: Buffer

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    const file = join(dataDir, KEY_FILE)
    if (!existsSync(file)) writeFileAtomic(file, randomBytes(32).toString('base64'))
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (key.length !== 32) throw new Error(`The key file ${file} is damaged (expected 32 bytes).`)
    this.key = key
  }

  describe(): SecretBoxStatus {
    return { backend: 'key_file', strong: true }
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), body])
  }

  decrypt(sealed: Buffer): string {
    if (sealed.length < 28) throw new Error('sealed secret too short')
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12))
    decipher.setAuthTag(sealed.subarray(12, 28))
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')
  }
}
