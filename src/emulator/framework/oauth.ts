/**
 * The installation's OAuth 1.0a provider (RFC 5849), written independently of the app's client:
 * signature verification (HMAC-SHA1 and PLAINTEXT) over query, form body and Authorization header
 * parameters, a timestamp window, nonces refused on replay, and the request-token / authorize /
 * access-token / revoke lifecycle kept in SQLite.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type Database from 'better-sqlite3'
import { UsosApiError, type DemoRole } from './types'

export const TIMESTAMP_WINDOW_S = 300
/** Tokens without offline_access lapse after this long unused. */
export const INACTIVITY_MS = 2 * 60 * 60 * 1000

export function migrateOAuth(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS oauth_consumers (
      key TEXT PRIMARY KEY, secret TEXT NOT NULL, administrative INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS oauth_tokens (
      key TEXT PRIMARY KEY, secret TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('request', 'access')),
      consumer_key TEXT NOT NULL, user_id TEXT, role TEXT, scopes TEXT NOT NULL DEFAULT '', callback TEXT,
      verifier TEXT, created_at INTEGER NOT NULL, last_used_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS oauth_nonces (
      consumer_key TEXT NOT NULL, nonce TEXT NOT NULL, timestamp INTEGER NOT NULL, PRIMARY KEY (consumer_key, nonce));
  `)
}

const unauthorized = (message: string, error = 'invalid_signature') => new UsosApiError(401, error, message)

export function enc(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** Parses `Authorization: OAuth realm="x", oauth_consumer_key="..."`. */
export function parseAuthorizationHeader(header: string | undefined): Array<[string, string]> {
  if (!header || !/^OAuth\s/i.test(header)) return []
  const out: Array<[string, string]> = []
  try {
    for (const m of header.slice(6).matchAll(/([A-Za-z0-9_.-]+)="([^"]*)"/g)) {
      const name = decodeURIComponent(m[1] as string)
      if (name !== 'realm') out.push([name, decodeURIComponent(m[2] as string)])
    }
  } catch {
    // A malformed %-escape is the client's fault: a 401 like any other bad signature, not a crash.
    throw unauthorized('Malformed Authorization header (bad percent-encoding).')
  }
  return out
}

/** RFC 5849 §3.4.1: METHOD & base URL & the sorted, encoded parameters (signature excluded). */
export function signatureBaseString(
  method: string,
  baseUrl: string,
  params: Array<[string, string]>
): string {
  const pairs = params
    .filter(([k]) => k !== 'oauth_signature')
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return [method.toUpperCase(), enc(baseUrl), enc(pairs.map(([k, v]) => `${k}=${v}`).join('&'))].join('&')
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export interface Consumer {
  key: string
  secret: string
  administrative: boolean
}

export interface TokenRow {
  key: string
  secret: string
  kind: 'request' | 'access'
  consumer_key: string
  user_id: string | null
  role: DemoRole | null
  scopes: string
  callback: string | null
  verifier: string | null
  created_at: number
  last_used_at: number
  revoked: number
}

export interface Verified {
  consumer: Consumer
  token: TokenRow | null
  /** The oauth_ parameters of the request (callback, verifier...). */
  oauth: Map<string, string>
}

/**
 * Checks one request's OAuth signature. `params` holds every parameter from the query, the form
 * body and the Authorization header; answers null for a request that carries no OAuth at all.
 */
export function verifyRequest(
  db: Database.Database,
  request: { method: string; baseUrl: string; params: Array<[string, string]> },
  nowMs: number
): Verified | null {
  const oauth = new Map(request.params.filter(([k]) => k.startsWith('oauth_')))
  if (!oauth.has('oauth_consumer_key')) return null
  const consumer = db
    .prepare('SELECT key, secret, administrative FROM oauth_consumers WHERE key = ?')
    .get(oauth.get('oauth_consumer_key')) as
    { key: string; secret: string; administrative: number } | undefined
  if (!consumer) throw unauthorized('Unknown consumer key.', 'invalid_consumer')
  const method = oauth.get('oauth_signature_method') ?? ''
  if (method !== 'HMAC-SHA1' && method !== 'PLAINTEXT')
    throw unauthorized(`Unsupported signature method "${method}".`)
  const version = oauth.get('oauth_version')
  if (version !== undefined && version !== '1.0') throw unauthorized('oauth_version must be 1.0.')

  let token: TokenRow | null = null
  const tokenKey = oauth.get('oauth_token')
  if (tokenKey) {
    token =
      (db.prepare('SELECT * FROM oauth_tokens WHERE key = ?').get(tokenKey) as TokenRow | undefined) ?? null
    if (!token || token.revoked || token.consumer_key !== consumer.key)
      throw unauthorized('Invalid or revoked token.', 'invalid_token')
  }
  const signature = oauth.get('oauth_signature') ?? ''
  const key = `${enc(consumer.secret)}&${enc(token?.secret ?? '')}`
  if (method === 'PLAINTEXT') {
    if (!sameSecret(signature, key)) throw unauthorized('Invalid signature.')
  } else {
    const timestamp = Number(oauth.get('oauth_timestamp'))
    const nonce = oauth.get('oauth_nonce') ?? ''
    if (!Number.isInteger(timestamp))
      throw unauthorized('Missing or invalid oauth_timestamp.', 'invalid_timestamp')
    if (Math.abs(timestamp - nowMs / 1000) > TIMESTAMP_WINDOW_S) {
      throw unauthorized('Timestamp too far from the server clock.', 'invalid_timestamp')
    }
    if (!nonce) throw unauthorized('Missing oauth_nonce.', 'invalid_nonce')
    const expected = createHmac('sha1', key)
      .update(signatureBaseString(request.method, request.baseUrl, request.params))
      .digest('base64')
    if (!sameSecret(signature, expected)) throw unauthorized('Invalid signature.')
    db.prepare('DELETE FROM oauth_nonces WHERE timestamp < ?').run(
      Math.floor(nowMs / 1000) - TIMESTAMP_WINDOW_S * 2
    )
    const fresh = db
      .prepare('INSERT OR IGNORE INTO oauth_nonces (consumer_key, nonce, timestamp) VALUES (?, ?, ?)')
      .run(consumer.key, nonce, timestamp)
    if (fresh.changes === 0) throw unauthorized('This nonce was already used.', 'invalid_nonce')
  }
  return {
    consumer: { key: consumer.key, secret: consumer.secret, administrative: consumer.administrative === 1 },
    token,
    oauth
  }
}

const newKey = (bytes: number) => randomBytes(bytes).toString('base64url')

export function issueRequestToken(
  db: Database.Database,
  consumerKey: string,
  callback: string,
  scopes: string[],
  nowMs: number
) {
  const key = newKey(15)
  const secret = newKey(30)
  db.prepare(
    `INSERT INTO oauth_tokens (key, secret, kind, consumer_key, scopes, callback, created_at, last_used_at)
     VALUES (?, ?, 'request', ?, ?, ?, ?, ?)`
  ).run(key, secret, consumerKey, scopes.join('|'), callback, nowMs, nowMs)
  return { key, secret }
}

/** The user granted access to a request token: it gets a user and a verifier (the PIN). */
export function authorizeRequestToken(
  db: Database.Database,
  requestKey: string,
  userId: string,
  role: DemoRole
): TokenRow {
  const token = db
    .prepare("SELECT * FROM oauth_tokens WHERE key = ? AND kind = 'request' AND revoked = 0")
    .get(requestKey) as TokenRow | undefined
  if (!token)
    throw new UsosApiError(400, 'param_invalid', 'Unknown or expired request token.', {
      param_name: 'oauth_token'
    })
  const verifier = String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')
  db.prepare('UPDATE oauth_tokens SET user_id = ?, role = ?, verifier = ? WHERE key = ?').run(
    userId,
    role,
    verifier,
    requestKey
  )
  return { ...token, user_id: userId, role, verifier }
}

export function exchangeForAccessToken(
  db: Database.Database,
  request: TokenRow,
  verifier: string,
  nowMs: number
) {
  if (request.kind !== 'request') throw unauthorized('Not a request token.', 'invalid_token')
  if (!request.verifier || !request.user_id || !sameSecret(request.verifier, verifier)) {
    throw unauthorized('Invalid oauth_verifier.', 'invalid_verifier')
  }
  const key = newKey(15)
  const secret = newKey(30)
  db.transaction(() => {
    db.prepare('UPDATE oauth_tokens SET revoked = 1 WHERE key = ?').run(request.key)
    db.prepare(
      `INSERT INTO oauth_tokens (key, secret, kind, consumer_key, user_id, role, scopes, created_at, last_used_at)
       VALUES (?, ?, 'access', ?, ?, ?, ?, ?, ?)`
    ).run(key, secret, request.consumer_key, request.user_id, request.role, request.scopes, nowMs, nowMs)
  })()
  return { key, secret }
}

/** An access token in use: refused when revoked or lapsed, else its last use is recorded. */
export function touchAccessToken(db: Database.Database, token: TokenRow, nowMs: number): void {
  if (token.kind !== 'access') throw unauthorized('A request token cannot sign calls.', 'invalid_token')
  const offline = token.scopes.split('|').includes('offline_access')
  if (!offline && nowMs - token.last_used_at > INACTIVITY_MS)
    throw unauthorized('The access token has expired.', 'invalid_token')
  db.prepare('UPDATE oauth_tokens SET last_used_at = ? WHERE key = ?').run(nowMs, token.key)
}

export function revokeToken(db: Database.Database, tokenKey: string): void {
  db.prepare('UPDATE oauth_tokens SET revoked = 1 WHERE key = ?').run(tokenKey)
}
