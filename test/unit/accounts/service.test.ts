import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  AccountService,
  normalizeBaseUrl,
  type ClientFactory,
  type SignInClient
} from '../../../src/core/accounts'
import { KeyFileBox, SecretStore } from '../../../src/core/secrets'
import { openDatabase, profileMigrations } from '../../../src/core/store'
import { AppError } from '../../../src/shared/errors'
import { UsosError } from '../../../src/core/usos/errors'

/** A stand-in installation: one consumer, PIN 1234, user 42; records what it was asked. */
function fakeInstallation() {
  const log: string[] = []
  const revoked = new Set<string>()
  let issued = 0
  const factory: ClientFactory = ({ baseUrl, consumer, token }) => {
    const client: SignInClient = {
      async requestToken(callback, scopes) {
        log.push(`request_token ${callback} ${scopes.join('|')} by ${consumer.key}`)
        return { key: 'rt', secret: 'rts', authorizeUrl: `${baseUrl}services/oauth/authorize?oauth_token=rt` }
      },
      async accessToken(rt, verifier) {
        if (verifier !== '1234') throw new AppError('not_signed_in', 'wrong PIN')
        issued++
        return { key: `at${issued}`, secret: `ats${issued}` }
      },
      withToken: (t) => factory({ baseUrl, consumer, token: t }),
      async call<T>(method: string) {
        if (!token || revoked.has(token.key)) throw new AppError('not_signed_in', 'token refused')
        log.push(`${method} as ${token.key}`)
        return { id: '42', first_name: 'Zofia', last_name: 'Żółkiewska' } as T
      },
      async revokeToken() {
        if (!token) throw new Error('no token')
        revoked.add(token.key)
      }
    }
    return client
  }
  return { factory, log, revoked }
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'office-hours-accounts-'))
  const { db } = openDatabase(join(dir, 'profile.sqlite'), { migrations: profileMigrations })
  const fake = fakeInstallation()
  const secrets = new SecretStore(dir, new KeyFileBox(dir))
  return { dir, db, fake, secrets, service: new AccountService(db, secrets, fake.factory) }
}

describe('AccountService', () => {
  it("words USOS's 401 in the handshake by what to check: the consumer pair, then the PIN; other failures pass as they are", async () => {
    const { db, secrets } = setup()
    let failure: unknown = new UsosError('unauthorized', 'Invalid signature.', { status: 401 })
    const factory: ClientFactory = () => ({
      requestToken: async () => {
        if (failure) throw failure
        return {
          key: 'rt',
          secret: 'rts',
          authorizeUrl: 'https://u.example/services/oauth/authorize?oauth_token=rt'
        }
      },
      accessToken: async () => {
        throw new UsosError('unauthorized', 'Invalid verifier.', { status: 401 })
      },
      withToken: () => {
        throw new Error('not reached')
      },
      call: async () => {
        throw new Error('not reached')
      },
      revokeToken: async () => {}
    })
    const service = new AccountService(db, secrets, factory)
    const begin = () =>
      service.beginSignIn({
        baseUrl: 'https://u.example/',
        consumerKey: 'ck',
        consumerSecret: 'wrong',
        scopes: [],
        callback: 'oob'
      })
    await expect(begin()).rejects.toMatchObject({
      code: 'not_signed_in',
      key: 'consumerRejected',
      message: expect.stringContaining('Invalid signature.')
    })
    failure = new UsosError('network', 'USOS cannot be reached.')
    await expect(begin()).rejects.toBe(failure)
    failure = null
    const { pendingId } = await begin()
    await expect(service.completeSignIn(pendingId, '00000000')).rejects.toMatchObject({ key: 'pinRejected' })
  })
  it('signs in with the PIN flow, keeps the token sealed, and makes the account active', async () => {
    const { service, fake, secrets, dir } = setup()
    const { pendingId, authorizeUrl } = await service.beginSignIn({
      baseUrl: 'usosapps.example.edu.pl',
      consumerKey: ' ck ',
      consumerSecret: 'cs',
      scopes: ['offline_access', 'studies'],
      callback: 'oob'
    })
    expect(authorizeUrl).toBe('https://usosapps.example.edu.pl/services/oauth/authorize?oauth_token=rt')
    await expect(service.completeSignIn(pendingId, '9999')).rejects.toThrow('wrong PIN')
    const account = await service.completeSignIn(pendingId, ' 1234\n')
    expect(account).toMatchObject({
      baseUrl: 'https://usosapps.example.edu.pl/',
      userId: '42',
      firstName: 'Zofia',
      needsSignIn: false
    })
    expect(service.active()?.id).toBe(account.id)
    expect(fake.log).toContain('request_token oob offline_access|studies by ck')
    // Sealed and reloadable by a new process.
    expect(new SecretStore(dir, new KeyFileBox(dir)).get(account.id)?.token).toEqual({
      key: 'at1',
      secret: 'ats1'
    })
    expect(secrets.get(account.id)?.consumerSecret).toBe('cs')
    await expect(service.completeSignIn(pendingId, '1234')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('keeps several accounts side by side, and signing in again updates instead of duplicating', async () => {
    const { service } = setup()
    const signIn = async (baseUrl: string) => {
      const p = await service.beginSignIn({
        baseUrl,
        consumerKey: 'ck',
        consumerSecret: 'cs',
        scopes: [],
        callback: 'oob'
      })
      return service.completeSignIn(p.pendingId, '1234')
    }
    const a = await signIn('https://usos.one.example/')
    const b = await signIn('https://usos.two.example/')
    const a2 = await signIn('https://usos.one.example')
    expect(a2.id).toBe(a.id)
    expect(
      service
        .list()
        .map((x) => x.id)
        .sort()
    ).toEqual([a.id, b.id].sort())
    expect(service.active()?.id).toBe(a.id)
    service.setActive(b.id)
    expect(service.active()?.id).toBe(b.id)
  })

  it('flags an account whose token USOS refused, and refuses to hand out its client', async () => {
    const { service } = setup()
    const p = await service.beginSignIn({
      baseUrl: 'https://u.example/',
      consumerKey: 'ck',
      consumerSecret: 'cs',
      scopes: [],
      callback: 'oob'
    })
    const account = await service.completeSignIn(p.pendingId, '1234')
    await service.clientFor(account.id).call('services/users/user')
    service.markNeedsSignIn(account.id)
    expect(service.list()[0]?.needsSignIn).toBe(true)
    expect(() => service.clientFor(account.id)).toThrow(AppError)
    // Signing in again clears the flag.
    const again = await service.beginSignIn({
      baseUrl: 'https://u.example/',
      consumerKey: 'ck',
      consumerSecret: 'cs',
      scopes: [],
      callback: 'oob'
    })
    await service.completeSignIn(again.pendingId, '1234')
    expect(service.list()[0]?.needsSignIn).toBe(false)
  })

  it('signs out by revoking the token and forgetting the account, even when revoking fails', async () => {
    const { service, fake, secrets } = setup()
    const p = await service.beginSignIn({
      baseUrl: 'https://u.example/',
      consumerKey: 'ck',
      consumerSecret: 'cs',
      scopes: [],
      callback: 'oob'
    })
    const account = await service.completeSignIn(p.pendingId, '1234')
    expect(await service.signOut(account.id)).toEqual({ revoked: true })
    expect(fake.revoked.has('at1')).toBe(true)
    expect(service.list()).toEqual([])
    expect(secrets.get(account.id)).toBeNull()

    const p2 = await service.beginSignIn({
      baseUrl: 'https://u.example/',
      consumerKey: 'ck',
      consumerSecret: 'cs',
      scopes: [],
      callback: 'oob'
    })
    const second = await service.completeSignIn(p2.pendingId, '1234')
    service.markNeedsSignIn(second.id)
    expect(await service.signOut(second.id)).toEqual({ revoked: false })
    expect(service.list()).toEqual([])
  })

  it('refuses bad addresses and empty keys with clear messages', async () => {
    const { service } = setup()
    await expect(
      service.beginSignIn({
        baseUrl: 'http://usos.example/',
        consumerKey: 'k',
        consumerSecret: 's',
        scopes: [],
        callback: 'oob'
      })
    ).rejects.toThrow(/https/)
    await expect(
      service.beginSignIn({
        baseUrl: 'https://usos.example/',
        consumerKey: ' ',
        consumerSecret: 's',
        scopes: [],
        callback: 'oob'
      })
    ).rejects.toThrow(/consumer key/)
  })
})

describe('normalizeBaseUrl', () => {
  it.each([
    ['usosapps.uw.edu.pl', 'https://usosapps.uw.edu.pl/'],
    ['https://usosapps.uw.edu.pl', 'https://usosapps.uw.edu.pl/'],
    ['https://usosapps.uw.edu.pl/services/apisrv/installations', 'https://usosapps.uw.edu.pl/'],
    ['https://usos.example/api//', 'https://usos.example/api/'],
    ['http://127.0.0.1:4567', 'http://127.0.0.1:4567/']
  ])('%s -> %s', (raw, expected) => expect(normalizeBaseUrl(raw)).toBe(expected))

  it.each([
    'http://usos.example/',
    'ftp://usos.example/',
    'https://u:p@usos.example/',
    'https://usos.example/?x=1',
    'not a url at all'
  ])('refuses %s', (raw) => expect(() => normalizeBaseUrl(raw)).toThrow(AppError))
})
