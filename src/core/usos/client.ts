/**
 * The USOS API client: OAuth 1.0a signing (HMAC-SHA1), consumer-only and token calls, multi-id
 * calls split into batches and merged, bounded concurrency, retries with backoff on network
 * errors and 5xx (never on 4xx, never blindly for writes), timeouts and cancellation, and USOS's
 * answers mapped to typed UsosErrors. Nothing secret ever reaches an error or the onRequest hook.
 */
import { randomBytes } from 'node:crypto'
import { UsosError, type UserMessages } from './errors'
import { signRequest, type OAuthPair } from './signer'

export type ParamValue = string | number | boolean | readonly (string | number)[] | undefined | null
export type Params = Record<string, ParamValue>

export interface UsosClientOptions {
  baseUrl: string
  consumer: OAuthPair
  token?: OAuthPair | null
  fetch?: typeof fetch
  timeoutMs?: number
  retries?: number
  concurrency?: number
  now?: () => number
  random?: () => string
  /** Backoff base in ms (tests shorten it). */
  backoffMs?: number
  onRequest?: (info: { method: string; attempt: number; ms: number; status: number | null }) => void
}

/** Methods that change something: a timeout there is an unknown outcome, never retried blindly. */
export function isWriteMethod(method: string): boolean {
  return /(^|\/)(accept_|reject_|sign_|put_|delete_|add_|create_|issue_|update_|batch_|revoke_)/.test(method)
}

const SKEW_LIMIT_MS = 60_000

class Semaphore {
  private active = 0
  private readonly waiting: Array<() => void> = []
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await task()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

function langDict(v: unknown): { pl: string | null; en: string | null } | null {
  if (typeof v !== 'object' || v === null) return null
  const d = v as Record<string, unknown>
  return { pl: typeof d.pl === 'string' ? d.pl : null, en: typeof d.en === 'string' ? d.en : null }
}

function toParams(params: Params): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue
    out.push([
      k,
      Array.isArray(v) ? v.join('|') : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v)
    ])
  }
  return out
}

interface Shared {
  semaphore: Semaphore
  requests: number
  skewMs: number
}

export class UsosClient {
  private readonly fetchImpl: typeof fetch
  private readonly shared: Shared

  constructor(
    private readonly options: UsosClientOptions,
    shared?: Shared
  ) {
    this.fetchImpl = options.fetch ?? fetch
    this.shared = shared ?? { semaphore: new Semaphore(options.concurrency ?? 6), requests: 0, skewMs: 0 }
    if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(options.baseUrl)) {
      throw new UsosError('bad_response', `The installation address must end with "/": ${options.baseUrl}`)
    }
  }

  /** The same installation and consumer with another token (or none: consumer-only calls). */
  withToken(token: OAuthPair | null): UsosClient {
    return new UsosClient({ ...this.options, token }, this.shared)
  }

  stats(): { requests: number } {
    return { requests: this.shared.requests }
  }

  clockSkewMs(): number {
    return this.shared.skewMs
  }

  private url(method: string): string {
    const path = method.startsWith('services/') ? method : `services/${method}`
    return this.options.baseUrl + path
  }

  /** Calls a method and parses its JSON answer. */
  async call<T = unknown>(
    method: string,
    params: Params = {},
    opts: { signal?: AbortSignal; httpMethod?: 'GET' | 'POST' } = {}
  ): Promise<T> {
    const text = await this.send(method, { format: 'json', ...params }, opts)
    return this.parse<T>(method, text.body, text.status, text.contentType)
  }

  /** A multi-id method called in batches (USOS caps the ids per call), answers merged into one dict. */
  async callMulti<T>(
    method: string,
    idsParam: string,
    ids: readonly (string | number)[],
    params: Params = {},
    opts: { batchSize?: number; signal?: AbortSignal } = {}
  ): Promise<Record<string, T | null>> {
    const size = opts.batchSize ?? 50
    const unique = [...new Set(ids.map(String))]
    const batches: string[][] = []
    for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size))
    const answers = await Promise.all(
      batches.map((batch) =>
        this.call<Record<string, T | null>>(
          method,
          { ...params, [idsParam]: batch },
          opts.signal ? { signal: opts.signal } : {}
        )
      )
    )
    const merged: Record<string, T | null> = {}
    for (const [i, answer] of answers.entries()) {
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
        throw new UsosError(
          'bad_response',
          `USOS answered ${method} with something other than a dict of ids.`,
          { method }
        )
      }
      for (const id of batches[i] as string[]) merged[id] = (answer as Record<string, T | null>)[id] ?? null
    }
    return merged
  }

  async requestToken(callback: string, scopes: string[]): Promise<OAuthPair & { authorizeUrl: string }> {
    const r = await this.send(
      'oauth/request_token',
      { scopes: scopes.join('|') },
      {},
      { oauth_callback: callback },
      null
    )
    const form = this.parseForm('oauth/request_token', r)
    const key = form.get('oauth_token')
    const secret = form.get('oauth_token_secret')
    if (!key || !secret)
      throw new UsosError('bad_response', 'USOS did not answer a request token.', {
        method: 'oauth/request_token'
      })
    return {
      key,
      secret,
      authorizeUrl: `${this.url('oauth/authorize')}?oauth_token=${encodeURIComponent(key)}`
    }
  }

  async accessToken(requestToken: OAuthPair, verifier: string): Promise<OAuthPair> {
    const r = await this.send('oauth/access_token', {}, {}, { oauth_verifier: verifier }, requestToken)
    const form = this.parseForm('oauth/access_token', r)
    const key = form.get('oauth_token')
    const secret = form.get('oauth_token_secret')
    if (!key || !secret)
      throw new UsosError('bad_response', 'USOS did not answer an access token.', {
        method: 'oauth/access_token'
      })
    return { key, secret }
  }

  async revokeToken(): Promise<void> {
    if (!this.options.token) throw new UsosError('unauthorized', 'No token to revoke.')
    await this.call('oauth/revoke_token')
  }

  private parseForm(
    method: string,
    r: { status: number; body: string; contentType: string }
  ): URLSearchParams {
    if (r.status !== 200) this.parse(method, r.body, r.status, r.contentType)
    return new URLSearchParams(r.body.trim())
  }

  /** One signed request with retries; answers the raw status and body. */
  private async send(
    method: string,
    params: Params,
    opts: { signal?: AbortSignal; httpMethod?: 'GET' | 'POST' },
    extraOAuth: Record<string, string> = {},
    token: OAuthPair | null | undefined = this.options.token
  ): Promise<{ status: number; body: string; contentType: string }> {
    const retries = this.options.retries ?? 3
    const write = isWriteMethod(method)
    for (let attempt = 1; ; attempt++) {
      if (opts.signal?.aborted) throw new UsosError('cancelled', 'The request was cancelled.', { method })
      const started = Date.now()
      let status: number | null = null
      try {
        const result = await this.shared.semaphore.run(() =>
          this.attempt(method, params, opts, extraOAuth, token)
        )
        status = result.status
        this.options.onRequest?.({ method, attempt, ms: Date.now() - started, status })
        if (status >= 500 && attempt <= retries && !write) {
          await this.backoff(attempt, opts.signal)
          continue
        }
        return result
      } catch (error) {
        this.options.onRequest?.({ method, attempt, ms: Date.now() - started, status })
        if (error instanceof UsosError && error.kind === 'cancelled') throw error
        const timedOut = error instanceof UsosError && error.kind === 'timeout'
        if (write && timedOut) {
          throw new UsosError(
            'unknown_outcome',
            `USOS did not answer ${method} in time; it may or may not have been applied.`,
            { method }
          )
        }
        if (attempt > retries) {
          if (error instanceof UsosError) throw error
          throw new UsosError('network', `USOS is out of reach (${method}): ${(error as Error).message}`, {
            method
          })
        }
        await this.backoff(attempt, opts.signal)
      }
    }
  }

  private async backoff(attempt: number, signal?: AbortSignal): Promise<void> {
    const base = this.options.backoffMs ?? 250
    const delay = base * 2 ** (attempt - 1) * (0.5 + Math.random())
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delay)
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer)
          reject(new UsosError('cancelled', 'The request was cancelled.'))
        },
        { once: true }
      )
    })
  }

  private async attempt(
    method: string,
    params: Params,
    opts: { signal?: AbortSignal; httpMethod?: 'GET' | 'POST' },
    extraOAuth: Record<string, string>,
    token: OAuthPair | null | undefined
  ): Promise<{ status: number; body: string; contentType: string }> {
    const httpMethod = opts.httpMethod ?? 'POST'
    const url = this.url(method)
    const pairs = toParams(params)
    const now = (this.options.now ?? Date.now)() + this.shared.skewMs
    const signed = signRequest({
      method: httpMethod,
      url,
      params: pairs,
      consumer: this.options.consumer,
      token: token ?? null,
      oauth: extraOAuth,
      timestamp: Math.floor(now / 1000),
      nonce: (this.options.random ?? (() => randomBytes(16).toString('hex')))()
    })
    const all = new URLSearchParams([...pairs, ...Object.entries(signed)])
    const controller = new AbortController()
    const timeout = setTimeout(() => controller.abort(new Error('timeout')), this.options.timeoutMs ?? 30_000)
    const onAbort = () => controller.abort(new Error('cancelled'))
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    this.shared.requests++
    try {
      const response = await this.fetchImpl(httpMethod === 'GET' ? `${url}?${all.toString()}` : url, {
        method: httpMethod,
        ...(httpMethod === 'POST'
          ? { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: all.toString() }
          : {}),
        signal: controller.signal
      })
      const body = await response.text()
      const date = response.headers.get('date')
      if (date) {
        const skew = Date.parse(date) - (this.options.now ?? Date.now)()
        if (Number.isFinite(skew)) this.shared.skewMs = Math.abs(skew) > SKEW_LIMIT_MS ? skew : 0
      }
      return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' }
    } catch (error) {
      if (opts.signal?.aborted) throw new UsosError('cancelled', 'The request was cancelled.', { method })
      if (controller.signal.aborted)
        throw new UsosError('timeout', `USOS did not answer ${method} in time.`, { method })
      throw new UsosError('network', `USOS is out of reach (${method}): ${(error as Error).message}`, {
        method
      })
    } finally {
      clearTimeout(timeout)
      opts.signal?.removeEventListener('abort', onAbort)
    }
  }

  /** Maps an answer to its value or a typed error. */
  private parse<T>(method: string, body: string, status: number, contentType: string): T {
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      const what = /<html|<!doctype/i.test(body)
        ? 'an HTML page'
        : body.trim() === ''
          ? 'an empty answer'
          : 'text that is not JSON'
      const kind = status >= 500 ? 'server' : 'bad_response'
      throw new UsosError(
        kind,
        `USOS answered ${method} with ${what} (HTTP ${status}${contentType ? `, ${contentType.split(';')[0]}` : ''}).`,
        {
          status,
          method
        }
      )
    }
    if (status >= 400) {
      const e = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
      const message = typeof e.message === 'string' ? e.message : `USOS refused ${method} (HTTP ${status}).`
      const info = {
        status,
        method,
        usosCode: typeof e.error === 'string' ? e.error : null,
        reasons: Array.isArray(e.reasons) ? e.reasons.filter((r): r is string => typeof r === 'string') : [],
        paramName: typeof e.param_name === 'string' ? e.param_name : null,
        missingScopes: Array.isArray(e.missing_scopes)
          ? e.missing_scopes.filter((r): r is string => typeof r === 'string')
          : []
      }
      const kind =
        status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : status === 404
              ? 'not_found'
              : status >= 500
                ? 'server'
                : 'usos'
      throw new UsosError(kind, message, info)
    }
    if (typeof json === 'object' && json !== null && (json as { success?: unknown }).success === false) {
      const um = (json as { user_messages?: unknown }).user_messages as Record<string, unknown> | undefined
      const fields: Record<string, { pl: string | null; en: string | null }> = {}
      if (um && typeof um.fields === 'object' && um.fields !== null) {
        for (const [k, v] of Object.entries(um.fields as Record<string, unknown>)) {
          const d = langDict(v)
          if (d) fields[k] = d
        }
      }
      const userMessages: UserMessages = { generic: langDict(um?.generic_message), fields }
      const text =
        userMessages.generic?.en ??
        userMessages.generic?.pl ??
        Object.values(fields)[0]?.en ??
        'USOS did not accept the data.'
      throw new UsosError('validation', text, { status, method, userMessages })
    }
    return json as T
  }
}
