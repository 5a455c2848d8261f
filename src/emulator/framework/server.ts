/**
 * The demo installation's HTTP front: `BASE/services/<module>/<method>` over GET or POST, OAuth
 * checks per method, the `fields` selector, USOS-shaped errors, optional latency, and request
 * statistics at `/__demo/stats` (loopback only).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type Database from 'better-sqlite3'
import { parseSelector, type TypeRegistry } from './fields'
import {
  authorizeRequestToken,
  exchangeForAccessToken,
  issueRequestToken,
  parseAuthorizationHeader,
  revokeToken,
  touchAccessToken,
  verifyRequest,
  type Verified
} from './oauth'
import { RequestParams, invalid, missing } from './params'
import {
  UsosApiError,
  type EmulatorModule,
  type AnswerStyle,
  type CallContext,
  type DemoRole,
  type DemoUser,
  type Json,
  type MethodDef
} from './types'
import { authorizePage, grantedPage } from './authorize-page'

const MAX_BODY = 1024 * 1024
const ROLES: DemoRole[] = ['lecturer', 'student', 'template_admin', 'administrator']

export interface ServerDeps {
  db: Database.Database
  registry: TypeRegistry
  methods: ReadonlyMap<string, MethodDef>
  demoUserIds: Record<DemoRole, string>
  latencyMs: number
  now: () => Date
  answers: AnswerStyle
  demoActions?: ReadonlyMap<string, NonNullable<EmulatorModule['demoActions']>[string]>
}

/** Every number under a key `id` or `..._id` as a string (the `ids: 'string'` answer style). */
function stringIds(value: Json, key = ''): Json {
  if (typeof value === 'number' && (key === 'id' || key.endsWith('_id'))) return String(value)
  if (Array.isArray(value)) return value.map((v) => stringIds(v, key))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {}
    for (const [k, v] of Object.entries(value)) out[k] = stringIds(v, k)
    return out
  }
  return value
}

export interface Stats {
  requests_total: number
  by_method: Record<string, number>
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new UsosApiError(400, 'param_invalid', 'The request body is too large.'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'

export function createDemoHttpServer(deps: ServerDeps): { server: Server; stats: Stats } {
  const stats: Stats = { requests_total: 0, by_method: {} }
  const delay = () =>
    deps.latencyMs > 0 ? new Promise((r) => setTimeout(r, deps.latencyMs)) : Promise.resolve()

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof UsosApiError) sendJson(res, error.status, error.body())
      else {
        process.stderr.write(
          `[demo installation] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
        )
        if (!res.headersSent)
          sendJson(res, 500, { message: 'Internal server error.', error: 'internal_error' })
        else res.end()
      }
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    } catch {
      return sendJson(res, 400, { message: 'Malformed request URL or Host header.', error: 'bad_request' })
    }
    if (url.pathname === '/__demo/stats') {
      if (!isLoopback(req.socket.remoteAddress))
        return sendJson(res, 403, { message: 'Loopback only.', error: 'forbidden' })
      return sendJson(res, 200, stats)
    }
    const action = /^\/__demo\/([a-z_]+)$/.exec(url.pathname)?.[1]
    if (action !== undefined) {
      if (!isLoopback(req.socket.remoteAddress))
        return sendJson(res, 403, { message: 'Loopback only.', error: 'forbidden' })
      const run = deps.demoActions?.get(action)
      if (!run) return sendJson(res, 404, { message: `No demo action ${action}.`, error: 'not_found' })
      if (req.method !== 'POST')
        return sendJson(res, 405, { message: 'Use POST.', error: 'method_not_allowed' })
      try {
        const body = JSON.parse((await readBody(req)) || 'null') as Json
        return sendJson(res, 200, deps.db.transaction(() => run(deps.db, body, deps.now()))())
      } catch (error) {
        if (error instanceof UsosApiError)
          return sendJson(res, error.status, { message: error.message, error: error.error, ...error.extra })
        return sendJson(res, 400, {
          message: error instanceof Error ? error.message : String(error),
          error: 'bad_request'
        })
      }
    }
    if (!url.pathname.startsWith('/services/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('USOS API demo installation: methods live under /services/.\n')
      return
    }
    const name = url.pathname.slice('/services/'.length).replace(/\/$/, '')
    stats.requests_total++
    stats.by_method[name] = (stats.by_method[name] ?? 0) + 1
    await delay()
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST')
      return sendJson(res, 405, {
        message: `HTTP method ${req.method ?? ''} is not supported; use GET or POST.`,
        error: 'method_not_allowed'
      })
    }

    const body = req.method === 'POST' ? await readBody(req) : ''
    const formBody = /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '') ? body : ''
    const params: Array<[string, string]> = [
      ...url.searchParams.entries(),
      ...new URLSearchParams(formBody).entries(),
      ...parseAuthorizationHeader(req.headers.authorization)
    ]
    const signed = { method: req.method ?? 'GET', baseUrl: `http://${url.host}${url.pathname}`, params }
    // OAuth timestamps are checked against the real clock: setNow() moves only the data's "now".
    const nowMs = Date.now()

    if (name.startsWith('oauth/')) return oauthEndpoint(name, req, res, signed, nowMs)

    const def = deps.methods.get(name)
    if (!def)
      return sendJson(res, 404, {
        message: `Method services/${name} does not exist.`,
        error: 'method_not_found'
      })

    const verified = verifyRequest(deps.db, signed, nowMs)
    if (!verified && !def.anonymous) {
      throw new UsosApiError(
        401,
        'invalid_consumer',
        'This method requires a consumer key (a signed request).'
      )
    }
    let user: DemoUser | null = null
    let scopes = new Set<string>()
    if (verified?.token && def.auth !== 'consumer') {
      touchAccessToken(deps.db, verified.token, nowMs)
      user = { id: verified.token.user_id as string, role: (verified.token.role ?? 'lecturer') as DemoRole }
      scopes = new Set(verified.token.scopes.split('|').filter(Boolean))
    }
    if (def.auth === 'token' && !user) {
      throw new UsosApiError(401, 'invalid_token', 'This method requires an Access Token (sign in).')
    }
    if (def.administrative && !verified?.consumer.administrative) {
      throw new UsosApiError(403, 'method_forbidden', 'This method needs an administrative consumer key.', {
        reason: 'administrative_only'
      })
    }
    const missingScopes = (def.scopes ?? []).filter((s) => !scopes.has(s))
    if (missingScopes.length) {
      // "method_forbidden: reason key is always present" (USOS's errors page).
      throw new UsosApiError(403, 'method_forbidden', `Missing scopes: ${missingScopes.join(', ')}.`, {
        reason: 'scope_missing',
        missing_scopes: missingScopes
      })
    }
    const values = new Map<string, string>()
    for (const [k, v] of params) if (!k.startsWith('oauth_') && !values.has(k)) values.set(k, v)
    const format = values.get('format') ?? 'json'
    if (format !== 'json') throw invalid('format', 'this installation answers json only.')
    const result = await def.handler(context(def.name, values, user, verified, scopes))
    sendJson(res, 200, deps.answers.ids === 'string' ? stringIds(result) : result)
  }

  function context(
    method: string,
    values: Map<string, string>,
    user: DemoUser | null,
    verified: Verified | null,
    scopes: Set<string>
  ): CallContext {
    const ctx: CallContext = {
      db: deps.db,
      answers: deps.answers,
      params: new RequestParams(values),
      user,
      requireUser: () => {
        if (!user)
          throw new UsosApiError(401, 'invalid_token', 'This method requires an Access Token (sign in).')
        return user
      },
      consumer: {
        key: verified?.consumer.key ?? '',
        administrative: verified?.consumer.administrative ?? false
      },
      scopes,
      now: deps.now,
      fields: (typeName, defaultSelector, opts = {}) => {
        const param = opts.param ?? 'fields'
        const selector = parseSelector(values.get(param) || defaultSelector, param)
        deps.registry.validate(typeName, selector, { param, listMethod: opts.listMethod ?? false, method })
        return selector
      },
      select: (typeName, entity, selector) => deps.registry.render(typeName, entity, selector, ctx)
    }
    return ctx
  }

  async function oauthEndpoint(
    name: string,
    req: IncomingMessage,
    res: ServerResponse,
    signed: { method: string; baseUrl: string; params: Array<[string, string]> },
    nowMs: number
  ): Promise<void> {
    const get = (k: string) => signed.params.find(([n]) => n === k)?.[1]
    if (name === 'oauth/request_token') {
      const v = verifyRequest(deps.db, signed, nowMs)
      if (!v)
        throw new UsosApiError(
          401,
          'invalid_consumer',
          'A signed request with your consumer key is required.'
        )
      const callback = v.oauth.get('oauth_callback')
      if (!callback) throw missing('oauth_callback')
      if (callback !== 'oob' && !/^https?:\/\//.test(callback))
        throw invalid('oauth_callback', 'must be "oob" or a URL.')
      const scopes = (get('scopes') ?? '').split('|').filter(Boolean)
      const t = issueRequestToken(deps.db, v.consumer.key, callback, scopes, nowMs)
      res.writeHead(200, { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' })
      res.end(
        `oauth_token=${encodeURIComponent(t.key)}&oauth_token_secret=${encodeURIComponent(t.secret)}&oauth_callback_confirmed=true`
      )
      return
    }
    if (name === 'oauth/access_token') {
      const v = verifyRequest(deps.db, signed, nowMs)
      if (!v?.token) throw new UsosApiError(401, 'invalid_token', 'A request token is required.')
      const verifier = v.oauth.get('oauth_verifier')
      if (!verifier) throw new UsosApiError(401, 'invalid_verifier', 'oauth_verifier is required.')
      const t = exchangeForAccessToken(deps.db, v.token, verifier, nowMs)
      res.writeHead(200, { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' })
      res.end(`oauth_token=${encodeURIComponent(t.key)}&oauth_token_secret=${encodeURIComponent(t.secret)}`)
      return
    }
    if (name === 'oauth/revoke_token') {
      const v = verifyRequest(deps.db, signed, nowMs)
      if (!v?.token || v.token.kind !== 'access')
        throw new UsosApiError(401, 'invalid_token', 'An access token is required.')
      revokeToken(deps.db, v.token.key)
      return sendJson(res, 200, {})
    }
    if (name === 'oauth/authorize') {
      const tokenKey = get('oauth_token') ?? ''
      const token = deps.db
        .prepare("SELECT callback FROM oauth_tokens WHERE key = ? AND kind = 'request' AND revoked = 0")
        .get(tokenKey) as { callback: string } | undefined
      if (!token) {
        res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(authorizePage(null))
        return
      }
      if (req.method !== 'POST') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(authorizePage(tokenKey))
        return
      }
      if (get('decision') !== 'grant') {
        // Denied: the request token is spent, as if it had never been issued.
        revokeToken(deps.db, tokenKey)
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(grantedPage(null))
        return
      }
      const role = (ROLES as string[]).includes(get('role') ?? '') ? (get('role') as DemoRole) : 'lecturer'
      const granted = authorizeRequestToken(deps.db, tokenKey, deps.demoUserIds[role], role)
      if (token.callback === 'oob') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(grantedPage(granted.verifier))
        return
      }
      const target = new URL(token.callback)
      target.searchParams.set('oauth_token', tokenKey)
      target.searchParams.set('oauth_verifier', granted.verifier as string)
      res.writeHead(302, { Location: target.toString() })
      res.end()
      return
    }
    sendJson(res, 404, { message: `Method services/${name} does not exist.`, error: 'method_not_found' })
  }

  return { server, stats }
}

export type { Json }
