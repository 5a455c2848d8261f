/**
 * A local stand-in for a USOS installation (node:http on 127.0.0.1, a random port): each test
 * scripts its answers. Every request is recorded with its parameters from the query, the form body
 * and the Authorization header, and its OAuth signature is checked with an RFC 5849 implementation
 * written here (node:crypto), independent of the client's signer.
 */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Seen {
  method: string
  httpMethod: string
  params: URLSearchParams
  /** Parameters from the Authorization header. */
  oauth: Map<string, string>
  authorization: string | null
  contentType: string | null
  rawBody: string
  url: string
  at: number
}

export type Handler = (seen: Seen, res: ServerResponse, req?: IncomingMessage) => unknown

const pct = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function parseAuthorization(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (!header?.startsWith('OAuth ')) return out
  for (const m of header.slice(6).matchAll(/([\w%.-]+)="([^"]*)"/g)) {
    out.set(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!))
  }
  return out
}

/** Checks the request's signature against the given secrets (RFC 5849 §3.4, HMAC-SHA1). */
export function verifySignature(seen: Seen, consumerSecret: string, tokenSecret: string): boolean {
  const all: Array<[string, string]> = [...seen.params.entries(), ...seen.oauth.entries()]
  const signature = all.find(([k]) => k === 'oauth_signature')?.[1]
  const norm = all
    .filter(([k]) => k !== 'oauth_signature' && k !== 'realm')
    .map(([k, v]) => [pct(k), pct(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const base = `${seen.httpMethod}&${pct(seen.url.split('?')[0]!)}&${pct(norm)}`
  const expected = createHmac('sha1', `${pct(consumerSecret)}&${pct(tokenSecret)}`)
    .update(base)
    .digest('base64')
  return signature === expected
}

export function oauthParam(seen: Seen, name: string): string | undefined {
  return seen.oauth.get(name) ?? seen.params.get(name) ?? undefined
}

export interface FakeInstallation {
  baseUrl: string
  seen: Seen[]
  /** Requests that arrived for one method. */
  calls(method: string): Seen[]
  close(): Promise<void>
}

export async function fakeInstallation(handler: Handler): Promise<FakeInstallation> {
  const seen: Seen[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString()))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
      const params = new URLSearchParams(url.search)
      const contentType = req.headers['content-type'] ?? null
      if (/application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
        for (const [k, v] of new URLSearchParams(raw)) params.append(k, v)
      }
      const s: Seen = {
        method: url.pathname.replace(/^\/services\//, ''),
        httpMethod: req.method ?? 'GET',
        params,
        oauth: parseAuthorization(req.headers.authorization),
        authorization: req.headers.authorization ?? null,
        contentType,
        rawBody: raw,
        url: `http://${req.headers.host}${url.pathname}`,
        at: Date.now()
      }
      seen.push(s)
      Promise.resolve()
        .then(() => handler(s, res, req))
        .catch((e: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' })
          res.end(String(e))
        })
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    seen,
    calls: (method) => seen.filter((s) => s.method === method),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
