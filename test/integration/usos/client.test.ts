import { afterEach, describe, expect, it } from 'vitest'
import {
  f,
  fields,
  UsosClient,
  UsosError,
  type RequestInfo,
  type UsosClientOptions
} from '../../../src/core/usos'
import {
  closedPort,
  fakeInstallation,
  json,
  oauthParam,
  verifySignature,
  type FakeInstallation,
  type Handler
} from './fake-installation'

const consumer = { key: 'ck', secret: 'consumer-secret-XYZ' }
const token = { key: 'tk', secret: 'token-secret-ABC' }

const open: FakeInstallation[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function installation(handler: Handler): Promise<FakeInstallation> {
  const inst = await fakeInstallation(handler)
  open.push(inst)
  return inst
}

const client = (baseUrl: string, extra: Partial<UsosClientOptions> = {}) =>
  new UsosClient({ baseUrl, consumer, token, backoffMs: 1, oauthIn: 'header', ...extra })

async function failure(p: Promise<unknown>): Promise<UsosError> {
  try {
    await p
  } catch (e) {
    if (e instanceof UsosError) return e
    throw e
  }
  throw new Error('expected a UsosError')
}

const ok: Handler = (_s, res) => json(res, 200, { ok: true })

describe('requests', () => {
  it('POSTs a form body, lists pipe-joined, booleans as words, format=json, signed in the Authorization header', async () => {
    const inst = await installation(ok)
    const c = client(inst.baseUrl)
    await c.call('meetings/lecturer', {
      ids: [1, 2, 3],
      open: true,
      closed: false,
      skip: undefined,
      none: null
    })
    await c.call('services/meetings/lecturer', { text: "Zażółć gęślą jaźń & (it's) 100%*" })
    const [a, b] = inst.seen
    expect(a).toMatchObject({ httpMethod: 'POST', method: 'meetings/lecturer' })
    expect(a?.contentType).toBe('application/x-www-form-urlencoded')
    expect(a?.params.get('ids')).toBe('1|2|3')
    expect(a?.params.get('open')).toBe('true')
    expect(a?.params.get('closed')).toBe('false')
    expect(a?.params.has('skip') || a?.params.has('none')).toBe(false)
    expect(a?.params.get('format')).toBe('json')
    expect(a?.params.has('oauth_signature')).toBe(false)
    expect(a?.authorization).toMatch(/^OAuth oauth_consumer_key="ck", /)
    expect(a?.oauth.get('oauth_token')).toBe('tk')
    expect(a?.oauth.get('oauth_signature_method')).toBe('HMAC-SHA1')
    expect(b?.params.get('text')).toBe("Zażółć gęślą jaźń & (it's) 100%*")
    for (const s of inst.seen) expect(verifySignature(s, consumer.secret, token.secret)).toBe(true)
    expect(a?.oauth.get('oauth_nonce')).not.toBe(b?.oauth.get('oauth_nonce'))
  })

  it('GETs with the parameters in the query, and can put oauth_ parameters among them', async () => {
    const inst = await installation(ok)
    await client(inst.baseUrl).call('meetings/lecturer', { a: 'x y', b: [1, 2] }, { httpMethod: 'GET' })
    // The default: the oauth_ parameters in the form body, as USOS's pages describe them.
    await new UsosClient({ baseUrl: inst.baseUrl, consumer, token }).call('meetings/lecturer', { a: '1' })
    await client(inst.baseUrl, { oauthIn: 'params' }).call(
      'meetings/lecturer',
      { a: '1' },
      { httpMethod: 'GET' }
    )
    const [get, body, getQuery] = inst.seen
    expect(get?.httpMethod).toBe('GET')
    expect(get?.params.get('a')).toBe('x y')
    expect(get?.params.get('b')).toBe('1|2')
    expect(body?.authorization).toBeNull()
    expect(body?.params.get('oauth_consumer_key')).toBe('ck')
    expect(getQuery?.params.get('oauth_signature')).toBeTruthy()
    for (const s of inst.seen) expect(verifySignature(s, consumer.secret, token.secret)).toBe(true)
  })

  it('signs consumer-only methods ("Token: ignored") with the consumer alone', async () => {
    const inst = await installation((s, res) =>
      json(res, 200, Object.fromEntries((s.params.get('ids') ?? '').split('|').map((id) => [id, { id }])))
    )
    await client(inst.baseUrl).exams.exams({ ids: [1, 2] })
    const [s] = inst.seen
    expect(oauthParam(s!, 'oauth_token')).toBeUndefined()
    expect(verifySignature(s!, consumer.secret, '')).toBe(true)
    // A client without a token signs the same way.
    await client(inst.baseUrl, { token: null }).call('exams/exam', { id: 1 })
    expect(oauthParam(inst.seen[1]!, 'oauth_token')).toBeUndefined()
    expect(verifySignature(inst.seen[1]!, consumer.secret, '')).toBe(true)
  })

  it('reaches typed wrappers with their documented names, and parses a typed selection', async () => {
    const inst = await installation((s, res) => {
      if (s.method === 'meetings/lecturer')
        json(res, 200, [{ id: 5, name: { pl: 'Konsultacje', en: 'Office hours' }, lecturer: { id: '9' } }])
      else if (s.method === 'meetings/generate_meeting_dates') json(res, 200, ['2026-11-02'])
      else json(res, 200, { id: 'x' })
    })
    const c = client(inst.baseUrl)
    const sel = fields({ id: f.id, name: f.langDict, lecturer: { id: f.id } })
    const meetings = await c.meetings.lecturer({ fields: sel })
    expect(meetings).toEqual([
      { id: '5', name: { pl: 'Konsultacje', en: 'Office hours' }, lecturer: { id: '9' } }
    ])
    expect(inst.seen[0]?.params.get('fields')).toBe('id|name|lecturer[id]')
    await c.meetings.generateMeetingDates({
      start_date: '2026-11-02',
      end_date: '2026-11-30',
      number: 4,
      frequency: 'weekly',
      use_calendar: true
    })
    expect(inst.seen[1]?.params.get('use_calendar')).toBe('true')
    await c.exams.batchRegisterExam({ exam_id: 1, values: { '1': { '1': ['42'] } } })
    expect(inst.seen[2]?.params.get('values')).toBe('{"1":{"1":["42"]}}')
    // An answer that does not fit the selection is a bad_response naming the field.
    const e = await failure(c.meetings.meeting({ meeting_id: 1, fields: sel }))
    expect(e).toMatchObject({ kind: 'bad_response', method: 'meetings/meeting' })
    expect(e.message).toMatch(/\$\.name/)
  })
})

describe('retries', () => {
  it.each([500, 502, 503])(
    'retries HTTP %i with a fresh nonce and timestamp each time, then succeeds',
    async (status) => {
      let n = 0
      const inst = await installation((_s, res) =>
        ++n < 3 ? json(res, status, { message: 'busy' }) : json(res, 200, [1])
      )
      const infos: RequestInfo[] = []
      let clock = Date.parse('2026-11-23T10:00:00Z')
      const c = client(inst.baseUrl, { onRequest: (i) => infos.push(i), now: () => (clock += 1500) })
      expect(await c.call('meetings/lecturer')).toEqual([1])
      expect(infos.map((i) => [i.attempt, i.status])).toEqual([
        [1, status],
        [2, status],
        [3, 200]
      ])
      expect(new Set(inst.seen.map((s) => s.oauth.get('oauth_nonce'))).size).toBe(3)
      expect(new Set(inst.seen.map((s) => s.oauth.get('oauth_timestamp'))).size).toBe(3)
      expect(c.stats().requests).toBe(3)
    }
  )

  it('gives up after `retries` retries with a server error, backing off exponentially', async () => {
    const inst = await installation((_s, res) => json(res, 500, { message: 'Internal error' }))
    const started = Date.now()
    const e = await failure(client(inst.baseUrl, { retries: 3, backoffMs: 40 }).call('meetings/lecturer'))
    const elapsed = Date.now() - started
    expect(e).toMatchObject({ kind: 'server', code: 'usos_error', status: 500, message: 'Internal error' })
    expect(inst.seen).toHaveLength(4)
    // Waits of 40·2^(n-1)·[0.5, 1.5): at least 20 + 40 + 80 ms in all.
    expect(elapsed).toBeGreaterThanOrEqual(140)
    const gaps = inst.seen.slice(1).map((s, i) => s.at - inst.seen[i]!.at)
    expect(gaps[2]!).toBeGreaterThanOrEqual(80)
  })

  it('retries network resets, then reports the installation out of reach', async () => {
    let n = 0
    const inst = await installation((_s, res) => {
      if (++n <= 2) res.socket?.destroy()
      else json(res, 200, { fine: true })
    })
    expect(await client(inst.baseUrl).call('meetings/lecturer')).toEqual({ fine: true })
    expect(inst.seen).toHaveLength(3)

    const dead = await installation((_s, res) => res.socket?.destroy())
    const e = await failure(client(dead.baseUrl, { retries: 2 }).call('meetings/lecturer'))
    expect(e).toMatchObject({ kind: 'network', code: 'offline' })
    expect(dead.seen).toHaveLength(3)
    const port = await closedPort()
    const refused = await failure(
      client(`http://127.0.0.1:${port}/`, { retries: 1 }).call('meetings/lecturer')
    )
    expect(refused.kind).toBe('network')
    expect(refused.message).toMatch(/ECONNREFUSED/)
  })

  it.each([
    [400, { message: 'Missing', error: 'param_missing', param_name: 'meeting_id' }],
    [401, { message: 'Invalid token', error: 'invalid_token' }],
    [403, { message: 'No', error: 'method_forbidden' }],
    [404, { message: 'No such method', error: 'method_not_found' }],
    [409, { message: 'Conflict', error: 'object_invalid' }]
  ])('never retries HTTP %i', async (status, body) => {
    const inst = await installation((_s, res) => json(res, status, body))
    await failure(client(inst.baseUrl).call('meetings/lecturer'))
    expect(inst.seen).toHaveLength(1)
  })

  it('never retries a write blindly: a timeout or a reset is an unknown outcome, a 500 surfaces', async () => {
    let hang = true
    const inst = await installation((s, res) => {
      if (s.method.endsWith('reset')) return void res.socket?.destroy()
      if (s.method === 'meetings/reject_participant') return json(res, 500, { message: 'boom' })
      if (s.method === 'meetings/sign_off') return json(res, 503, { message: 'later' })
      if (hang) return // never answers
      json(res, 200, {})
    })
    const c = client(inst.baseUrl, { timeoutMs: 100, retries: 2 })
    const timedOut = await failure(c.call('meetings/accept_participant', { participant_id: 1 }))
    expect(timedOut).toMatchObject({ kind: 'unknown_outcome', code: 'offline' })
    expect(timedOut.message).toMatch(/may or may not have been applied/)
    expect(inst.calls('meetings/accept_participant')).toHaveLength(1)

    expect((await failure(c.call('slips/delete_reset'))).kind).toBe('unknown_outcome')
    expect(inst.calls('slips/delete_reset')).toHaveLength(1)

    expect(await failure(c.call('meetings/reject_participant', { participant_id: 1 }))).toMatchObject({
      kind: 'server'
    })
    expect(inst.calls('meetings/reject_participant')).toHaveLength(1)

    // 503 says the request was not processed: a write may try again.
    expect((await failure(c.call('meetings/sign_off', { meeting_date_id: 1 }))).kind).toBe('server')
    expect(inst.calls('meetings/sign_off')).toHaveLength(3)

    // Nothing was sent when the connection is refused: a write may try again.
    const port = await closedPort()
    const refused = client(`http://127.0.0.1:${port}/`, { retries: 2 })
    const attempts: number[] = []
    const e = await failure(
      new UsosClient({
        baseUrl: refused.baseUrl,
        consumer,
        token,
        backoffMs: 1,
        retries: 2,
        onRequest: (i) => attempts.push(i.attempt)
      }).call('meetings/sign_up', { meeting_date_id: 1, substantiation_id: 2 })
    )
    expect(e.kind).toBe('network')
    expect(attempts).toEqual([1, 2, 3])
    hang = false
  })
})

describe('timeouts and cancellation', () => {
  it('times a read out, retrying, then reports a timeout', async () => {
    const inst = await installation(() => {})
    const infos: RequestInfo[] = []
    const e = await failure(
      client(inst.baseUrl, { timeoutMs: 60, retries: 2, onRequest: (i) => infos.push(i) }).call(
        'meetings/lecturer'
      )
    )
    expect(e).toMatchObject({ kind: 'timeout', code: 'offline' })
    expect(inst.seen).toHaveLength(3)
    expect(infos.every((i) => i.status === null && i.ms >= 50)).toBe(true)
  })

  it('times out a body that stops half-way', async () => {
    const inst = await installation((_s, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      res.write('{"a": [1, 2')
    })
    const e = await failure(client(inst.baseUrl, { timeoutMs: 80, retries: 0 }).call('meetings/lecturer'))
    expect(e.kind).toBe('timeout')
  })

  it('cancels a call in flight, in backoff, or waiting for a slot; a cancelled write that was sent is an unknown outcome', async () => {
    let busy = true
    const inst = await installation((s, res) => {
      if (s.method === 'x/fail') return json(res, 503, {})
      if (!busy) json(res, 200, {})
    })
    const c = client(inst.baseUrl, { concurrency: 1, backoffMs: 5_000 })

    const inFlight = new AbortController()
    const p1 = c.call('meetings/lecturer', {}, { signal: inFlight.signal })
    const waiting = new AbortController()
    const p2 = c.call('meetings/lecturer', {}, { signal: waiting.signal })
    await new Promise((r) => setTimeout(r, 30))
    waiting.abort()
    expect((await failure(p2)).kind).toBe('cancelled')
    inFlight.abort()
    expect((await failure(p1)).kind).toBe('cancelled')
    expect(inst.seen).toHaveLength(1) // the waiting call never went out

    const backoff = new AbortController()
    const p3 = c.call('x/fail', {}, { signal: backoff.signal })
    await new Promise((r) => setTimeout(r, 50))
    const t = Date.now()
    backoff.abort()
    expect((await failure(p3)).kind).toBe('cancelled')
    expect(Date.now() - t).toBeLessThan(1000)

    const before = new AbortController()
    before.abort()
    expect((await failure(c.call('meetings/lecturer', {}, { signal: before.signal }))).kind).toBe('cancelled')

    const write = new AbortController()
    const p4 = c.call('meetings/accept_participant', { participant_id: 1 }, { signal: write.signal })
    await new Promise((r) => setTimeout(r, 30))
    write.abort()
    expect((await failure(p4)).kind).toBe('unknown_outcome')

    // The slot is free again.
    busy = false
    expect(await c.call('meetings/lecturer')).toEqual({})
  })
})

describe('errors', () => {
  it('maps each family to its kind, app error code and USOS details', async () => {
    const inst = await installation((s, res) => {
      switch (s.method) {
        case 'x/param':
          return json(res, 400, {
            message: 'Missing meeting_id',
            error: 'param_missing',
            param_name: 'meeting_id'
          })
        // USOS's errors page: "we may provide an additional reason key", one string.
        case 'x/reason':
          return json(res, 400, {
            message: 'Already',
            error: 'meeting_subscription_exception',
            reason: 'user_already_accepted'
          })
        // Shapes the documentation does not promise, tolerated: a list, the plural key, none.
        case 'x/reason-list':
          return json(res, 400, { message: 'Already', error: 'object_invalid', reason: ['not_a_staff'] })
        case 'x/reasons':
          return json(res, 400, { message: 'Already', error: 'object_invalid', reasons: ['not_a_staff'] })
        case 'x/no-reason':
          return json(res, 400, { message: 'No', error: 'object_invalid', reason: 42 })
        // A refusal with USOS's localized messages (jquery-usos doc/api/forms.md quotes one).
        case 'x/user-messages':
          return json(res, 400, {
            error: 'param_invalid',
            param_name: 'slip_id',
            message: 'Parameter slip_id has invalid value. This user is not allowed to delete this slip.',
            user_messages: {
              generic_message: { pl: 'Nie możesz usunąć tej obiegówki.', en: 'You cannot delete this slip.' }
            }
          })
        case 'x/unauthorized':
          return json(res, 401, { message: 'Invalid token', error: 'invalid_token' })
        case 'x/forbidden':
          return json(res, 403, {
            message: 'Need scopes',
            error: 'method_forbidden',
            missing_scopes: ['slips', 'slips_admin']
          })
        case 'x/missing':
          return json(res, 404, {
            message: 'Method services/x/missing does not exist.',
            error: 'method_not_found'
          })
        case 'x/server':
          return json(res, 500, { message: 'Internal server error' })
        default:
          return json(res, 200, {
            success: false,
            user_messages: {
              generic_message: { pl: 'Popraw pola', en: 'Fix the fields' },
              fields: { question: { pl: 'Za długie', en: 'Too long' }, name: { pl: 'Puste', en: null } }
            }
          })
      }
    })
    const c = client(inst.baseUrl, { retries: 0 })
    expect(await failure(c.call('x/param'))).toMatchObject({
      kind: 'usos',
      code: 'usos_error',
      status: 400,
      usosCode: 'param_missing',
      paramName: 'meeting_id',
      message: 'Missing meeting_id'
    })
    expect(await failure(c.call('x/reason'))).toMatchObject({
      kind: 'usos',
      usosCode: 'meeting_subscription_exception',
      reasons: ['user_already_accepted']
    })
    for (const tolerated of ['x/reason-list', 'x/reasons'])
      expect(await failure(c.call(tolerated))).toMatchObject({ kind: 'usos', reasons: ['not_a_staff'] })
    expect(await failure(c.call('x/no-reason'))).toMatchObject({
      kind: 'usos',
      usosCode: 'object_invalid',
      reasons: []
    })
    expect(await failure(c.call('x/user-messages'))).toMatchObject({
      kind: 'usos',
      usosCode: 'param_invalid',
      paramName: 'slip_id',
      userMessages: {
        generic: { pl: 'Nie możesz usunąć tej obiegówki.', en: 'You cannot delete this slip.' }
      }
    })
    expect(await failure(c.call('x/unauthorized'))).toMatchObject({
      kind: 'unauthorized',
      code: 'not_signed_in',
      status: 401
    })
    expect(await failure(c.call('x/forbidden'))).toMatchObject({
      kind: 'forbidden',
      code: 'forbidden',
      missingScopes: ['slips', 'slips_admin']
    })
    expect(await failure(c.call('x/missing'))).toMatchObject({
      kind: 'not_found',
      code: 'not_found',
      status: 404
    })
    expect(await failure(c.call('x/server'))).toMatchObject({
      kind: 'server',
      code: 'usos_error',
      status: 500
    })
    const v = await failure(c.call('slips/add_question', { tpl_id: 1, question: '' }))
    expect(v).toMatchObject({ kind: 'validation', status: 200, message: 'Fix the fields' })
    expect(v.userMessages).toEqual({
      generic: { pl: 'Popraw pola', en: 'Fix the fields' },
      fields: { question: { pl: 'Za długie', en: 'Too long' }, name: { pl: 'Puste', en: null } }
    })
    // What crosses IPC: the same details, as plain data.
    expect(v.toShape()).toMatchObject({
      code: 'usos_error',
      details: { kind: 'validation', userMessages: v.userMessages }
    })
    expect(v).toBeInstanceOf(Error)
  })

  it('turns bad answers into typed bad_response errors with a clear message, never a crash', async () => {
    const answers: Record<string, [number, string, string]> = {
      malformed: [200, '{"a": 1,, }', 'application/json'],
      html: [200, '<!DOCTYPE html><html><body>Maintenance</body></html>', 'text/html; charset=utf-8'],
      truncated: [200, '{"items": [1, 2', 'application/json'],
      empty: [200, '', 'application/json'],
      wrongtype: [200, '{"a": 1}', 'text/html'],
      xml: [200, '<?xml version="1.0"?><error/>', 'application/xml'],
      shapeless: [400, '[1, 2, 3]', 'application/json'],
      nomessage: [400, '{"detail": 5}', 'application/json'],
      htmlerror: [403, '<html><h1>Forbidden</h1></html>', 'text/html']
    }
    const inst = await installation((s, res) => {
      const name = s.method.split('/')[1]!
      if (name === 'cutoff') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' })
        res.write('{"items": [1, 2')
        setTimeout(() => res.socket?.destroy(), 10)
        return
      }
      const [status, body, type] = answers[name]!
      res.writeHead(status, { 'Content-Type': type })
      res.end(body)
    })
    const c = client(inst.baseUrl, { retries: 0 })
    const messages: Record<string, string> = {}
    for (const name of [...Object.keys(answers), 'cutoff']) {
      const e = await failure(c.call(`x/${name}`))
      expect(e.kind, name).toBe('bad_response')
      expect(e.code).toBe('usos_error')
      messages[name] = e.message
    }
    expect(messages.malformed).toMatch(/text that is not JSON/)
    expect(messages.html).toMatch(/an HTML page \(HTTP 200, text\/html\)/)
    expect(messages.empty).toMatch(/an empty answer/)
    expect(messages.wrongtype).toMatch(/text\/html instead of JSON/)
    expect(messages.shapeless).toMatch(/JSON that is not a USOS error \(HTTP 400\)/)
    expect(messages.htmlerror).toMatch(/an HTML page/)
    expect(messages.cutoff).toMatch(/cut off/)
    // A reads's cut-off answer is retried like a network failure.
    await failure(client(inst.baseUrl, { retries: 1 }).call('x/cutoff'))
    expect(inst.calls('x/cutoff')).toHaveLength(3)
    // An HTML 5xx page is still a server error (and retried).
    const five = await installation((_s, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' })
      res.end('<html>Bad gateway</html>')
    })
    const e = await failure(client(five.baseUrl, { retries: 1 }).call('x/y'))
    expect(e).toMatchObject({ kind: 'server', status: 502 })
    expect(e.message).toMatch(/an HTML page \(HTTP 502, text\/html\)/)
    expect(five.seen).toHaveLength(2)
  })
})

describe('multi-id calls', () => {
  const multi: Handler = (s, res) => {
    const idsParam = [...s.params.keys()].find((k) => k.endsWith('ids'))!
    const ids = s.params.get(idsParam)!.split('|')
    // Odd ids exist, even ones do not; id 13 is left out of the answer altogether.
    json(
      res,
      200,
      Object.fromEntries(ids.filter((id) => id !== '13').map((id) => [id, Number(id) % 2 ? { id } : null]))
    )
  }

  it('splits into batches, merges them, keeps nulls and fills left-out ids with null', async () => {
    const inst = await installation(multi)
    const merged = await client(inst.baseUrl).callMulti(
      'meetings/meeting_dates',
      'meeting_date_ids',
      [1, 2, 3, 4, 5, 5, 13],
      { fields: 'id' },
      { batchSize: 2 }
    )
    expect(merged).toEqual({
      '1': { id: '1' },
      '2': null,
      '3': { id: '3' },
      '4': null,
      '5': { id: '5' },
      '13': null
    })
    expect(inst.seen.map((s) => s.params.get('meeting_date_ids'))).toEqual(['1|2', '3|4', '5|13'])
    expect(inst.seen.every((s) => s.params.get('fields') === 'id')).toBe(true)
    expect(await client(inst.baseUrl).callMulti('meetings/meetings', 'meeting_ids', [])).toEqual({})
    expect(inst.seen).toHaveLength(3)
  })

  it('batches the typed wrappers of multi-id methods by itself, within the concurrency bound', async () => {
    let inFlight = 0
    let peak = 0
    const inst = await installation(async (s, res) => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((r) => setTimeout(r, 15))
      inFlight--
      multi(s, res)
    })
    const ids = Array.from({ length: 120 }, (_, i) => i + 1)
    const sel = fields({ id: f.id })
    const merged = await client(inst.baseUrl, { concurrency: 2 }).meetings.meetings({
      meeting_ids: ids,
      fields: sel
    })
    expect(inst.seen).toHaveLength(3) // 50 + 50 + 20
    expect(peak).toBe(2)
    expect(Object.keys(merged)).toHaveLength(120)
    expect(merged['7']).toEqual({ id: '7' })
    expect(merged['8']).toBeNull()
    const small = await client(inst.baseUrl).slips.slips({ slip_ids: [1, 2, 3] }, { batchSize: 1 })
    expect(Object.keys(small)).toEqual(['1', '2', '3'])
  })

  it('fails as a whole when one batch fails, cancelling the rest', async () => {
    const inst = await installation((s, res) => {
      if (s.params.get('meeting_ids')?.startsWith('3'))
        return json(res, 400, { message: 'bad id', error: 'param_invalid', param_name: 'meeting_ids' })
      setTimeout(() => {
        // The client cancelled these batches: their connections are gone.
        if (!res.destroyed) multi(s, res)
      }, 3000)
    })
    const t = Date.now()
    const e = await failure(
      client(inst.baseUrl).callMulti(
        'meetings/meetings',
        'meeting_ids',
        [1, 2, 3, 4, 5, 6],
        {},
        { batchSize: 2 }
      )
    )
    expect(e).toMatchObject({ kind: 'usos', usosCode: 'param_invalid' })
    expect(Date.now() - t).toBeLessThan(2000)
  })
})

describe('concurrency', () => {
  it('keeps at most `concurrency` requests in flight, across withToken siblings', async () => {
    let inFlight = 0
    let peak = 0
    const inst = await installation((_s, res) => {
      peak = Math.max(peak, ++inFlight)
      setTimeout(() => {
        inFlight--
        json(res, 200, {})
      }, 20)
    })
    const c = client(inst.baseUrl, { concurrency: 3 })
    const other = c.withToken({ key: 'other', secret: 'other-secret' })
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? c : other).call('meetings/lecturer')))
    expect(peak).toBe(3)
    expect(c.stats().requests).toBe(12)
    expect(other.stats().requests).toBe(12)
    expect(inst.seen.filter((s) => s.oauth.get('oauth_token') === 'other')).toHaveLength(6)
    expect(
      verifySignature(
        inst.seen.find((s) => s.oauth.get('oauth_token') === 'other')!,
        consumer.secret,
        'other-secret'
      )
    ).toBe(true)
  })
})

describe('clock skew', () => {
  it('records a server clock more than a minute off and signs later requests with its time', async () => {
    const serverNow = Date.parse('2030-01-01T00:00:00Z')
    const inst = await installation((_s, res) =>
      json(res, 200, {}, { Date: new Date(serverNow).toUTCString() })
    )
    const seen: number[] = []
    const c = client(inst.baseUrl, { onClockSkew: (ms) => seen.push(ms) })
    await c.call('a/b')
    expect(Math.abs(c.clockSkewMs() - (serverNow - Date.now()))).toBeLessThan(5000)
    expect(seen).toHaveLength(1)
    await c.call('a/b')
    expect(Math.abs(Number(inst.seen[1]?.oauth.get('oauth_timestamp')) - serverNow / 1000)).toBeLessThan(10)
    expect(c.withToken(null).clockSkewMs()).toBe(c.clockSkewMs())
  })

  it('ignores a skew within a minute', async () => {
    const inst = await installation((_s, res) =>
      json(res, 200, {}, { Date: new Date(Date.now() + 30_000).toUTCString() })
    )
    const c = client(inst.baseUrl)
    await c.call('a/b')
    expect(c.clockSkewMs()).toBe(0)
  })

  it('signs again with the server time when a timestamp was refused', async () => {
    // Our clock is 10 minutes slow; the server refuses timestamps more than 5 minutes off.
    const inst = await installation((s, res) => {
      const ts = Number(s.oauth.get('oauth_timestamp')) * 1000
      if (Math.abs(ts - Date.now()) > 300_000)
        return json(res, 401, {
          message: 'Timestamp too far from the server clock.',
          error: 'invalid_timestamp'
        })
      json(res, 200, { fine: true })
    })
    const c = client(inst.baseUrl, { now: () => Date.now() - 600_000, retries: 0 })
    expect(await c.call('meetings/lecturer')).toEqual({ fine: true })
    expect(inst.seen).toHaveLength(2)
    expect(Math.abs(c.clockSkewMs() - 600_000)).toBeLessThan(5000)
    // A plain 401 (no skew) is not retried.
    const plain = await installation((_s, res) => json(res, 401, { message: 'no', error: 'invalid_token' }))
    await failure(client(plain.baseUrl).call('meetings/lecturer'))
    expect(plain.seen).toHaveLength(1)
  })
})

describe('OAuth legs', () => {
  it('requests a token, exchanges it, and revokes the access token', async () => {
    const inst = await installation((s, res) => {
      if (s.method === 'oauth/request_token') {
        expect(verifySignature(s, consumer.secret, '')).toBe(true)
        res.writeHead(200, { 'Content-Type': 'application/x-www-form-urlencoded' })
        return res.end('oauth_token=rt%2B1&oauth_token_secret=rts&oauth_callback_confirmed=true')
      }
      if (s.method === 'oauth/access_token') {
        expect(verifySignature(s, consumer.secret, 'rts')).toBe(true)
        res.writeHead(200, { 'Content-Type': 'application/x-www-form-urlencoded' })
        return res.end('oauth_token=at&oauth_token_secret=ats')
      }
      if (s.method === 'oauth/revoke_token') {
        expect(verifySignature(s, consumer.secret, 'ats')).toBe(true)
        return json(res, 200, {})
      }
      json(res, 404, { message: 'no', error: 'method_not_found' })
    })
    const c = new UsosClient({ baseUrl: inst.baseUrl, consumer, backoffMs: 1 })
    const rt = await c.requestToken('oob', ['studies', 'offline_access'])
    expect(rt).toEqual({
      key: 'rt+1',
      secret: 'rts',
      authorizeUrl: `${inst.baseUrl}services/oauth/authorize?oauth_token=rt%2B1`
    })
    const first = inst.seen[0]!
    expect(oauthParam(first, 'oauth_callback')).toBe('oob')
    expect(first.params.get('scopes')).toBe('studies|offline_access')
    expect(oauthParam(first, 'oauth_token')).toBeUndefined()
    const at = await c.accessToken(rt, '12345')
    expect(at).toEqual({ key: 'at', secret: 'ats' })
    expect(oauthParam(inst.seen[1]!, 'oauth_verifier')).toBe('12345')
    expect(oauthParam(inst.seen[1]!, 'oauth_token')).toBe('rt+1')
    await c.withToken(at).revokeToken()
    expect(oauthParam(inst.seen[2]!, 'oauth_token')).toBe('at')
    await expect(c.revokeToken()).rejects.toMatchObject({ kind: 'unauthorized' })
  })

  it('reports a refused or malformed token answer as a typed error', async () => {
    const inst = await installation((s, res) => {
      if (s.method === 'oauth/request_token')
        return json(res, 401, { message: 'Unknown consumer key.', error: 'invalid_consumer' })
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<html>login</html>')
    })
    const c = client(inst.baseUrl, { token: null })
    expect(await failure(c.requestToken('oob', []))).toMatchObject({
      kind: 'unauthorized',
      usosCode: 'invalid_consumer'
    })
    const e = await failure(c.accessToken({ key: 'a', secret: 'b' }, '1'))
    expect(e).toMatchObject({ kind: 'bad_response' })
    expect(e.message).toMatch(/did not answer a token.*HTML page/)
  })
})

describe('redaction', () => {
  it('keeps every secret out of errors, messages, details and onRequest, even when the server echoes them', async () => {
    // A hostile or verbose server echoes everything it was sent, in every field an error has.
    const echo = (s: {
      rawBody: string
      authorization: string | null
      url: string
      params: URLSearchParams
      oauth: Map<string, string>
    }) =>
      [
        s.rawBody,
        s.authorization ?? '',
        s.url,
        ...s.params.values(),
        ...s.oauth.values(),
        consumer.secret,
        token.secret
      ].join(' ')
    const inst = await installation((s, res) => {
      const all = echo(s)
      if (s.method === 'x/slips')
        return json(res, 200, {
          success: false,
          user_messages: { generic_message: { pl: all, en: all }, fields: { a: { pl: all, en: all } } }
        })
      if (s.method === 'x/html') {
        res.writeHead(200, { 'Content-Type': 'text/html' })
        return res.end(`<html>${all}</html>`)
      }
      json(res, s.method === 'x/server' ? 500 : 400, {
        message: `Invalid signature for ${all}`,
        error: all,
        param_name: all,
        reasons: [all],
        missing_scopes: [all]
      })
    })
    const infos: RequestInfo[] = []
    const dumps: string[] = []
    const signatures: string[] = []
    const tokens = [token, { key: 'tk2', secret: 'another-token-secret' }]
    for (const oauthIn of ['header', 'params'] as const) {
      for (const httpMethod of ['GET', 'POST'] as const) {
        for (const method of ['x/usos', 'x/server', 'x/slips', 'x/html']) {
          const c = client(inst.baseUrl, { oauthIn, retries: 1, onRequest: (i) => infos.push(i) })
          const e = await failure(c.call(method, { q: 'v' }, { httpMethod }))
          dumps.push(
            JSON.stringify({
              e,
              message: e.message,
              details: e.details,
              shape: e.toShape(),
              stack: e.stack,
              s: String(e)
            })
          )
        }
      }
    }
    const port = await closedPort()
    const net = await failure(
      client(`http://127.0.0.1:${port}/`, { retries: 0, token: tokens[1] }).call('x/y')
    )
    dumps.push(JSON.stringify({ net, m: net.message, s: net.stack }))
    for (const s of inst.seen) signatures.push(oauthParam(s, 'oauth_signature')!, s.authorization ?? 'none')
    const everything = dumps.join('\n') + JSON.stringify(infos)
    expect(everything).toContain('[redacted]') // the echo did reach the errors, scrubbed
    for (const secret of [
      consumer.secret,
      token.secret,
      tokens[1]!.secret,
      ...signatures.filter((x) => x !== 'none')
    ]) {
      expect(everything).not.toContain(secret)
      expect(everything).not.toContain(encodeURIComponent(secret))
    }
    expect(everything).not.toMatch(/OAuth oauth_/)
    expect(Object.keys(infos[0]!).sort()).toEqual(['attempt', 'method', 'ms', 'status'])
  })
})
