/**
 * The web harness: the same API handlers as the desktop app, served over HTTP on 127.0.0.1 with a
 * random per-run token, plus the built renderer and a small shim that provides `window.api`. It
 * lets the real renderer run in a plain browser (Playwright's Chromium) against the real
 * main-process code. Run: `npm run web` (or `node out/main/web.js --data-dir DIR --port P`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { apiEventNames } from '../shared/api'
import type { ApiHandlers } from '../shared/api'
import type { AppEvents } from '../core/app/events'
import { createAppContext, type AppContext } from '../core/app/context'
import { inProcessDemo } from './demo'
import { OPTIONAL_MODULES, type OptionalModule } from '../emulator'
import { callApi, createApiHandlers } from './ipc'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { usosClientFactory } from '../core/usos'
import { processClock } from '../shared/clock'
import { startNotifications } from '../core/app/notifications'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
const MAX_BODY = 5 * 1024 * 1024

export interface WebHarnessOptions {
  handlers: ApiHandlers
  events: AppEvents
  rendererDir: string
  port?: number
  token?: string
}

export interface WebHarness {
  url: string
  token: string
  /** The address to open in a browser: the page reads its token from it. */
  pageUrl: string
  close(): Promise<void>
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  res.end(body)
}

class BodyTooLarge extends Error {}
/** Past this much, an oversized body is no longer read to the end: the connection is closed. */
const MAX_DRAIN = 8 * MAX_BODY

/**
 * The request body, at most MAX_BODY bytes; a larger one rejects with BodyTooLarge once the rest
 * has been read and dropped (so that the client reads the 413 instead of a reset).
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN)
    let size = 0
    let tooLarge = declared > MAX_BODY
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        tooLarge = true
        chunks.length = 0
      } else if (!tooLarge) chunks.push(chunk)
      if (size > MAX_DRAIN) {
        reject(new BodyTooLarge())
        req.pause()
      }
    })
    req.on('end', () =>
      tooLarge ? reject(new BodyTooLarge()) : resolveBody(Buffer.concat(chunks).toString('utf8'))
    )
    req.on('error', reject)
  })
}

export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererDir = resolve(options.rendererDir)
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`)
  }
  // The shim is the renderer build's `harness-shim` entry; it goes before the app's own script,
  // named by its content so that the browser may keep it as it keeps the hashed assets.
  const shimFile = join(rendererDir, 'harness-shim.js')
  const shimVersion = existsSync(shimFile)
    ? createHash('sha256').update(readFileSync(shimFile)).digest('hex').slice(0, 16)
    : null
  const index = readFileSync(indexFile, 'utf8').replace(
    '<head>',
    `<head>\n    <script type="module" src="./harness-shim.js${shimVersion ? `?v=${shimVersion}` : ''}"></script>`
  )
  let origin = ''
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, `harness error: ${error instanceof Error ? error.message : String(error)}`)
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this loopback origin may talk to us (guards against DNS rebinding and other sites).
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'wrong host')
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only')
      if (req.headers.origin !== undefined && req.headers.origin !== origin)
        return send(res, 403, 'foreign origin')
      if (!sameToken(req.headers['x-harness-token'] as string | undefined, token))
        return send(res, 401, 'bad token')
      const method = decodeURIComponent(url.pathname.slice('/api/'.length))
      let input: unknown
      try {
        const raw = await readBody(req)
        input = raw === '' ? {} : JSON.parse(raw)
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('Connection', 'close')
          send(res, 413, `request body over ${MAX_BODY} bytes`)
          res.on('finish', () => req.destroy())
          return
        }
        const envelope = {
          ok: false,
          error: { code: 'invalid_argument', message: 'The request body is not JSON.' }
        }
        return send(res, 200, JSON.stringify(envelope), 'application/json')
      }
      const envelope = await callApi(options.handlers, method, input)
      return send(res, 200, JSON.stringify(envelope), 'application/json')
    }
    if (url.pathname === '/events') {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, 'bad token')
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      const unsubscribe = options.events.subscribe((event, payload) => {
        if (apiEventNames.includes(event)) res.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
      })
      req.on('close', unsubscribe)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only')
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'Content-Type': MIME['.html'] as string,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store'
      })
      res.end(index)
      return
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)))
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'not found')
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      // The build names its assets by their content (index-<hash>.js): one never changes, so a
      // reload takes it from the browser's cache (with its compiled code) instead of asking again.
      ...(url.pathname.startsWith('/assets/') ||
      (url.pathname === '/harness-shim.js' &&
        shimVersion !== null &&
        url.searchParams.get('v') === shimVersion)
        ? { 'Cache-Control': 'public, max-age=31536000, immutable' }
        : {})
    })
    createReadStream(file).pipe(res)
  }

  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('harness did not get a port')
  origin = `http://127.0.0.1:${address.port}`
  return {
    url: origin,
    token,
    pageUrl: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

function demoScale(value: string | undefined): 'small' | 'medium' | 'large' {
  return value === 'small' || value === 'large' ? value : 'medium'
}

/** `--demo-without slips,exams`: an installation that does not run these modules. */
function demoWithout(value: string | undefined): OptionalModule[] {
  return (value ?? '')
    .split(',')
    .filter((m): m is OptionalModule => (OPTIONAL_MODULES as readonly string[]).includes(m))
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/**
 * `node out/main/web.js [--port P] [--data-dir D] [--demo-scale S] [--demo-without slips,exams] [--now ISO] [--no-reminders]`: prints one JSON line,
 * serves until stopped. `--now` (or OFFICE_HOURS_NOW) pins the clock of the handlers, the demo
 * installation and the page.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const here = dirname(fileURLToPath(import.meta.url))
  const dataDir = argValue(args, '--data-dir') ?? mkdtempSync(join(tmpdir(), 'office-hours-web-'))
  const pkg = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string }
  const now = processClock(process.env, argValue(args, '--now'))
  const ctx: AppContext = createAppContext({
    dataDir,
    shell: 'web',
    version: pkg.version,
    clientFactory: usosClientFactory,
    demo: inProcessDemo(dataDir, {
      scale: demoScale(argValue(args, '--demo-scale')),
      now,
      without: demoWithout(argValue(args, '--demo-without'))
    }),
    now
  })
  // No system notifications here: the page shows each as a toast. `--no-reminders`: none before
  // office hours (the end-to-end tests, which run on real days and times, would see one whenever a
  // demo date happened to start within the next minutes).
  const notifications = startNotifications(ctx, { reminders: !args.includes('--no-reminders') })
  const harness = await startWebHarness({
    handlers: createApiHandlers(ctx),
    events: ctx.events,
    rendererDir: join(here, '../renderer'),
    port: Number(argValue(args, '--port') ?? 0)
  })
  process.stdout.write(
    `${JSON.stringify({ url: harness.url, page_url: harness.pageUrl, token: harness.token, data_dir: dataDir })}\n`
  )
  const stop = () => {
    void harness.close().then(() => {
      notifications.stop()
      ctx.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
