/**
 * A loopback proxy in front of a (demo) installation that can fail on command: drop the
 * connection, never answer, or answer an HTTP error. Tests use it for a flaky or absent network.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { ApiHandlers } from '../../src/shared/api'
import type { DemoServer } from '../../src/emulator'
import type { DemoRole } from '../../src/emulator/framework/types'

export type Fault =
  'ok' | 'drop' | 'stall' | { status: number; error: string; message: string } | { delayMs: number }

export interface FaultyProxy {
  url: string
  close(): Promise<void>
}

export async function startFaultyProxy(
  targetBaseUrl: string,
  decide: (req: IncomingMessage) => Fault
): Promise<FaultyProxy> {
  const target = new URL(targetBaseUrl)
  const server: Server = createServer((req, res) => {
    const fault = decide(req)
    if (fault === 'drop') return req.socket.destroy()
    if (fault === 'stall') return // never answers
    if (typeof fault === 'object' && 'delayMs' in fault) {
      setTimeout(() => forwardTo(req, res), fault.delayMs)
      return
    }
    if (fault !== 'ok') {
      res.writeHead(fault.status, { 'Content-Type': 'application/json' })
      return res.end(JSON.stringify({ message: fault.message, error: fault.error }))
    }
    forwardTo(req, res)
  })
  const forwardTo = (req: IncomingMessage, res: ServerResponse) => {
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: req.headers.host }
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

/** Signs in to a demo server reached at `baseUrl` (e.g. through the proxy) as to any installation: PIN flow. */
export async function signInThrough(
  api: Pick<ApiHandlers, 'beginSignIn' | 'completeSignIn'>,
  upstream: Pick<DemoServer, 'consumerKey' | 'consumerSecret' | 'approve'>,
  baseUrl: string,
  role: DemoRole = 'lecturer'
): Promise<void> {
  const started = await api.beginSignIn({
    baseUrl,
    consumerKey: upstream.consumerKey,
    consumerSecret: upstream.consumerSecret,
    scopes: ['offline_access', 'staff_perspective'],
    flow: 'pin'
  })
  const pin = upstream.approve(new URL(started.authorizeUrl).searchParams.get('oauth_token') as string, role)
  await api.completeSignIn({ pendingId: started.pendingId, pin })
}
