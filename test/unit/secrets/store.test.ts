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

  it('remembers the agreement to weak storage across starts, and keeps saving what it kept', () => {
    const d = dir()
    const first = new SecretStore(d, weakBox)
    first.set('acc-1', secrets)
    first.allowWeakStorage()
    // The next start: nobody passes allowWeak; the agreement comes from the profile.
    const second = new SecretStore(d, weakBox)
    expect(second.status()).toEqual({ backend: 'basic_text', strong: false, persisted: true })
    expect(second.get('acc-1')).toEqual(secrets)
    second.set('acc-2', { ...secrets, consumerSecret: 'cs-2' })
    const third = new SecretStore(d, weakBox)
    expect(third.get('acc-1')).toEqual(secrets)
    expect(third.get('acc-2')?.consumerSecret).toBe('cs-2')
    // A keychain that appears later reads the consent as irrelevant but keeps the weak entries.
    const strongLater: SecretBox = {
      ...weakBox,
      describe: () => ({ backend: 'gnome_libsecret', strong: true })
    }
    expect(new SecretStore(d, strongLater).get('acc-1')).toEqual(secrets)
  })

  it('agreeing on a later start keeps the entries an earlier start wrote (none dropped on save)', () => {
    const d = dir()
    // Written with an agreement this start does not know of (e.g. by a version that did not keep it).
    new SecretStore(d, weakBox, { allowWeak: true }).set('acc-1', secrets)
    const foreignBlob = Buffer.from('sealed elsewhere').toString('base64')
    const file = join(d, 'secrets.json')
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), other: foreignBlob }))
    const store = new SecretStore(d, weakBox)
    expect(store.status().persisted).toBe(false)
    expect(store.get('acc-1')).toEqual(secrets)
    // Session-only until the user agrees: a new sign-in is not written ...
    store.set('acc-2', secrets)
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['acc-1', 'other'])
    // ... and agreeing writes it beside the entries already there, the unreadable one included.
    store.allowWeakStorage()
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    expect(Object.keys(onDisk).sort()).toEqual(['acc-1', 'acc-2', 'other'])
    expect(onDisk['other']).toBe(foreignBlob)
    expect(new SecretStore(d, weakBox).get('acc-2')).toEqual(secrets)
  })

  it('a sign-out removes the entry from disk even while new secrets stay in memory', () => {
    const d = dir()
    new SecretStore(d, weakBox, { allowWeak: true }).set('acc-1', secrets)
    const store = new SecretStore(d, weakBox)
    store.delete('acc-1')
    expect(new SecretStore(d, weakBox).get('acc-1')).toBeNull()
  })

  it('survives a damaged file and secrets sealed by another key', () => {
    const d = dir()
    new SecretStore(d, new KeyFileBox(d)).set('acc-1', secrets)
    // Another machine's key: the sealed entry cannot be opened and that account signs in again.
    rmSync(join(d, 'secret.key'))
    expect(new SecretStore(d, new KeyFileBox(d)).get('acc-1')).toBeNull()
    writeFileSync(join(d, 'secrets.json'), 'null', 'utf8')
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
