/**
 * The USOS API client: OAuth 1.0a signing (HMAC-SHA1), consumer-only and token calls, the three
 * OAuth legs, multi-id calls split into batches and merged, bounded concurrency for every request,
 * retries with exponential backoff and jitter on network errors, timeouts and 5xx (never on 4xx,
 * never blindly for writes), cancellation, clock-skew correction, and every answer mapped to its
 * value or a typed UsosError. Nothing secret ever reaches an error, a message or `onRequest`.
 *
 * Typed wrappers for all 70 documented methods hang off the client: `client.meetings.lecturer()`,
 * `client.slips.toBeAnswered(...)`, `client.exams.examGroup(...)` (see api.ts).
 */
import { randomBytes } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { LangDict } from '../../shared/types'
import { createModuleApi, type UsosApi } from './api'
import { UsosError, type UsosErrorInfo, type UsosErrorKind, type UserMessages } from './errors'
import { USOS_METHODS } from './methods.generated'
import { authorizationHeader, percentEncode, signRequest, type OAuthPair } from './signer'

export type ParamValue = string | number | boolean | readonly (string | number)[] | undefined | null
export type Params = Record<string, ParamValue>

export interface RequestInfo {
  /** The method (`meetings/lecturer`), never its parameters. */
  method: string
  attempt: number
  ms: number
  /** The HTTP status, or null when no answer came (network error, timeout, cancelled). */
  status: number | null
}

export interface UsosClientOptions {
  /** The installation, e.g. `https://usosapps.uw.edu.pl/` (a missing final `/` is added). */
  baseUrl: string
  consumer: OAuthPair
  token?: OAuthPair | null
  fetch?: typeof fetch
  /** Per attempt, the answer's body included. Default 30 000. */
  timeoutMs?: number
  /** Retries after the first attempt (transient failures only). Default 3. */
  retries?: number
  /** Requests in flight at once, for this client and every `withToken` sibling. Default 6. */
  concurrency?: number
  /** The local clock (ms since the epoch). */
  now?: () => number
  /** A fresh nonce. */
  random?: () => string
  /** Backoff base in ms: attempt n waits base·2^(n-1)·[0.5, 1.5), at most `maxBackoffMs`. Default 300. */
  backoffMs?: number
  /** Default 10 000. */
  maxBackoffMs?: number
  /**
   * Where the oauth_ parameters go: among the request's parameters (default: the form body, or the
   * query of a GET; USOS's pages call them "signing arguments") or in the Authorization header.
   */
  oauthIn?: 'header' | 'params'
  onRequest?: (info: RequestInfo) => void
  /** Told when the server's clock is found more than a minute off ours (ms to add to ours). */
  onClockSkew?: (skewMs: number) => void
  /** The largest answer read (bytes, counted as it streams in); a larger one is abandoned. Default 64 MB. */
  maxResponseBytes?: number
}

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

/** The server's clock may differ from ours by this much before we sign with its time. */
export const CLOCK_SKEW_LIMIT_MS = 60_000
/** USOS pages document no limit on ids per multi-id call; batches stay well below any sane one. */
export const DEFAULT_MULTI_BATCH = 50

const SPECS = new Map<string, (typeof USOS_METHODS)[number]>(USOS_METHODS.map((m) => [m.name, m]))
const WRITE_NAME = /^(accept_|reject_|sign_|put_|delete_|add_|create_|issue_|update_|batch_)/

function methodName(method: string): string {
  return method.replace(/^\/?(services\/)?/, '').replace(/\/$/, '')
}

/**
 * Methods that change something in USOS (from the method table; by name for methods outside it):
 * a timeout there is an unknown outcome, never retried blindly.
 */
export function isWriteMethod(method: string): boolean {
  const name = methodName(method)
  const spec = SPECS.get(name)
  if (spec) return spec.write
  return WRITE_NAME.test(name.split('/').pop() ?? '')
}

// ---- plumbing -------------------------------------------------------------------------------

/**
 * A counting semaphore whose slots pass straight from a releasing holder to the next waiter, so no
 * newcomer can slip in between; a waiter whose signal aborts leaves the queue.
 */
class Semaphore {
  private active = 0
  private readonly waiting: Array<{ go: () => void }> = []
  constructor(readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw cancelled()
    if (this.active < this.limit) this.active++
    else {
      await new Promise<void>((resolve, reject) => {
        const entry = {
          go: () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
          }
        }
        const onAbort = () => {
          const i = this.waiting.indexOf(entry)
          if (i >= 0) this.waiting.splice(i, 1)
          reject(cancelled())
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        this.waiting.push(entry)
      })
    }
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next)
        next.go() // the slot changes hands; `active` stays
      else this.active--
    }
  }
}

interface Shared {
  semaphore: Semaphore
  requests: number
  skewMs: number
}

const cancelled = (method?: string) =>
  new UsosError('cancelled', 'The request was cancelled.', method ? { method } : {})

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled())
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelled())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function toPairs(params: Params): Array<[string, string]> {
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

function encodePairs(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
}

function langDict(v: unknown): LangDict | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const d = v as Record<string, unknown>
  const part = (x: unknown) => (typeof x === 'string' ? x : null)
  return { pl: part(d.pl), en: part(d.en) }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : typeof v === 'string' ? [v] : []

/**
 * `user_messages`: `{"generic_message": LangDict, "fields": {param: LangDict}}`, already localized
 * (a 200 `success: false` of the slips editing methods, or any 4xx refusal). Null when absent.
 */
function parseUserMessages(value: unknown): UserMessages | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const raw = value as Record<string, unknown>
  const fields: Record<string, LangDict> = {}
  if (typeof raw.fields === 'object' && raw.fields !== null) {
    for (const [k, v] of Object.entries(raw.fields as Record<string, unknown>)) {
      const d = langDict(v)
      if (d) fields[k] = d
    }
  }
  const generic = langDict(raw.generic_message)
  return generic || Object.keys(fields).length ? { generic, fields } : null
}

/** Network failures that happen before the request leaves: nothing was sent, a write may retry. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL'
])

function networkCode(error: unknown): string | null {
  let e: unknown = error
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return null
}

function describeBody(body: string): string {
  const t = body.trim()
  if (t === '') return 'an empty answer'
  if (/^<(!doctype|html|\?xml|head|body)/i.test(t) || /<html[\s>]/i.test(t)) return 'an HTML page'
  return 'text that is not JSON'
}

class TooLarge extends Error {}

/** The body as text, counted as it streams in: past `max` bytes it stops reading (memory stays bounded). */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (declared > max) {
    await response.body?.cancel().catch(() => {})
    throw new TooLarge()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      throw new TooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size).toString('utf8')
}

const JSON_TYPES = /^(application\/([\w.+-]*\+)?json|text\/(javascript|plain)|application\/javascript)$/i

interface Answer {
  status: number
  body: string
  contentType: string
  retryAfter?: string
}

/** One attempt's outcome. */
type Outcome =
  | { ok: true; answer: Answer }
  | {
      ok: false
      kind: 'network' | 'timeout' | 'cut_off' | 'cancelled' | 'too_large'
      sent: boolean
      detail: string
      status: number | null
    }

// ---- the client -----------------------------------------------------------------------------

export class UsosClient {
  private readonly fetchImpl: typeof fetch
  private readonly shared: Shared
  private readonly options: UsosClientOptions & { baseUrl: string }
  private modules: Partial<UsosApi> = {}

  constructor(options: UsosClientOptions, shared?: Shared) {
    let base: URL
    try {
      base = new URL(options.baseUrl)
    } catch {
      throw new AppError('invalid_argument', 'The installation address is not a URL.', undefined, {
        key: 'addressNotUrl'
      })
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:')
      throw new AppError(
        'invalid_argument',
        'The installation address must start with https://.',
        undefined,
        {
          key: 'addressHttps'
        }
      )
    if (base.search || base.hash || base.username || base.password)
      throw new AppError(
        'invalid_argument',
        'The installation address must be a plain https:// address.',
        undefined,
        {
          key: 'addressPlain'
        }
      )
    const baseUrl = base.toString().endsWith('/') ? base.toString() : `${base.toString()}/`
    this.options = { ...options, baseUrl }
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
    this.shared = shared ?? {
      semaphore: new Semaphore(Math.max(1, options.concurrency ?? 6)),
      requests: 0,
      skewMs: 0
    }
  }

  get baseUrl(): string {
    return this.options.baseUrl
  }

  /** The same installation, consumer, limits and clock with another token (or none: consumer-only). */
  withToken(token: OAuthPair | null): UsosClient {
    return new UsosClient({ ...this.options, token }, this.shared)
  }

  /** HTTP requests sent so far (every attempt counts), by this client and its `withToken` siblings. */
  stats(): { requests: number } {
    return { requests: this.shared.requests }
  }

  /** How far the server's clock is ahead of ours (ms), when more than a minute; 0 otherwise. */
  clockSkewMs(): number {
    return this.shared.skewMs
  }

  // ---- typed wrappers (api.ts) ----

  get meetings(): UsosApi['meetings'] {
    return (this.modules.meetings ??= createModuleApi(this, 'meetings'))
  }
  get slips(): UsosApi['slips'] {
    return (this.modules.slips ??= createModuleApi(this, 'slips'))
  }
  get exams(): UsosApi['exams'] {
    return (this.modules.exams ??= createModuleApi(this, 'exams'))
  }

  // ---- calls ----

  /** Calls a method (`meetings/lecturer` or `services/meetings/lecturer`) and parses its JSON answer. */
  async call<T = unknown>(
    method: string,
    params: Params = {},
    opts: { signal?: AbortSignal; httpMethod?: 'GET' | 'POST' } = {}
  ): Promise<T> {
    const name = methodName(method)
    const answer = await this.send(name, { ...params, format: 'json' }, opts)
    return this.parseJson<T>(name, answer)
  }

  /**
   * A multi-id method (`meetings/meetings` with `meeting_ids`...) for any number of ids: split into
   * batches, run with the client's concurrency bound, merged into one dict of id to object, with
   * null for every id USOS does not know (or left out). The first failure cancels the rest.
   */
  async callMulti<T>(
    method: string,
    idsParam: string,
    ids: readonly (string | number)[],
    params: Params = {},
    opts: { batchSize?: number; signal?: AbortSignal } = {}
  ): Promise<Record<string, T | null>> {
    const size = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_MULTI_BATCH))
    const unique = [...new Set(ids.map(String))]
    const batches: string[][] = []
    for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size))
    const group = new AbortController()
    const onAbort = () => group.abort()
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    if (opts.signal?.aborted) group.abort()
    try {
      // Promise.all rejects with the first failure; the batches it cancels reject later, unseen.
      const answers = await Promise.all(
        batches.map(async (batch) => {
          try {
            return await this.call<unknown>(
              method,
              { ...params, [idsParam]: batch },
              { signal: group.signal }
            )
          } catch (error) {
            group.abort()
            throw error
          }
        })
      )
      const merged: Record<string, T | null> = {}
      for (const [i, answer] of answers.entries()) {
        if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
          throw new UsosError(
            'bad_response',
            `USOS answered ${methodName(method)} with something other than a dict of ids.`,
            {
              method: methodName(method)
            }
          )
        }
        const dict = answer as Record<string, T | null | undefined>
        for (const id of batches[i] ?? []) merged[id] = dict[id] ?? null
      }
      return merged
    } finally {
      opts.signal?.removeEventListener('abort', onAbort)
    }
  }

  // ---- OAuth legs ----

  /** Leg 1: a request token for `callback` (a URL, or `oob` for the PIN flow) and the scopes. */
  async requestToken(callback: string, scopes: string[]): Promise<OAuthPair & { authorizeUrl: string }> {
    const method = 'oauth/request_token'
    const answer = await this.send(
      method,
      { scopes: scopes.join('|') },
      {},
      { oauth_callback: callback },
      null
    )
    const form = this.parseForm(method, answer)
    return {
      ...form,
      authorizeUrl: `${this.url('oauth/authorize')}?oauth_token=${percentEncode(form.key)}`
    }
  }

  /** Leg 3: the access token for an authorized request token and its verifier (the PIN). */
  async accessToken(requestToken: OAuthPair, verifier: string): Promise<OAuthPair> {
    const method = 'oauth/access_token'
    const answer = await this.send(method, {}, {}, { oauth_verifier: verifier }, requestToken)
    return this.parseForm(method, answer)
  }

  /** Ends this client's access token at USOS. */
  async revokeToken(): Promise<void> {
    if (!this.options.token)
      throw new UsosError('unauthorized', 'There is no token to revoke.', { method: 'oauth/revoke_token' })
    await this.call('oauth/revoke_token')
  }

  // ---- internals ----

  private url(name: string): string {
    return `${this.options.baseUrl}services/${name}`
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** Scrubs anything secret from text that came back from the server or from the platform. */
  private scrub(text: string, secrets: readonly string[]): string {
    let out = text
    // Longest first, so that a whole Authorization header goes before the signature inside it.
    for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
      if (s.length < 4) continue
      for (const form of new Set([s, percentEncode(s), encodeURIComponent(s)]))
        out = out.split(form).join('[redacted]')
    }
    // Every oauth_* value (the token key too: a server may echo the request in its error).
    return out.replace(
      /(oauth_[a-z_]*|authorization)(["']?\s*(?:[=:]|%3D)\s*["']?)[^\s&"',]+/gi,
      '$1$2[redacted]'
    )
  }

  /** One call with its retries: answers the final HTTP answer, or throws a typed error. */
  private async send(
    method: string,
    params: Params,
    opts: { signal?: AbortSignal; httpMethod?: 'GET' | 'POST' },
    extraOAuth: Record<string, string> = {},
    token: OAuthPair | null | undefined = this.options.token
  ): Promise<Answer & { secrets: string[] }> {
    const retries = Math.max(0, this.options.retries ?? 3)
    const write = isWriteMethod(method)
    let skewRetried = false
    for (let attempt = 1; ; attempt++) {
      if (opts.signal?.aborted) throw cancelled(method)
      const release = await this.shared.semaphore.acquire(opts.signal)
      const started = Date.now()
      const skewBefore = this.shared.skewMs
      let outcome: Outcome
      let secrets: string[]
      try {
        ;({ outcome, secrets } = await this.attempt(method, params, opts, extraOAuth, token))
      } finally {
        release()
      }
      const status = outcome.ok ? outcome.answer.status : outcome.status
      this.options.onRequest?.({ method, attempt, ms: Date.now() - started, status })
      const more = attempt <= retries

      if (outcome.ok) {
        const { answer } = outcome
        // Signed with a clock USOS refuses: sign again once with its time.
        if (answer.status === 401 && !skewRetried && this.shared.skewMs !== skewBefore) {
          skewRetried = true
          continue
        }
        if (answer.status >= 500 && more && (!write || answer.status === 503)) {
          await sleep(this.delay(attempt, answer), opts.signal)
          continue
        }
        return { ...answer, secrets }
      }

      const info: UsosErrorInfo = { method, status: outcome.status }
      if (outcome.kind === 'cancelled') {
        if (write && outcome.sent)
          throw new UsosError(
            'unknown_outcome',
            `${method} was cancelled after it was sent: it may or may not have been applied.`,
            info
          )
        throw cancelled(method)
      }
      const mb = Math.round((this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES) / 1048576)
      if (write && (outcome.sent || outcome.kind !== 'network')) {
        const why =
          outcome.kind === 'too_large'
            ? `answered with more than ${mb} MB`
            : outcome.kind === 'timeout'
              ? 'did not answer in time'
              : outcome.kind === 'cut_off'
                ? 'cut its answer off'
                : 'dropped the connection'
        throw new UsosError(
          'unknown_outcome',
          `USOS ${why} (${method}): it may or may not have been applied. Check before trying again.`,
          info
        )
      }
      if (outcome.kind === 'too_large')
        throw new UsosError(
          'bad_response',
          `USOS's answer to ${method} was larger than ${mb} MB; it was abandoned.`,
          info
        )
      if (more) {
        await sleep(this.delay(attempt, null), opts.signal)
        continue
      }
      const detail = this.scrub(outcome.detail, secrets)
      if (outcome.kind === 'timeout')
        throw new UsosError('timeout', `USOS did not answer ${method} in time.`, info)
      if (outcome.kind === 'cut_off')
        throw new UsosError('bad_response', `USOS's answer to ${method} was cut off (${detail}).`, info)
      throw new UsosError('network', `USOS is out of reach (${method}: ${detail}).`, info)
    }
  }

  /** Exponential backoff with jitter; a server's `Retry-After` (seconds) is honoured up to the cap. */
  private delay(attempt: number, answer: Answer | null): number {
    const max = this.options.maxBackoffMs ?? 10_000
    const base = (this.options.backoffMs ?? 300) * 2 ** (attempt - 1) * (0.5 + Math.random())
    const after = Number(/^\s*(\d+)\s*$/.exec(answer?.retryAfter ?? '')?.[1] ?? NaN)
    return Math.min(max, Number.isFinite(after) ? Math.max(base, after * 1000) : base)
  }

  /** One signed HTTP request. Never throws: every failure is an Outcome. */
  private async attempt(
    method: string,
    params: Params,
    opts: { signal?: AbortSignal; httpMethod?: 'GET' | 'POST' },
    extraOAuth: Record<string, string>,
    token: OAuthPair | null | undefined
  ): Promise<{ outcome: Outcome; secrets: string[] }> {
    const httpMethod = opts.httpMethod ?? 'POST'
    const url = this.url(method)
    const pairs = toPairs(params)
    const oauth = signRequest({
      method: httpMethod,
      url,
      params: pairs,
      consumer: this.options.consumer,
      token: token ?? null,
      oauth: extraOAuth,
      timestamp: Math.floor((this.now() + this.shared.skewMs) / 1000),
      nonce: (this.options.random ?? (() => randomBytes(16).toString('hex')))()
    })
    const header = this.options.oauthIn === 'header'
    const secrets = [
      this.options.consumer.secret,
      token?.secret ?? '',
      token?.key ?? '',
      oauth.oauth_signature
    ]
    const all = header ? pairs : [...pairs, ...Object.entries(oauth)]
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (header) headers.Authorization = authorizationHeader(oauth)
    secrets.push(headers.Authorization ?? '')
    let target = url
    let body: string | undefined
    if (httpMethod === 'GET') {
      if (all.length) target = `${url}?${encodePairs(all)}`
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      body = encodePairs(all)
    }

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.options.timeoutMs ?? 30_000)
    const onAbort = () => controller.abort()
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    if (opts.signal?.aborted) controller.abort()
    this.shared.requests++
    let status: number | null = null
    const failed = (
      kind: 'network' | 'timeout' | 'cut_off' | 'cancelled' | 'too_large',
      error: unknown,
      sent: boolean
    ): Outcome => ({
      ok: false,
      kind: opts.signal?.aborted ? 'cancelled' : timedOut ? 'timeout' : kind,
      sent,
      status,
      detail: networkCode(error) ?? 'connection failed'
    })
    try {
      let response: Response
      try {
        response = await this.fetchImpl(target, {
          method: httpMethod,
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: controller.signal,
          redirect: 'manual'
        })
      } catch (error) {
        const code = networkCode(error)
        return { outcome: failed('network', error, !(code && NOT_SENT.has(code))), secrets }
      }
      status = response.status
      this.noteServerTime(response.headers.get('date'))
      let text: string
      try {
        text = await readCapped(response, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES)
      } catch (error) {
        if (error instanceof TooLarge) {
          controller.abort()
          return { outcome: failed('too_large', error, true), secrets }
        }
        return { outcome: failed('cut_off', error, true), secrets }
      }
      const retryAfter = response.headers.get('retry-after')
      return {
        outcome: {
          ok: true,
          answer: {
            status: response.status,
            body: text,
            contentType: response.headers.get('content-type') ?? '',
            ...(retryAfter ? { retryAfter } : {})
          }
        },
        secrets
      }
    } finally {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
    }
  }

  private noteServerTime(date: string | null): void {
    if (!date) return
    const server = Date.parse(date)
    if (!Number.isFinite(server)) return
    const skew = server - this.now()
    // The Date header has whole seconds: within the limit, our clock is good enough.
    const next = Math.abs(skew) > CLOCK_SKEW_LIMIT_MS ? skew : 0
    const changed =
      Math.abs(next - this.shared.skewMs) > CLOCK_SKEW_LIMIT_MS / 2 ||
      (next === 0) !== (this.shared.skewMs === 0)
    if (!changed) return
    this.shared.skewMs = next
    if (next !== 0) this.options.onClockSkew?.(next)
  }

  private error(
    kind: UsosErrorKind,
    message: string,
    info: UsosErrorInfo,
    secrets: readonly string[]
  ): UsosError {
    const scrubbed: UsosErrorInfo = {
      ...info,
      reasons: (info.reasons ?? []).map((r) => this.scrub(r, secrets)),
      paramName: info.paramName ? this.scrub(info.paramName, secrets) : null,
      missingScopes: (info.missingScopes ?? []).map((r) => this.scrub(r, secrets)),
      usosCode: info.usosCode ? this.scrub(info.usosCode, secrets) : null
    }
    if (info.userMessages) {
      const d = (x: LangDict): LangDict => ({
        pl: x.pl === null ? null : this.scrub(x.pl, secrets),
        en: x.en === null ? null : this.scrub(x.en, secrets)
      })
      scrubbed.userMessages = {
        generic: info.userMessages.generic ? d(info.userMessages.generic) : null,
        fields: Object.fromEntries(Object.entries(info.userMessages.fields).map(([k, v]) => [k, d(v)]))
      }
    }
    return new UsosError(kind, this.scrub(message, secrets), scrubbed)
  }

  /** Maps an HTTP answer to its JSON value or a typed error. */
  private parseJson<T>(method: string, answer: Answer & { secrets: string[] }): T {
    const { status, body, contentType, secrets } = answer
    const type = contentType.split(';')[0]?.trim() ?? ''
    let json: unknown
    let parsed = true
    try {
      json = JSON.parse(body)
    } catch {
      parsed = false
    }
    const what = (extra = '') => `${describeBody(body)} (HTTP ${status}${type ? `, ${type}` : ''}${extra})`
    if (status >= 400 || status < 200)
      return this.refusal(method, status, parsed ? json : undefined, what(), secrets)
    if (!parsed)
      throw this.error('bad_response', `USOS answered ${method} with ${what()}.`, { status, method }, secrets)
    if (type && !JSON_TYPES.test(type))
      throw this.error(
        'bad_response',
        `USOS answered ${method} with ${type} instead of JSON (HTTP ${status}).`,
        { status, method },
        secrets
      )
    if (
      typeof json === 'object' &&
      json !== null &&
      !Array.isArray(json) &&
      (json as { success?: unknown }).success === false
    ) {
      const userMessages = parseUserMessages((json as { user_messages?: unknown }).user_messages) ?? {
        generic: null,
        fields: {}
      }
      const first = Object.values(userMessages.fields)[0]
      const text =
        userMessages.generic?.en ||
        userMessages.generic?.pl ||
        first?.en ||
        first?.pl ||
        `USOS did not accept the data (${method}).`
      throw this.error('validation', text, { status, method, userMessages }, secrets)
    }
    return json as T
  }

  private refusal(
    method: string,
    status: number,
    json: unknown,
    what: string,
    secrets: readonly string[]
  ): never {
    const e =
      typeof json === 'object' && json !== null && !Array.isArray(json)
        ? (json as Record<string, unknown>)
        : null
    const usosShape = e !== null && (typeof e.message === 'string' || typeof e.error === 'string')
    const info: UsosErrorInfo = {
      status,
      method,
      usosCode: usosShape && typeof e.error === 'string' ? e.error : null,
      // USOS sends one `reason` string (errors page); a list, or the plural key, is tolerated.
      reasons: usosShape ? [...new Set([...strings(e.reason), ...strings(e.reasons)])] : [],
      paramName: usosShape && typeof e.param_name === 'string' ? e.param_name : null,
      missingScopes: usosShape ? strings(e.missing_scopes) : [],
      userMessages: usosShape ? parseUserMessages(e.user_messages) : null
    }
    const message = usosShape && typeof e.message === 'string' ? e.message : null
    if (status === 401)
      throw this.error(
        'unauthorized',
        message ?? `USOS did not accept the sign-in (${method}, HTTP 401): sign in again.`,
        info,
        secrets
      )
    if (status >= 500)
      throw this.error('server', message ?? `USOS failed on ${method} with ${what}.`, info, secrets)
    if (!usosShape)
      throw this.error(
        'bad_response',
        `USOS answered ${method} with ${json === undefined ? what : 'JSON that is not a USOS error'} (HTTP ${status}).`,
        info,
        secrets
      )
    const kind: UsosErrorKind = status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'usos'
    throw this.error(kind, message ?? `USOS refused ${method} (${info.usosCode}).`, info, secrets)
  }

  /** The OAuth legs answer form-encoded `oauth_token` and `oauth_token_secret`. */
  private parseForm(method: string, answer: Answer & { secrets: string[] }): OAuthPair {
    if (answer.status !== 200) {
      let json: unknown
      try {
        json = JSON.parse(answer.body)
      } catch {
        json = undefined
      }
      this.refusal(
        method,
        answer.status,
        json,
        `${describeBody(answer.body)} (HTTP ${answer.status})`,
        answer.secrets
      )
    }
    const form = new URLSearchParams(answer.body.trim())
    const key = form.get('oauth_token')
    const secret = form.get('oauth_token_secret')
    if (!key || !secret)
      throw new UsosError(
        'bad_response',
        `USOS did not answer a token to ${method} (${describeBody(answer.body) === 'text that is not JSON' ? 'no oauth_token in its answer' : describeBody(answer.body)}).`,
        {
          method,
          status: answer.status
        }
      )
    return { key, secret }
  }
}
