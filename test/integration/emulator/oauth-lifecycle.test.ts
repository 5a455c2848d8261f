/**
 * OAuth beyond the happy path: token lifetimes (two hours of inactivity, or none with
 * offline_access), what a request token may not do, nonces per consumer, duplicate parameter
 * names in the signature base string, and the whole three-legged flow driven by a client library
 * that is not ours (the `oauth` package).
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OAuth } from 'oauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oauthParams, sign, signedFetch, startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
let db: Database.Database
let consumer: { key: string; secret: string }
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-oauth-'))
  inst = await startTestInstallation({ dataDir })
  db = new Database(join(dataDir, 'demo-installation.sqlite'))
  db.pragma('busy_timeout = 5000')
  consumer = { key: inst.server.consumerKey, secret: inst.server.consumerSecret }
})
afterAll(async () => {
  db.close()
  await inst.close()
})

const url = (m: string) => `${inst.baseUrl}services/${m}`
/** Pretends the token was last used `ms` ago. */
const idle = (token: string, ms: number) =>
  db.prepare('UPDATE oauth_tokens SET last_used_at = ? WHERE key = ?').run(Date.now() - ms, token)
const me = (token: { token: string; secret: string }) =>
  signedFetch(url('users/user'), [['fields', 'id']], consumer, token)

describe('token lifetimes', () => {
  it('lets a token without offline_access lapse after two hours unused, and keeps it alive while used', async () => {
    const token = await inst.tokenFor('student', ['studies'])
    idle(token.token, 110 * 60 * 1000)
    expect((await me(token)).status).toBe(200) // used at 1h50: the clock starts again
    idle(token.token, 119 * 60 * 1000)
    expect((await me(token)).status).toBe(200)
    idle(token.token, 121 * 60 * 1000)
    const lapsed = await me(token)
    expect(lapsed.status).toBe(401)
    expect(JSON.parse(lapsed.text)).toMatchObject({ error: 'invalid_token', message: expect.any(String) })
  })

  it('keeps an offline_access token however long it rests, until revoked', async () => {
    const token = await inst.tokenFor('lecturer', ['offline_access', 'studies'])
    idle(token.token, 90 * 24 * 60 * 60 * 1000)
    expect((await me(token)).status).toBe(200)
    expect((await signedFetch(url('oauth/revoke_token'), [], consumer, token)).status).toBe(200)
    expect((await me(token)).status).toBe(401)
    // Revoking again: the token is gone.
    expect((await signedFetch(url('oauth/revoke_token'), [], consumer, token)).status).toBe(401)
  })

  it('keeps access tokens with their user, role and scopes in the database', async () => {
    const token = await inst.tokenFor('template_admin', ['email', 'slips_admin'])
    const row = db
      .prepare('SELECT kind, user_id, role, scopes FROM oauth_tokens WHERE key = ?')
      .get(token.token)
    expect(row).toEqual({
      kind: 'access',
      user_id: inst.server.demoUserIds.template_admin,
      role: 'template_admin',
      scopes: 'email|slips_admin'
    })
  })
})

describe('what each token may do', () => {
  it('refuses an unknown token, a request token on a method, and a token of another consumer', async () => {
    const unknown = await me({ token: 'no-such-token', secret: 'x' })
    expect(unknown.status).toBe(401)
    expect(JSON.parse(unknown.text)).toMatchObject({ error: 'invalid_token' })

    const rt = new URLSearchParams(
      (
        await signedFetch(url('oauth/request_token'), [], consumer, null, {
          extraOAuth: { oauth_callback: 'oob' }
        })
      ).text
    )
    const requestToken = { token: rt.get('oauth_token')!, secret: rt.get('oauth_token_secret')! }
    expect((await me(requestToken)).status).toBe(401)
    // An access token before the user granted anything: no verifier yet.
    const early = await signedFetch(url('oauth/access_token'), [], consumer, requestToken, {
      extraOAuth: { oauth_verifier: '12345678' }
    })
    expect(early.status).toBe(401)

    const theirs = await inst.tokenFor('lecturer')
    const admin = { key: inst.server.adminConsumerKey, secret: inst.server.adminConsumerSecret }
    expect((await signedFetch(url('users/user'), [], admin, theirs)).status).toBe(401)
  })

  it('exchanges a request token once', async () => {
    const rt = new URLSearchParams(
      (
        await signedFetch(url('oauth/request_token'), [], consumer, null, {
          extraOAuth: { oauth_callback: 'oob' }
        })
      ).text
    )
    const token = rt.get('oauth_token')!
    const page = await fetch(url('oauth/authorize'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_token: token, role: 'administrator', decision: 'grant' }).toString()
    })
    const pin = /id="oauth-verifier">(\d+)</.exec(await page.text())![1]!
    const requestToken = { token, secret: rt.get('oauth_token_secret')! }
    const first = await signedFetch(url('oauth/access_token'), [], consumer, requestToken, {
      extraOAuth: { oauth_verifier: pin }
    })
    expect(first.status).toBe(200)
    const second = await signedFetch(url('oauth/access_token'), [], consumer, requestToken, {
      extraOAuth: { oauth_verifier: pin }
    })
    expect(second.status).toBe(401)
    const access = new URLSearchParams(first.text)
    const who = await signedFetch(url('users/user'), [['fields', 'id']], consumer, {
      token: access.get('oauth_token')!,
      secret: access.get('oauth_token_secret')!
    })
    expect(JSON.parse(who.text)).toEqual({ id: inst.server.demoUserIds.administrator })
  })

  it('shows no PIN for a denied or unknown request token', async () => {
    const rt = new URLSearchParams(
      (
        await signedFetch(url('oauth/request_token'), [], consumer, null, {
          extraOAuth: { oauth_callback: 'oob' }
        })
      ).text
    )
    const denied = await fetch(url('oauth/authorize'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_token: rt.get('oauth_token')!, decision: 'deny' }).toString()
    })
    expect(await denied.text()).not.toContain('id="oauth-verifier"')
    const again = await fetch(url(`oauth/authorize?oauth_token=${rt.get('oauth_token')}`))
    expect(again.status).toBe(400)
    const unknown = await fetch(url('oauth/authorize?oauth_token=nope'))
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).not.toContain('id="oauth-verifier"')
    const noCallback = await signedFetch(url('oauth/request_token'), [], consumer, null)
    expect(noCallback.status).toBe(400)
    expect(JSON.parse(noCallback.text)).toMatchObject({
      error: 'param_missing',
      param_name: 'oauth_callback'
    })
  })
})

describe('signatures', () => {
  it('counts nonces per consumer', async () => {
    const admin = { key: inst.server.adminConsumerKey, secret: inst.server.adminConsumerSecret }
    const nonce = 'the-same-nonce-for-both'
    for (const c of [consumer, admin]) {
      const params = oauthParams(c.key).map(([k, v]) => [k, k === 'oauth_nonce' ? nonce : v]) as Array<
        [string, string]
      >
      params.push(['fac_id', 'WF'])
      params.push(['oauth_signature', sign('GET', url('fac/faculty'), params, c.secret)])
      expect((await fetch(`${url('fac/faculty')}?${new URLSearchParams(params)}`)).status, c.key).toBe(200)
    }
  })

  it('signs duplicate parameter names and reserved characters the RFC 5849 way', async () => {
    const params: Array<[string, string]> = [
      ['user_ids', '100002'],
      ['fields', 'id|first_name'],
      ['z', 'b'],
      ['z', 'a'],
      ['x', "!*'() ~/"],
      ...oauthParams(consumer.key)
    ]
    params.push(['oauth_signature', sign('POST', url('users/users'), params, consumer.secret)])
    const r = await fetch(url('users/users'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString()
    })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ '100002': { id: '100002', first_name: 'Jan' } })
    // The same request with one of the duplicates dropped no longer matches its signature.
    const tampered = params.filter(([k, v]) => !(k === 'z' && v === 'a'))
    tampered.find(([k]) => k === 'oauth_nonce')![1] = 'another-nonce'
    const r2 = await fetch(url('users/users'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(tampered).toString()
    })
    expect(r2.status).toBe(401)
  })
})

describe('a client library that is not ours', () => {
  it('runs the whole three-legged flow with the oauth package', async () => {
    const client = new OAuth(
      `${url('oauth/request_token')}?scopes=studies%7Cemail`,
      url('oauth/access_token'),
      consumer.key,
      consumer.secret,
      '1.0',
      'oob',
      'HMAC-SHA1'
    )
    const request = await new Promise<{ token: string; secret: string }>((resolve, reject) =>
      client.getOAuthRequestToken((err, token, secret) => (err ? reject(err) : resolve({ token, secret })))
    )
    const page = await fetch(url('oauth/authorize'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_token: request.token, role: 'student', decision: 'grant' }).toString()
    })
    const pin = /id="oauth-verifier">(\d+)</.exec(await page.text())![1]!
    const access = await new Promise<{ token: string; secret: string }>((resolve, reject) =>
      client.getOAuthAccessToken(request.token, request.secret, pin, (err, token, secret) =>
        err ? reject(err) : resolve({ token, secret })
      )
    )
    const body = await new Promise<string>((resolve, reject) =>
      client.get(`${url('users/user')}?fields=id%7Cemail`, access.token, access.secret, (err, data) =>
        err ? reject(err) : resolve(String(data))
      )
    )
    expect(JSON.parse(body)).toEqual({
      id: inst.server.demoUserIds.student,
      email: 'jan.kowalski@students.demo.usos.example'
    })
  })
})
