import { mkdtempSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli'
import type { CliIo } from '../../src/cli/io'
import type { ClientFactory, SignInClient } from '../../src/core/accounts/types'
import { createAppContext, type AppContext, type AppContextOptions } from '../../src/core/app/context'

export const tempDir = (prefix = 'reliability-') => mkdtempSync(join(tmpdir(), prefix))

/** Runs one command line in-process; `lines` answer standard input one by one. */
export async function cli(
  argv: string[],
  lines: Array<string | (() => Promise<string | null>)> = [],
  onOut: (text: string) => void = () => {}
) {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (t) => {
      out += t
      onOut(t)
    },
    err: (t) => (err += t),
    readLine: async () => {
      const next = lines.shift()
      return next === undefined ? null : typeof next === 'string' ? next : next()
    }
  }
  const code = await runCli(argv, io)
  return { code, out, err }
}

/** A client that cannot reach USOS (every call a network failure); revoke waits for `revokeGate`. */
export function offlineFactory(revokeGate: Promise<void> = Promise.resolve()): ClientFactory {
  const client: SignInClient = {
    requestToken: () => Promise.reject(new Error('offline')),
    accessToken: () => Promise.reject(new Error('offline')),
    withToken: () => client,
    call: () =>
      Promise.reject(Object.assign(new Error('USOS is out of reach (ECONNREFUSED).'), { kind: 'network' })),
    revokeToken: () => revokeGate
  }
  return () => client
}

/** An app context on `dataDir` with one signed-in account `acc1` (userId 7) at `baseUrl`. */
export function signedInContext(
  dataDir: string,
  options: Partial<AppContextOptions> & { baseUrl?: string } = {}
): AppContext {
  const ctx = createAppContext({
    dataDir,
    shell: 'cli',
    version: '0',
    clientFactory: options.clientFactory ?? offlineFactory(),
    ...options
  })
  if (!ctx.accounts.repo.get('acc1')) {
    ctx.accounts.repo.upsert({
      id: 'acc1',
      baseUrl: options.baseUrl ?? 'https://usos.example.edu.pl/',
      institutionName: null,
      consumerKey: 'ck-public',
      userId: '7',
      firstName: 'Zofia',
      lastName: 'Żółkiewska',
      scopes: [],
      isDemo: false,
      needsSignIn: false,
      createdAt: '2026-11-01T00:00:00Z'
    })
    ctx.secrets.set('acc1', {
      consumerSecret: 'consumer-secret-0123456789',
      token: { key: 'TOKENKEY-abcdef123456', secret: 'tokensecret-0123456789' }
    })
    ctx.accounts.setActive('acc1')
  }
  return ctx
}

/** A small HTTP server on 127.0.0.1 answering with `handler`. */
export async function localServer(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => handler(req, res, body))
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
