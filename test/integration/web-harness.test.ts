import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../src/core/app/context'
import { createApiHandlers } from '../../src/main/ipc'
import { startWebHarness, type WebHarness } from '../../src/main/web'
import { usosClientFactory } from '../../src/core/usos'

let ctx: AppContext
let harness: WebHarness

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'office-hours-harness-'))
  const renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<html><head><title>t</title></head><body></body></html>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(renderer, 'harness-shim.js'), 'console.log(2)')
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer')
  ctx = createAppContext({
    dataDir: join(root, 'profile'),
    shell: 'web',
    version: '1.0.0',
    clientFactory: usosClientFactory
  })
  harness = await startWebHarness({
    handlers: createApiHandlers(ctx),
    events: ctx.events,
    rendererDir: renderer
  })
})
afterAll(async () => {
  await harness.close()
  ctx.close()
})

/** Raw HTTP, so that the Host header and paths go out exactly as written. */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(harness.url)
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: init.headers },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        }
      )
      req.on('error', reject)
      req.end(init.body)
    }
  )
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'X-Harness-Token': harness.token, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })

describe('web harness', () => {
  it('serves the page with the shim before the app and a CSP header', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(page.body.indexOf('harness-shim.js')).toBeGreaterThan(-1)
    expect(page.body.indexOf('harness-shim.js')).toBeLessThan(page.body.indexOf('<title>'))
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await raw('/assets/app.js')).status).toBe(200)
  })

  it('lets the browser keep what the build names by its content, never the page', async () => {
    const page = await raw('/')
    expect(String(page.headers['cache-control'])).toBe('no-store')
    const immutable = 'public, max-age=31536000, immutable'
    expect((await raw('/assets/app.js')).headers['cache-control']).toBe(immutable)
    // The shim keeps its own name: the page asks for it by a version made from its content.
    const shim = /src="\.\/(harness-shim\.js\?v=[0-9a-f]{16})"/.exec(page.body)?.[1]
    expect(shim).toBeDefined()
    const kept = await raw(`/${shim}`)
    expect(kept.body).toBe('console.log(2)')
    expect(kept.headers['cache-control']).toBe(immutable)
    expect((await raw('/harness-shim.js?v=0000000000000000')).headers['cache-control']).toBeUndefined()
    expect((await raw('/harness-shim.js')).headers['cache-control']).toBeUndefined()
  })

  it('runs the real handlers with the token, and refuses without it', async () => {
    const ok = await api('updateSettings', { language: 'en' })
    expect(JSON.parse(ok.body)).toEqual({
      ok: true,
      value: {
        language: 'en',
        theme: 'system',
        autoExportIcsPath: null,
        autoSyncMinutes: 10,
        icsAlarmMinutes: null,
        notifySignUps: true,
        notifyPromotions: true,
        reminderMinutes: 15
      }
    })
    expect(ctx.settings.get().language).toBe('en')
    expect((await api('getSettings', {}, { 'X-Harness-Token': 'wrong' })).status).toBe(401)
    expect(
      (await raw('/api/getSettings', { method: 'GET', headers: { 'X-Harness-Token': harness.token } })).status
    ).toBe(405)
  })

  it('refuses foreign hosts and origins (DNS rebinding, other sites)', async () => {
    expect((await raw('/', { headers: { Host: 'evil.example' } })).status).toBe(421)
    expect((await api('getSettings', {}, { Origin: 'https://evil.example' })).status).toBe(403)
  })

  it('answers a body that is not JSON with the one error shape', async () => {
    const res = await raw('/api/getSettings', {
      method: 'POST',
      headers: { 'X-Harness-Token': harness.token },
      body: '{not json'
    })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw(path)
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('outside the renderer')
    }
  })

  it('streams pushed events to a client with the token', async () => {
    const url = new URL(harness.url)
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: `/events?token=${harness.token}` },
        (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString()
            if (text.includes('connected') && !text.includes('data:'))
              void api('updateSettings', { theme: 'dark' })
            if (text.includes('data:')) {
              req.destroy()
              resolve(text)
            }
          })
        }
      )
      req.on('error', reject)
      req.end()
    })
    const data = received.split('\n').find((l) => l.startsWith('data:')) as string
    expect(JSON.parse(data.slice(5))).toEqual({
      event: 'settingsChanged',
      payload: {
        language: 'en',
        theme: 'dark',
        autoExportIcsPath: null,
        autoSyncMinutes: 10,
        icsAlarmMinutes: null,
        notifySignUps: true,
        notifyPromotions: true,
        reminderMinutes: 15
      }
    })
  })
})
