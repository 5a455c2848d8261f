/**
 * Finding 8: profile files 0600 and folders 0700 whatever the umask; the consumer secret from
 * standard input or OFFICE_HOURS_CONSUMER_SECRET instead of argv; 413 for an oversized harness
 * body; clear one-line messages for `--number -5` and a data-dir path with a newline.
 */
import { chmodSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mirrorFile, profileFile } from '../../src/core/app/paths'
import { createApiHandlers } from '../../src/main/ipc'
import { startWebHarness } from '../../src/main/web'
import { startDemoServer, type DemoServer } from '../../src/emulator'
import { cli, signedInContext, tempDir } from './helpers'

const mode = (path: string) => statSync(path).mode & 0o777
const posix = process.platform !== 'win32'

describe('finding 8: permissions whatever the umask', () => {
  it.runIf(posix)('under umask 000 the profile is 0700 and its databases (and -wal) 0600', () => {
    const previous = process.umask(0)
    try {
      const dir = join(tempDir(), 'profile')
      const ctx = signedInContext(dir)
      ctx.mirrors.get('acc1').prepare("INSERT INTO sync_state (key, value) VALUES ('k', 'v')").run()
      const files = [
        profileFile(dir),
        `${profileFile(dir)}-wal`,
        mirrorFile(dir, 'acc1'),
        `${mirrorFile(dir, 'acc1')}-wal`
      ]
      for (const f of [...files, join(dir, 'secrets.json'), join(dir, 'secret.key')])
        expect(mode(f).toString(8), f).toBe('600')
      for (const d of [dir, join(dir, 'accounts'), join(dir, 'accounts', 'acc1')])
        expect(mode(d).toString(8), d).toBe('700')
      ctx.close()
    } finally {
      process.umask(previous)
    }
  })

  it.runIf(posix)('files and account folders left 0644/0755 by an older version are narrowed on open', () => {
    const dir = tempDir()
    const first = signedInContext(dir)
    first.mirrors.get('acc1')
    first.close()
    chmodSync(mirrorFile(dir, 'acc1'), 0o644)
    chmodSync(profileFile(dir), 0o644)
    chmodSync(join(dir, 'accounts', 'acc1'), 0o755)
    const ctx = signedInContext(dir)
    ctx.mirrors.get('acc1')
    expect(mode(mirrorFile(dir, 'acc1')).toString(8)).toBe('600')
    expect(mode(profileFile(dir)).toString(8)).toBe('600')
    expect(mode(join(dir, 'accounts', 'acc1')).toString(8)).toBe('700')
    ctx.close()
  })
})

describe('finding 8: the consumer secret without argv', () => {
  let server: DemoServer
  beforeAll(async () => {
    server = await startDemoServer({ scale: 'small', seed: 3 })
  }, 60_000)
  afterAll(() => server.close())

  /** The PIN as a person would read it from the demo's authorize page. */
  const pinFrom = (out: () => string) => async () => {
    const url = out().split('\n')[0] as string
    const token = new URL(url).searchParams.get('oauth_token') as string
    const page = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_token: token, role: 'lecturer', decision: 'grant' }).toString()
    })
    return /id="oauth-verifier">([^<]+)</.exec(await page.text())?.[1] ?? null
  }

  async function login(extra: string[], secretLine?: string) {
    let out = ''
    const { runCli } = await import('../../src/cli')
    let err = ''
    const lines: Array<string | (() => Promise<string | null>)> = secretLine !== undefined ? [secretLine] : []
    lines.push(pinFrom(() => out))
    const code = await runCli(
      [
        'login',
        '--base-url',
        server.baseUrl,
        '--consumer-key',
        server.consumerKey,
        '--data-dir',
        tempDir(),
        ...extra
      ],
      {
        out: (t) => (out += t),
        err: (t) => (err += t),
        readLine: async () => {
          const next = lines.shift()
          return next === undefined ? null : typeof next === 'string' ? next : next()
        }
      }
    )
    return { code, out, err }
  }

  it('reads it from the first line of standard input with --consumer-secret-stdin', async () => {
    const r = await login(['--consumer-secret-stdin'], server.consumerSecret)
    expect(r.code, r.err).toBe(0)
    expect(r.out.split('\n')[1]).toBe('Zofia Żółkiewska')
  })

  it('reads it from OFFICE_HOURS_CONSUMER_SECRET', async () => {
    process.env.OFFICE_HOURS_CONSUMER_SECRET = server.consumerSecret
    try {
      const r = await login([])
      expect(r.code, r.err).toBe(0)
      expect(r.out.split('\n')[1]).toBe('Zofia Żółkiewska')
    } finally {
      delete process.env.OFFICE_HOURS_CONSUMER_SECRET
    }
  })

  it('without any secret says where to give it, in one line', async () => {
    const r = await cli([
      'login',
      '--base-url',
      server.baseUrl,
      '--consumer-key',
      'k',
      '--data-dir',
      tempDir()
    ])
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/OFFICE_HOURS_CONSUMER_SECRET.*--consumer-secret-stdin/)
  })
})

describe('finding 8: harness body size, negative numbers, odd paths', () => {
  it('an API body over 5 MB gets HTTP 413, not a reset, and the harness keeps serving', async () => {
    const rendererDir = tempDir()
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
    const ctx = signedInContext(tempDir())
    const harness = await startWebHarness({
      handlers: createApiHandlers(ctx),
      events: ctx.events,
      rendererDir
    })
    const post = (size: number, chunked: boolean) =>
      new Promise<number>((resolve, reject) => {
        const body = Buffer.alloc(size, 0x20)
        const req = request(
          `${harness.url}/api/getAppInfo`,
          {
            method: 'POST',
            headers: {
              'x-harness-token': harness.token,
              'Content-Type': 'application/json',
              ...(chunked ? {} : { 'Content-Length': String(size) })
            }
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          }
        )
        req.on('error', reject)
        if (chunked) for (let i = 0; i < size; i += 1 << 20) req.write(body.subarray(i, i + (1 << 20)))
        else req.write(body)
        req.end()
      })
    try {
      expect(await post(6 * 1024 * 1024, false)).toBe(413)
      expect(await post(6 * 1024 * 1024, true)).toBe(413)
      expect(await post(2, false)).toBe(200)
    } finally {
      await harness.close()
      ctx.close()
    }
  })

  it('--number -5 says what is wrong with the number', async () => {
    const r = await cli([
      'generate',
      '--start-date',
      '2026-10-01',
      '--end-date',
      '2027-01-31',
      '--number',
      '-5',
      '--frequency',
      'weekly'
    ])
    expect(r.code).toBe(2)
    expect(r.err.trim()).toBe('office-hours generate: --number must be from 1 to 5000, got -5')
  })

  it('a data-dir with a newline is one clear line, the path shown escaped', async () => {
    const odd = `${tempDir()}/a\nb`
    const r = await cli(['calendar', '--from', '2026-01-01', '--to', '2026-01-31', '--data-dir', odd])
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/--data-dir must not contain a newline/)
    expect(r.err).toContain('/a\\nb"')
  })
})
