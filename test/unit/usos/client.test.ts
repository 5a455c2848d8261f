import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { UsosClient, UsosError } from '../../../src/core/usos'

type Handler = (req: IncomingMessage, body: URLSearchParams, res: ServerResponse) => void
const servers: Array<{ close(): void }> = []
afterEach(() => {
  for (const s of servers.splice(0)) s.close()
})

/** A local stand-in for an installation; records each request's parameters. */
async function fakeInstallation(handler: Handler) {
  const seen: URLSearchParams[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString()))
    req.on('end', () => {
      const body = new URLSearchParams(req.method === 'GET' ? ((req.url ?? '').split('?')[1] ?? '') : raw)
      seen.push(body)
      handler(req, body, res)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  servers.push({ close: () => server.close() })
  const port = (server.address() as { port: number }).port
  return { baseUrl: `http://127.0.0.1:${port}/`, seen }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

const consumer = { key: 'ck', secret: 'consumer-secret-XYZ' }
const token = { key: 'tk', secret: 'token-secret-ABC' }
const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof UsosClient>[0]> = {}) =>
  new UsosClient({ baseUrl, consumer, token, backoffMs: 1, ...extra })

async function failure(p: Promise<unknown>): Promise<UsosError> {
  try {
    await p
  } catch (e) {
    if (e instanceof UsosError) return e
    throw e
  }
  throw new Error('expected a UsosError')
}

describe('UsosClient', () => {
  it('signs each call freshly, sends lists pipe-joined and booleans as words', async () => {
    const inst = await fakeInstallation((_req, _b, res) => json(res, 200, { ok: true }))
    const c = client(inst.baseUrl)
    await c.call('meetings/lecturer', { ids: [1, 2, 3], open: true, skip: undefined })
    await c.call('services/meetings/lecturer')
    const [a, b] = inst.seen
    expect(a?.get('ids')).toBe('1|2|3')
    expect(a?.get('open')).toBe('true')
    expect(a?.has('skip')).toBe(false)
    expect(a?.get('format')).toBe('json')
    expect(a?.get('oauth_token')).toBe('tk')
    expect(a?.get('oauth_signature_method')).toBe('HMAC-SHA1')
    expect(a?.get('oauth_nonce')).not.toBe(b?.get('oauth_nonce'))
  })

  it('retries 5xx and network failures with backoff, never 4xx', async () => {
    let n = 0
    const inst = await fakeInstallation((_req, _b, res) =>
      ++n < 3 ? json(res, 503, { message: 'busy' }) : json(res, 200, [1])
    )
    const attempts: number[] = []
    const c = client(inst.baseUrl, { onRequest: (i) => attempts.push(i.attempt) })
    expect(await c.call('meetings/lecturer')).toEqual([1])
    expect(attempts).toEqual([1, 2, 3])
    const nonces = inst.seen.map((s) => s.get('oauth_nonce'))
    expect(new Set(nonces).size).toBe(3)

    let m = 0
    const four = await fakeInstallation((_req, _b, res) => {
      m++
      json(res, 400, { message: 'Missing', error: 'param_missing', param_name: 'meeting_id' })
    })
    const e = await failure(client(four.baseUrl).call('meetings/meeting'))
    expect(m).toBe(1)
    expect(e).toMatchObject({
      kind: 'usos',
      code: 'usos_error',
      usosCode: 'param_missing',
      paramName: 'meeting_id',
      status: 400
    })

    const dead = client('http://127.0.0.1:9/', { retries: 2 })
    expect((await failure(dead.call('meetings/lecturer'))).kind).toBe('network')
  })

  it('maps each error family', async () => {
    const inst = await fakeInstallation((req, _b, res) => {
      const m = (req.url ?? '').split('?')[0] ?? ''
      if (m.endsWith('a')) json(res, 401, { message: 'Invalid token', error: 'invalid_token' })
      else if (m.endsWith('b'))
        json(res, 403, { message: 'Need scopes', error: 'method_forbidden', missing_scopes: ['slips'] })
      else if (m.endsWith('c')) json(res, 404, { message: 'No such method' })
      else if (m.endsWith('d'))
        json(res, 400, {
          message: 'Already',
          error: 'meeting_subscription_exception',
          reasons: ['user_already_accepted']
        })
      else
        json(res, 200, {
          success: false,
          user_messages: {
            generic_message: { pl: 'Popraw pola', en: 'Fix the fields' },
            fields: { question: { pl: 'Za długie', en: 'Too long' } }
          }
        })
    })
    const c = client(inst.baseUrl, { retries: 0 })
    expect(await failure(c.call('x/a'))).toMatchObject({ kind: 'unauthorized', code: 'not_signed_in' })
    expect(await failure(c.call('x/b'))).toMatchObject({ kind: 'forbidden', missingScopes: ['slips'] })
    expect(await failure(c.call('x/c'))).toMatchObject({ kind: 'not_found' })
    expect(await failure(c.call('x/d'))).toMatchObject({ kind: 'usos', reasons: ['user_already_accepted'] })
    const v = await failure(c.call('slips/add_question'))
    expect(v.kind).toBe('validation')
    expect(v.message).toBe('Fix the fields')
    expect(v.userMessages?.fields.question).toEqual({ pl: 'Za długie', en: 'Too long' })
  })

  it('turns bad answers into typed errors, never crashes', async () => {
    const bodies: Array<[number, string, string]> = [
      [200, '{"truncated": [1, 2', 'application/json'],
      [200, '<html><body>Maintenance</body></html>', 'text/html'],
      [502, '<!doctype html><h1>Bad gateway</h1>', 'text/html'],
      [200, '', 'application/json']
    ]
    let i = 0
    const inst = await fakeInstallation((_req, _b, res) => {
      const [status, body, type] = bodies[i++ % bodies.length] as [number, string, string]
      res.writeHead(status, { 'Content-Type': type })
      res.end(body)
    })
    const c = client(inst.baseUrl, { retries: 0 })
    const kinds = []
    for (let k = 0; k < bodies.length; k++) kinds.push((await failure(c.call('meetings/lecturer'))).kind)
    expect(kinds).toEqual(['bad_response', 'bad_response', 'server', 'bad_response'])
  })

  it('times out; a timed-out write is an unknown outcome and is not retried', async () => {
    let calls = 0
    const inst = await fakeInstallation(() => {
      calls++ // never answers
    })
    const c = client(inst.baseUrl, { timeoutMs: 50, retries: 2 })
    expect((await failure(c.call('meetings/lecturer'))).kind).toBe('timeout')
    expect(calls).toBe(3)
    calls = 0
    expect((await failure(c.call('meetings/accept_participant', { participant_id: 1 }))).kind).toBe(
      'unknown_outcome'
    )
    expect(calls).toBe(1)
  })

  it('cancels', async () => {
    const inst = await fakeInstallation(() => {})
    const controller = new AbortController()
    const pending = client(inst.baseUrl).call('meetings/lecturer', {}, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    expect((await failure(pending)).kind).toBe('cancelled')
  })

  it('splits multi-id calls into batches, merges them, and keeps nulls', async () => {
    const inst = await fakeInstallation((_req, body, res) => {
      const ids = (body.get('meeting_date_ids') ?? '').split('|')
      json(res, 200, Object.fromEntries(ids.map((id) => [id, Number(id) % 2 ? { id } : null])))
    })
    const merged = await client(inst.baseUrl).callMulti(
      'meetings/meeting_dates',
      'meeting_date_ids',
      [1, 2, 3, 4, 5, 5],
      {},
      { batchSize: 2 }
    )
    expect(merged).toEqual({ '1': { id: '1' }, '2': null, '3': { id: '3' }, '4': null, '5': { id: '5' } })
    expect(inst.seen).toHaveLength(3)
  })

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0
    let peak = 0
    const inst = await fakeInstallation((_req, _b, res) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      setTimeout(() => {
        inFlight--
        json(res, 200, {})
      }, 20)
    })
    const c = client(inst.baseUrl, { concurrency: 3 })
    await Promise.all(Array.from({ length: 12 }, () => c.call('meetings/lecturer')))
    expect(peak).toBe(3)
  })

  it('corrects its clock when the server says it is far off', async () => {
    const serverNow = Date.parse('2030-01-01T00:00:00Z')
    const inst = await fakeInstallation((_req, _b, res) =>
      json(res, 200, {}, { Date: new Date(serverNow).toUTCString() })
    )
    const c = client(inst.baseUrl)
    await c.call('a/b')
    expect(Math.abs(c.clockSkewMs() - (serverNow - Date.now()))).toBeLessThan(5000)
    await c.call('a/b')
    expect(Number(inst.seen[1]?.get('oauth_timestamp'))).toBeGreaterThan(serverNow / 1000 - 10)
  })

  it('runs the three OAuth legs and never leaks secrets into errors', async () => {
    const inst = await fakeInstallation((req, body, res) => {
      const path = (req.url ?? '').split('?')[0] ?? ''
      if (path.endsWith('request_token')) {
        expect(body.get('oauth_callback')).toBe('oob')
        expect(body.get('scopes')).toBe('studies|offline_access')
        res.end('oauth_token=rt&oauth_token_secret=rts&oauth_callback_confirmed=true')
      } else if (path.endsWith('access_token')) {
        expect(body.get('oauth_verifier')).toBe('12345')
        expect(body.get('oauth_token')).toBe('rt')
        res.end('oauth_token=at&oauth_token_secret=ats')
      } else json(res, 500, { message: 'boom' })
    })
    const c = new UsosClient({ baseUrl: inst.baseUrl, consumer, backoffMs: 1, retries: 0 })
    const rt = await c.requestToken('oob', ['studies', 'offline_access'])
    expect(rt.authorizeUrl).toBe(`${inst.baseUrl}services/oauth/authorize?oauth_token=rt`)
    expect(await c.accessToken(rt, '12345')).toEqual({ key: 'at', secret: 'ats' })
    const e = await failure(c.withToken(token).call('meetings/lecturer'))
    const dump = JSON.stringify({ e, message: e.message, details: e.details, stack: e.stack })
    for (const secret of [consumer.secret, token.secret, 'oauth_signature'])
      expect(dump).not.toContain(secret)
  })
})
