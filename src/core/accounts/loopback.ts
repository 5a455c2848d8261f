import { createServer, type Server } from 'node:http'

/**
 * The loopback-callback flow: a one-shot HTTP server on 127.0.0.1 that USOS's authorize page
 * redirects the browser to with `oauth_token` and `oauth_verifier`. It answers a plain page
 * (the browser tab can be closed) and hands the verifier over; it closes after one use or a timeout.
 */
export interface LoopbackCallback {
  url: string
  /** Resolves with the token and verifier the browser brought back. */
  result: Promise<{ token: string; verifier: string }>
  close(): void
}

const PAGE = (
  ok: boolean
) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>USOS Office Hours</title>
<body style="font-family: system-ui; margin: 3rem"><h1>${ok ? 'Signed in' : 'Sign-in failed'}</h1>
<p>${ok ? 'You can close this tab and return to USOS Office Hours.' : 'The address lacked the verifier. Start the sign-in again from the app.'}</p></body></html>`

export async function startLoopbackCallback(timeoutMs = 10 * 60 * 1000): Promise<LoopbackCallback> {
  let settle!: { resolve: (v: { token: string; verifier: string }) => void; reject: (e: Error) => void }
  const result = new Promise<{ token: string; verifier: string }>(
    (resolve, reject) => (settle = { resolve, reject })
  )
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/callback') {
      res.writeHead(404).end()
      return
    }
    const token = url.searchParams.get('oauth_token')
    const verifier = url.searchParams.get('oauth_verifier')
    const ok = Boolean(token && verifier)
    res.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(PAGE(ok))
    if (ok) {
      settle.resolve({ token: token as string, verifier: verifier as string })
      close()
    }
  })
  const timer = setTimeout(() => {
    settle.reject(new Error('The sign-in in the browser was not finished in time.'))
    close()
  }, timeoutMs)
  timer.unref()
  function close() {
    clearTimeout(timer)
    server.close()
  }
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port for the sign-in callback')
  result.catch(() => {})
  return { url: `http://127.0.0.1:${address.port}/callback`, result, close }
}
