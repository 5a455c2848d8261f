/**
 * The framework on its own, with a small test module next to the common ones: the fields
 * selector's rendering rules, per-method auth (consumer, token, administrative, scopes), where
 * parameters may come from, and how faults are answered (USOS-shaped bodies, the server goes on).
 */
import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commonModule } from '../../../src/emulator/modules/common'
import type {
  CallContext,
  EmulatorModule,
  MethodDef,
  ObjectType
} from '../../../src/emulator/framework/types'
import { oauthParams, sign, startTestInstallation, type TestInstallation } from './harness'

interface Widget {
  id: number
  name: string
  parts: number[]
  owner: string
}
const WIDGETS: Record<number, Widget> = {
  1: { id: 1, name: 'koło', parts: [2, 3], owner: '100001' },
  2: { id: 2, name: 'szprycha', parts: [], owner: '100002' },
  3: { id: 3, name: 'piasta', parts: [404], owner: '100002' }
}
const widgetType: ObjectType<Widget> = {
  name: 'test/widget',
  primary: ['id', 'name'],
  fields: {
    id: { get: (w) => w.id },
    name: { get: (w) => w.name },
    serial: { get: (w) => `SN-${w.id}`, secondary: true },
    // References given as ids (loaded through the type) ...
    owner: { get: (w) => w.owner, ref: 'users/user' },
    parts: { get: (w) => w.parts, ref: 'test/widget' },
    // ... and as an entity.
    maker: {
      get: () => ({
        id: '999',
        first_name: 'Ignacy',
        last_name: 'Łukasiewicz',
        titles_before: null,
        titles_after: null
      }),
      ref: 'users/user'
    },
    nothing: { get: () => null, ref: 'users/user' }
  },
  load: (id) => WIDGETS[Number(id)] ?? null
}
const widgetMethods: MethodDef[] = [
  {
    name: 'test/widget',
    auth: 'token_optional',
    handler: (ctx) => {
      const selector = ctx.fields('test/widget', 'id|name')
      const w = WIDGETS[ctx.params.requiredInt('widget_id')]
      return w ? ctx.select('test/widget', w, selector) : null
    }
  },
  {
    name: 'test/widgets',
    auth: 'consumer',
    handler: (ctx) => {
      const selector = ctx.fields('test/widget', 'id', { listMethod: true })
      return Object.values(WIDGETS).map((w) => ctx.select('test/widget', w, selector))
    }
  },
  {
    name: 'test/boom',
    auth: 'consumer',
    handler: () => {
      throw new Error('kaboom')
    }
  },
  { name: 'test/whoami', auth: 'consumer', handler: (ctx) => ({ user: ctx.user?.id ?? null }) },
  {
    name: 'test/whoami_token',
    auth: 'token',
    handler: (ctx: CallContext) => ({ user: ctx.requireUser().id, role: ctx.user?.role ?? null })
  },
  { name: 'test/scoped', auth: 'token', scopes: ['slips', 'email'], handler: () => ({ ok: true }) },
  { name: 'test/admin', auth: 'token', administrative: true, handler: () => ({ ok: true }) },
  {
    name: 'test/echo',
    auth: 'consumer',
    handler: (ctx) => ({
      a: ctx.params.raw('a') ?? null,
      l: ctx.params.list('l'),
      flag: ctx.params.bool('flag', false)
    })
  }
]
const testModule: EmulatorModule = {
  name: 'test',
  migrate: () => {},
  seed: () => {},
  types: [widgetType as unknown as ObjectType<never>],
  methods: widgetMethods
}

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation({ modules: [commonModule, testModule] })
})
afterAll(() => inst.close())

describe('fields selector rendering', () => {
  it('renders nested selectors, primary fields of a bare reference, ids loaded, entities as given', async () => {
    const r = await inst.call('test/widget', {
      widget_id: '1',
      fields: 'id|owner|parts[id|parts[name]]|maker[first_name]|nothing'
    })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      id: 1,
      owner: { id: '100001', first_name: 'Zofia', last_name: 'Żółkiewska' },
      parts: [
        { id: 2, parts: [] },
        // An id that does not load renders as null, in its place.
        { id: 3, parts: [null] }
      ],
      maker: { first_name: 'Ignacy' },
      nothing: null
    })
  })

  // As USOS's errors page (developers/api/definitions/errors/) defines them: an unknown field is
  // field_not_found (field_name, method_name), sub-fields of a plain field field_invalid, and a
  // selector that does not parse param_invalid on `fields`.
  it('refuses unknown fields, also nested, and sub-selectors on plain fields', async () => {
    for (const [fields, expected] of [
      ['id|colour', { error: 'field_not_found', field_name: 'colour', method_name: 'services/test/widget' }],
      ['owner[id|shoe_size]', { error: 'field_not_found', field_name: 'shoe_size' }],
      ['name[pl]', { error: 'field_invalid', field_name: 'name', method_name: 'services/test/widget' }],
      ['parts[name[x]]', { error: 'field_invalid', field_name: 'name' }],
      ['id|', { error: 'param_invalid', param_name: 'fields' }],
      ['owner[id', { error: 'param_invalid', param_name: 'fields' }]
    ] as const) {
      const r = await inst.call('test/widget', { widget_id: '1', fields })
      expect(r.status, fields).toBe(400)
      expect(r.body, fields).toMatchObject({ ...expected, message: expect.any(String) })
    }
  })

  it('refuses secondary fields in nested selectors of list methods only', async () => {
    expect((await inst.call('test/widget', { widget_id: '1', fields: 'serial|parts[serial]' })).body).toEqual(
      {
        serial: 'SN-1',
        parts: [{ serial: 'SN-2' }, { serial: 'SN-3' }]
      }
    )
    const topLevel = await inst.call('test/widgets', { fields: 'serial' }, { as: null })
    expect(topLevel.body).toEqual([{ serial: 'SN-1' }, { serial: 'SN-2' }, { serial: 'SN-3' }])
    const nested = await inst.call('test/widgets', { fields: 'id|parts[serial]' }, { as: null })
    expect(nested.status).toBe(400)
    expect(nested.body).toMatchObject({ error: 'param_invalid', param_name: 'fields' })
  })
})

describe('auth per method', () => {
  it('ignores a token on consumer-only methods, and needs one on token methods', async () => {
    expect((await inst.call('test/whoami', {}, { as: 'lecturer' })).body).toEqual({ user: null })
    expect((await inst.call('test/whoami', {}, { as: null })).body).toEqual({ user: null })
    const without = await inst.call('test/whoami_token', {}, { as: null })
    expect(without.status).toBe(401)
    expect(without.body).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    expect((await inst.call('test/whoami_token', {}, { as: 'student' })).body).toEqual({
      user: inst.server.demoUserIds.student,
      role: 'student'
    })
    // token_optional: the user when signed with a token, anonymous-but-signed otherwise.
    expect((await inst.call('test/widget', { widget_id: '2' }, { as: null })).status).toBe(200)
  })

  it('refuses administrative methods to an ordinary consumer key', async () => {
    const ordinary = await inst.call('test/admin', {})
    expect(ordinary.status).toBe(403)
    expect(ordinary.body).toMatchObject({ error: 'method_forbidden' })
    expect((await inst.call('test/admin', {}, { admin: true })).body).toEqual({ ok: true })
  })

  it('names the scopes a token lacks', async () => {
    const r = await inst.call('test/scoped', {}, { scopes: ['studies', 'email'] })
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ error: 'method_forbidden', missing_scopes: ['slips'] })
    expect((await inst.call('test/scoped', {}, { scopes: ['slips', 'email'] })).body).toEqual({ ok: true })
  })
})

describe('requests and answers', () => {
  const url = (m: string) => `${inst.baseUrl}services/${m}`
  const consumer = () => ({ key: inst.server.consumerKey, secret: inst.server.consumerSecret })

  it('reads parameters from the query string or the form body, with GET or POST', async () => {
    for (const httpMethod of ['GET', 'POST'] as const) {
      const r = await inst.call(
        'test/echo',
        { a: 'zażółć gęślą jaźń & co=1', l: '1||2|3', flag: 'true' },
        { as: null, httpMethod }
      )
      expect(r.body, httpMethod).toEqual({ a: 'zażółć gęślą jaźń & co=1', l: ['1', '2', '3'], flag: true })
    }
    // Both at once: a signed POST with some parameters in the query and some in the body.
    const query: Array<[string, string]> = [['a', 'z zapytania']]
    const body: Array<[string, string]> = [['l', 'x|y'], ...oauthParams(consumer().key)]
    const signature = sign('POST', url('test/echo'), [...query, ...body], consumer().secret)
    const res = await fetch(`${url('test/echo')}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([...body, ['oauth_signature', signature]]).toString()
    })
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await res.json()).toEqual({ a: 'z zapytania', l: ['x', 'y'], flag: false })
  })

  it('answers json only', async () => {
    expect((await inst.call('test/echo', { format: 'json' }, { as: null })).status).toBe(200)
    for (const format of ['xml', 'jsonp'])
      expect((await inst.call('test/echo', { format }, { as: null })).body).toMatchObject({
        error: 'param_invalid',
        param_name: 'format'
      })
  })

  it('answers a fault with a USOS-shaped 500 and goes on serving', async () => {
    const r = await inst.call('test/boom', {}, { as: null })
    expect(r.status).toBe(500)
    expect(r.body).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    expect(JSON.stringify(r.body)).not.toContain('kaboom')
    expect((await inst.call('test/echo', { a: '1' }, { as: null })).body).toMatchObject({ a: '1' })
  })

  it('answers unknown methods 404 and other HTTP methods 405, both in JSON', async () => {
    const unknown = await fetch(url('test/nope'))
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await unknown.json()).toMatchObject({ error: 'method_not_found', message: expect.any(String) })
    const put = await fetch(url('test/echo'), { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(await put.json()).toMatchObject({ error: 'method_not_allowed' })
  })

  it('refuses a malformed Authorization header with 401, not a crash', async () => {
    const r = await fetch(url('test/echo'), {
      headers: { Authorization: 'OAuth oauth_consumer_key="%E0%A4%A"' }
    })
    expect(r.status).toBe(401)
    expect(await r.json()).toMatchObject({ error: 'invalid_signature' })
  })

  it('counts every services/ request per method, OAuth ones included', async () => {
    const stats = async () =>
      (await (await fetch(`${inst.baseUrl}__demo/stats`)).json()) as {
        requests_total: number
        by_method: Record<string, number>
      }
    const before = await stats()
    await inst.tokenFor('template_admin', ['email'])
    await inst.call('test/echo', {}, { as: null })
    await fetch(url('test/nope'))
    const after = await stats()
    // request_token, authorize (POST), access_token, echo, nope
    expect(after.requests_total - before.requests_total).toBe(5)
    expect(
      (after.by_method['oauth/request_token'] ?? 0) - (before.by_method['oauth/request_token'] ?? 0)
    ).toBe(1)
    expect((after.by_method['oauth/access_token'] ?? 0) - (before.by_method['oauth/access_token'] ?? 0)).toBe(
      1
    )
    expect((after.by_method['test/echo'] ?? 0) - (before.by_method['test/echo'] ?? 0)).toBe(1)
  })
})

const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address

describe('the statistics page', () => {
  it.skipIf(!external)('answers loopback peers only', async () => {
    const open = await startTestInstallation({ modules: [commonModule], host: '0.0.0.0' })
    try {
      const port = new URL(open.baseUrl).port
      expect((await fetch(`http://127.0.0.1:${port}/__demo/stats`)).status).toBe(200)
      const remote = await fetch(`http://${external}:${port}/__demo/stats`)
      expect(remote.status).toBe(403)
    } finally {
      await open.close()
    }
  })
})
