import { createHash, randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { isUsosError } from '../usos/errors'
import type { LangDict } from '../../shared/types'
import type { SecretStore } from '../secrets/store'
import { normalizeBaseUrl } from './base-url'
import { AccountRepository } from './repository'
import type { Account, ClientFactory, OAuthPair, SignInClient } from './types'

export interface BeginSignIn {
  baseUrl: string
  consumerKey: string
  consumerSecret: string
  scopes: string[]
  /** `oob` for the PIN flow, or the loopback callback URL. */
  callback: string
  institutionName?: LangDict | null
  isDemo?: boolean
}

interface PendingSignIn {
  baseUrl: string
  consumer: OAuthPair
  requestToken: OAuthPair
  scopes: string[]
  institutionName: LangDict | null
  isDemo: boolean
  expiresAt: number
}

/** A request token is good for a while; a sign-in left open longer starts over. */
const PENDING_TTL_MS = 30 * 60 * 1000
const ACTIVE_KEY = 'active_account'

export const accountIdFor = (baseUrl: string, userId: string): string =>
  createHash('sha256').update(`${baseUrl}\n${userId}`).digest('hex').slice(0, 16)

/**
 * Accounts signed in to USOS installations, several side by side: the OAuth 1.0a flow (PIN or
 * loopback callback), tokens sealed in the SecretStore, the active account, and what happens when
 * USOS refuses a token (the account is flagged; its mirror and pending writes stay).
 */
export class AccountService {
  readonly repo: AccountRepository
  private readonly pending = new Map<string, PendingSignIn>()

  constructor(
    private readonly db: Database.Database,
    private readonly secrets: SecretStore,
    private readonly clientFactory: ClientFactory,
    private readonly now: () => number = Date.now
  ) {
    this.repo = new AccountRepository(db)
  }

  list(): Account[] {
    return this.repo.list()
  }

  active(): Account | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(ACTIVE_KEY) as
      { value: string } | undefined
    const id = row ? (JSON.parse(row.value) as string) : null
    return (id && this.repo.get(id)) || this.repo.list()[0] || null
  }

  setActive(id: string): Account {
    const account = this.repo.get(id)
    if (!account) throw new AppError('not_found', 'No such account.', undefined, { key: 'noSuchAccount' })
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
      )
      .run(ACTIVE_KEY, JSON.stringify(id))
    return account
  }

  async beginSignIn(input: BeginSignIn): Promise<{ pendingId: string; authorizeUrl: string }> {
    const baseUrl = normalizeBaseUrl(input.baseUrl)
    if (!input.consumerKey.trim() || !input.consumerSecret.trim()) {
      throw new AppError(
        'invalid_argument',
        "Enter the consumer key and secret from the installation's developers page.",
        undefined,
        { key: 'consumerKeyMissing' }
      )
    }
    const consumer = { key: input.consumerKey.trim(), secret: input.consumerSecret.trim() }
    const client = this.clientFactory({ baseUrl, consumer })
    const requestToken = await client.requestToken(input.callback, input.scopes).catch((e: unknown) => {
      // A 401 here is the consumer pair (or the clock the signature is stamped with), not a session.
      throw rejected(e, 'consumerRejected')
    })
    for (const [id, p] of this.pending) if (p.expiresAt < this.now()) this.pending.delete(id)
    const pendingId = randomUUID()
    this.pending.set(pendingId, {
      baseUrl,
      consumer,
      requestToken: { key: requestToken.key, secret: requestToken.secret },
      scopes: input.scopes,
      institutionName: input.institutionName ?? null,
      isDemo: input.isDemo === true,
      expiresAt: this.now() + PENDING_TTL_MS
    })
    return { pendingId, authorizeUrl: requestToken.authorizeUrl }
  }

  /** The request token a pending sign-in waits on (the loopback callback matches on it). */
  pendingFor(requestTokenKey: string): string | null {
    for (const [id, p] of this.pending) if (p.requestToken.key === requestTokenKey) return id
    return null
  }

  async completeSignIn(pendingId: string, verifier: string): Promise<Account> {
    const p = this.pending.get(pendingId)
    if (!p || p.expiresAt < this.now()) {
      this.pending.delete(pendingId)
      throw new AppError(
        'not_found',
        'This sign-in has expired or was already finished. Start it again.',
        undefined,
        {
          key: 'signInExpired'
        }
      )
    }
    const pin = verifier.trim()
    if (!pin)
      throw new AppError(
        'invalid_argument',
        'Paste the PIN that the installation showed after you granted access.',
        undefined,
        { key: 'pastePin' }
      )
    const base = this.clientFactory({ baseUrl: p.baseUrl, consumer: p.consumer })
    const token = await base.accessToken(p.requestToken, pin).catch((e: unknown) => {
      // A 401 here is the PIN (mistyped, or the sign-in it belongs to has expired at USOS).
      throw rejected(e, 'pinRejected')
    })
    this.pending.delete(pendingId)
    const me = await base
      .withToken(token)
      .call<{ id: string; first_name: string; last_name: string }>('services/users/user', {
        fields: 'id|first_name|last_name'
      })
    const userId = String(me.id)
    const existing = this.repo.findByUser(p.baseUrl, userId)
    const account: Account = {
      id: existing?.id ?? accountIdFor(p.baseUrl, userId),
      baseUrl: p.baseUrl,
      institutionName: p.institutionName ?? existing?.institutionName ?? null,
      consumerKey: p.consumer.key,
      userId,
      firstName: me.first_name,
      lastName: me.last_name,
      scopes: p.scopes,
      isDemo: p.isDemo,
      needsSignIn: false,
      createdAt: existing?.createdAt ?? new Date(this.now()).toISOString()
    }
    this.secrets.set(account.id, { consumerSecret: p.consumer.secret, token })
    this.repo.upsert(account)
    this.setActive(account.id)
    return account
  }

  /** A signed client for the account; `not_signed_in` when its token is missing or refused. */
  clientFor(accountId: string): SignInClient {
    const account = this.repo.get(accountId)
    const secrets = this.secrets.get(accountId)
    if (!account) throw new AppError('not_found', 'No such account.', undefined, { key: 'noSuchAccount' })
    if (!secrets?.token || account.needsSignIn) {
      throw new AppError(
        'not_signed_in',
        `Sign in to ${account.baseUrl} again to continue.`,
        { accountId },
        {
          key: 'signInAgain',
          params: { address: account.baseUrl }
        }
      )
    }
    return this.clientFactory({
      baseUrl: account.baseUrl,
      consumer: { key: account.consumerKey, secret: secrets.consumerSecret },
      token: secrets.token
    })
  }

  /** USOS refused the token (401): keep everything, ask the user to sign in again. */
  markNeedsSignIn(accountId: string): void {
    this.repo.setNeedsSignIn(accountId, true)
  }

  /**
   * Revokes the token (best effort: offline or already revoked still signs out here) and forgets
   * the account and its secrets. Answers whether USOS confirmed the revocation.
   */
  async signOut(accountId: string): Promise<{ revoked: boolean }> {
    const account = this.repo.get(accountId)
    if (!account) throw new AppError('not_found', 'No such account.', undefined, { key: 'noSuchAccount' })
    let revoked = false
    try {
      await this.clientFor(accountId).revokeToken()
      revoked = true
    } catch {
      revoked = false
    }
    this.secrets.delete(accountId)
    this.repo.delete(accountId)
    this.pending.clear()
    return { revoked }
  }
}

/**
 * USOS's 401 during the OAuth handshake, worded for what the person can do about it (USOS's own
 * text, e.g. "Invalid signature.", stays in the message for the log and the command line).
 */
function rejected(error: unknown, key: 'consumerRejected' | 'pinRejected'): unknown {
  if (!isUsosError(error) || error.kind !== 'unauthorized') return error
  return new AppError(
    'not_signed_in',
    key === 'consumerRejected'
      ? `USOS did not accept the consumer key or secret: ${error.message}`
      : `USOS did not accept the PIN: ${error.message}`,
    { kind: 'unauthorized', status: error.status, method: error.method },
    { key }
  )
}
