/**
 * Drives the demo installation over real HTTP, signing with an HMAC-SHA1 signer written here
 * from RFC 5849 (node:crypto), independent of the app's client and of the server's verifier.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { startDemoServer, type AnswerStyle, type DemoServer } from '../../../src/emulator'
import { DEFAULT_ANSWER_STYLE } from '../../../src/emulator/framework/types'
import type { DemoRole, EmulatorModule, Scale } from '../../../src/emulator/framework/types'

export const ALL_SCOPES = ['offline_access', 'staff_perspective', 'studies', 'slips', 'slips_admin', 'email']

export interface TestInstallation {
  server: DemoServer
  baseUrl: string
  tokenFor(role: DemoRole, scopes?: string[]): Promise<{ token: string; secret: string }>
  call(
    method: string,
    params?: Record<string, string>,
    opts?: { as?: DemoRole | null; admin?: boolean; scopes?: string[]; httpMethod?: 'GET' | 'POST' }
  ): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

const pct = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** RFC 5849 §3.4: the signature over method, URL and every parameter (oauth_ ones included). */
export function sign(
  httpMethod: string,
  url: string,
  params: Array<[string, string]>,
  consumerSecret: string,
  tokenSecret = ''
): string {
  const norm = params
    .map(([k, v]) => [pct(k), pct(v)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const base = `${httpMethod}&${pct(url)}&${pct(norm)}`
  return createHmac('sha1', `${pct(consumerSecret)}&${pct(tokenSecret)}`)
    .update(base)
    .digest('base64')
}

export function oauthParams(
  consumerKey: string,
  token?: string,
  extra: Record<string, string> = {}
): Array<[string, string]> {
  return [
    ['oauth_consumer_key', consumerKey],
    ['oauth_nonce', randomBytes(12).toString('hex')],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', String(Math.floor(Date.now() / 1000))],
    ['oauth_version', '1.0'],
    ...(token ? ([['oauth_token', token]] as Array<[string, string]>) : []),
    ...Object.entries(extra)
  ]
}

/** A signed request; answers status and the raw text. */
export async function signedFetch(
  url: string,
  params: Array<[string, string]>,
  consumer: { key: string; secret: string },
  token: { token: string; secret: string } | null,
  opts: { httpMethod?: 'GET' | 'POST'; extraOAuth?: Record<string, string> } = {}
): Promise<{ status: number; text: string; headers: Headers }> {
  const httpMethod = opts.httpMethod ?? 'POST'
  const all = [...params, ...oauthParams(consumer.key, token?.token, opts.extraOAuth)]
  all.push(['oauth_signature', sign(httpMethod, url, all, consumer.secret, token?.secret)])
  const body = new URLSearchParams(all).toString()
  const res =
    httpMethod === 'GET'
      ? await fetch(`${url}?${body}`, { redirect: 'manual' })
      : await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
          redirect: 'manual'
        })
  return { status: res.status, text: await res.text(), headers: res.headers }
}

export async function startTestInstallation(
  opts: {
    scale?: Scale
    seed?: number
    referenceDate?: string
    dataDir?: string | null
    /** Framework tests: the installation with these modules instead of the real ones. */
    modules?: EmulatorModule[]
    host?: string
    now?: () => Date
    answers?: Partial<AnswerStyle>
  } = {}
): Promise<TestInstallation> {
  const server = await startDemoServer({
    scale: opts.scale ?? 'small',
    seed: opts.seed ?? 7,
    dataDir: opts.dataDir ?? null,
    ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
    ...(opts.modules ? { modules: opts.modules } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    // The installation's own tests assert its documented default answers unless they ask otherwise
    // (OFFICE_HOURS_DEMO_ANSWERS, which CI sets for a run of the app's tests, does not reach them).
    answers: { ...DEFAULT_ANSWER_STYLE, ...opts.answers }
  })
  const consumer = { key: server.consumerKey, secret: server.consumerSecret }
  const admin = { key: server.adminConsumerKey, secret: server.adminConsumerSecret }
  const cache = new Map<string, Promise<{ token: string; secret: string }>>()

  async function flow(role: DemoRole, scopes: string[], c: { key: string; secret: string }) {
    const rt = await signedFetch(
      `${server.baseUrl}services/oauth/request_token`,
      [['scopes', scopes.join('|')]],
      c,
      null,
      {
        extraOAuth: { oauth_callback: 'oob' }
      }
    )
    if (rt.status !== 200) throw new Error(`request_token: ${rt.status} ${rt.text}`)
    const r = new URLSearchParams(rt.text)
    const page = await fetch(
      `${server.baseUrl}services/oauth/authorize?oauth_token=${encodeURIComponent(r.get('oauth_token')!)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ oauth_token: r.get('oauth_token')!, role, decision: 'grant' }).toString()
      }
    )
    const pin = /id="oauth-verifier">([^<]+)</.exec(await page.text())?.[1]
    if (!pin) throw new Error('no PIN on the authorize page')
    const at = await signedFetch(
      `${server.baseUrl}services/oauth/access_token`,
      [],
      c,
      { token: r.get('oauth_token')!, secret: r.get('oauth_token_secret')! },
      { extraOAuth: { oauth_verifier: pin } }
    )
    if (at.status !== 200) throw new Error(`access_token: ${at.status} ${at.text}`)
    const a = new URLSearchParams(at.text)
    return { token: a.get('oauth_token')!, secret: a.get('oauth_token_secret')! }
  }

  const tokenFor = (role: DemoRole, scopes = ALL_SCOPES, admin_ = false) => {
    const key = `${role}|${scopes.join('|')}|${admin_}`
    let t = cache.get(key)
    if (!t) {
      t = flow(role, scopes, admin_ ? admin : consumer)
      cache.set(key, t)
    }
    return t
  }

  return {
    server,
    baseUrl: server.baseUrl,
    tokenFor: (role, scopes) => tokenFor(role, scopes),
    async call(method, params = {}, opts = {}) {
      const as = opts.as === undefined ? 'lecturer' : opts.as
      const c = opts.admin ? admin : consumer
      const token = as === null ? null : await tokenFor(as, opts.scopes ?? ALL_SCOPES, opts.admin ?? false)
      const r = await signedFetch(`${server.baseUrl}services/${method}`, Object.entries(params), c, token, {
        ...(opts.httpMethod ? { httpMethod: opts.httpMethod } : {})
      })
      let body: unknown = r.text
      try {
        body = JSON.parse(r.text)
      } catch {
        // not JSON: the raw text stays, for the test to see
      }
      return { status: r.status, body }
    },
    close: () => server.close()
  }
}
