import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KeyFileBox, SecretStore, type SecretBox } from '../../../src/core/secrets'

const dir = () => mkdtempSync(join(tmpdir(), 'office-hours-secrets-'))
const secrets = { consumerSecret: 'cs-ZX81', token: { key: 'tok-key-1', secret: 'tok-secret-SPECTRUM' } }

/** A box as weak as safeStorage's basic_text: reversible by anyone. */
const weakBox: SecretBox = {
  describe: () => ({ backend: 'basic_text', strong: false }),
  encrypt: (p) => Buffer.from(p).reverse(),
  decrypt: (s) => Buffer.from(s).reverse().toString()
}

describe('SecretStore', () => {
  it('keeps secrets sealed on disk, readable only by the user, across restarts', () => {
    const d = dir()
    new SecretStore(d, new KeyFileBox(d)).set('acc-1', secrets)
    const file = join(d, 'secrets.json')
    const onDisk = readFileSync(file, 'utf8')
    expect(onDisk).not.toContain('tok-secret-SPECTRUM')
    expect(onDisk).not.toContain('cs-ZX81')
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(join(d, 'secret.key')).mode & 0o777).toBe(0o600)
    }
    const again = new SecretStore(d, new KeyFileBox(d))
    expect(again.get('acc-1')).toEqual(secrets)
    again.delete('acc-1')
    expect(new SecretStore(d, new KeyFileBox(d)).get('acc-1')).toBeNull()
  })

  it('keeps secrets in memory only under a weak box, until the user agrees', () => {
    const d = dir()
    const store = new SecretStore(d, weakBox)
    store.set('acc-1', secrets)
    expect(store.status()).toEqual({ backend: 'basic_text', strong: false, persisted: false })
    expect(store.get('acc-1')).toEqual(secrets)
    expect(existsSync(join(d, 'secrets.json'))).toBe(false)
    store.allowWeakStorage()
    expect(existsSync(join(d, 'secrets.json'))).toBe(true)
    expect(new SecretStore(d, weakBox, { allowWeak: true }).get('acc-1')).toEqual(secrets)
  })

  it('survives a damaged file and secrets sealed by another key', () => {
    const d = dir()
    new SecretStore(d, new KeyFileBox(d)).set('acc-1', secrets)
    // Another machine's key: the sealed entry cannot be opened and that account signs in again.
    rmSync(join(d, 'secret.key'))
    expect(new SecretStore(d, new KeyFileBox(d)).get('acc-1')).toBeNull()
    writeFileSync(join(d, 'secrets.json'), '{"acc-1": "not base64 at all', 'utf8')
    const store = new SecretStore(d, new KeyFileBox(d))
    expect(store.get('acc-1')).toBeNull()
    store.set('acc-2', secrets)
    expect(new SecretStore(d, new KeyFileBox(d)).get('acc-2')).toEqual(secrets)
  })

  it('keeps entries it cannot open (another box, e.g. the app keychain seen from the CLI) when saving', () => {
    const d = dir()
    const appBox: SecretBox = {
      describe: () => ({ backend: 'keychain', strong: true }),
      encrypt: (p) => Buffer.from(`app:${p}`),
      decrypt: (b) => {
        const t = b.toString()
        if (!t.startsWith('app:')) throw new Error('not mine')
        return t.slice(4)
      }
    }
    new SecretStore(d, appBox).set('app-account', secrets)
    const cli = new SecretStore(d, new KeyFileBox(d))
    expect(cli.get('app-account')).toBeNull()
    cli.set('cli-account', secrets)
    expect(new SecretStore(d, appBox).get('app-account')).toEqual(secrets)
    expect(new SecretStore(d, new KeyFileBox(d)).get('cli-account')).toEqual(secrets)
  })

  it('refuses a damaged key file with a clear message', () => {
    const d = dir()
    writeFileSync(join(d, 'secret.key'), 'short')
    expect(() => new KeyFileBox(d)).toThrow(/damaged/)
  })
})
