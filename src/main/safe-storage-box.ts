import { safeStorage } from 'electron'
import type { SecretBox, SecretBoxStatus } from '../core/secrets/box'

/**
 * Electron's safeStorage: the OS keychain (macOS Keychain, Windows DPAPI, libsecret / kwallet on
 * Linux). On Linux without a keyring it falls back to `basic_text`, a key known to everyone: that
 * is reported as weak, so secrets stay in memory unless the user agrees.
 */
export class SafeStorageBox implements SecretBox {
  describe(): SecretBoxStatus {
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os_keychain'
    const strong = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown'
    return { backend, strong }
  }

  encrypt(plain: string): Buffer {
    return safeStorage.encryptString(plain)
  }

  decrypt(sealed: Buffer): string {
    return safeStorage.decryptString(sealed)
  }
}
