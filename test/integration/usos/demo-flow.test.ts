/**
 * The client against the demo installation (src/emulator), over real HTTP, the way a person signs
 * in on a desktop: request token with `oob`, the authorize page in a "browser" (fetch), its form
 * posted choosing the lecturer, the PIN read from `#oauth-verifier`, the access token; then real
 * calls through the typed wrappers, and the token revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { f, fields, UsosClient, UsosError } from '../../../src/core/usos'
import { startDemoServer, type DemoServer } from '../../../src/emulator'

let server: DemoServer
beforeAll(async () => {
  server = await startDemoServer({ scale: 'small', dataDir: null })
})
afterAll(() => server?.close())

const SCOPES = ['offline_access', 'staff_perspective', 'studies', 'slips', 'email']

/** The inputs a browser would submit from the page's one form, with the given choices. */
function formFields(html: string, choose: Record<string, string>): URLSearchParams {
  const form = /<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html)?.[1]
  if (!form) throw new Error('no form on the authorize page')
  const out = new URLSearchParams()
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`, 'i').exec(tag)?.[1]
  const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
  const radios = new Set<string>()
  for (const [tag] of form.matchAll(/<input[^>]*>/gi)) {
    const name = attr(tag, 'name')
    const value = decode(attr(tag, 'value') ?? '')
    const type = attr(tag, 'type') ?? 'text'
    if (!name) continue
    if (type === 'radio') {
      radios.add(name)
      continue
    }
    out.append(name, value)
  }
  for (const name of radios) {
    const values = [...form.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*>`, 'gi'))].map((m) =>
      decode(attr(m[0], 'value') ?? '')
    )
    const chosen = choose[name]
    if (!chosen || !values.includes(chosen))
      throw new Error(`no ${name}=${chosen} on the page (${values.join(', ')})`)
    out.append(name, chosen)
  }
  // The submit button that grants access.
  const button = [...form.matchAll(/<button[^>]*>/gi)]
    .map((m) => m[0])
    .find((b) => attr(b, 'name') === 'decision' && attr(b, 'value') === choose.decision)
  if (!button) throw new Error('no grant button')
  out.append('decision', choose.decision!)
  return out
}

describe('the PIN flow and real calls against the demo installation', () => {
  it('signs in as the lecturer, calls, and revokes', async () => {
    const requests: string[] = []
    const anonymous = new UsosClient({
      baseUrl: server.baseUrl,
      consumer: { key: server.consumerKey, secret: server.consumerSecret },
      onRequest: (i) => requests.push(`${i.method} ${i.status}`)
    })
    const rt = await anonymous.requestToken('oob', SCOPES)
    expect(rt.authorizeUrl.startsWith(`${server.baseUrl}services/oauth/authorize?oauth_token=`)).toBe(true)

    // The browser: the page, its form posted as the lecturer, the PIN on the answer page.
    const page = await fetch(rt.authorizeUrl)
    expect(page.status).toBe(200)
    const form = formFields(await page.text(), { role: 'lecturer', decision: 'grant' })
    expect(form.get('oauth_token')).toBe(rt.key)
    const granted = await fetch(rt.authorizeUrl.split('?')[0]!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString()
    })
    const pin = /id="oauth-verifier"[^>]*>([^<]+)</.exec(await granted.text())?.[1]?.trim()
    expect(pin).toMatch(/^\S+$/)

    const at = await anonymous.accessToken(rt, pin!)
    expect(at.key).not.toBe(rt.key)
    const usos = anonymous.withToken(at)

    const me = await usos.call<{ id: string; first_name: string; last_name: string }>('users/user', {
      fields: 'id|first_name|last_name'
    })
    expect(me).toMatchObject({
      id: server.demoUserIds.lecturer,
      first_name: 'Zofia',
      last_name: 'Żółkiewska'
    })

    const meetingSel = fields({ id: f.id, name: f.langDict, lecturer: { id: f.id } })
    const meetings = await usos.meetings.lecturer({ fields: meetingSel })
    expect(meetings.length).toBeGreaterThan(0)
    for (const m of meetings) expect(m.lecturer?.id).toBe(me.id)

    // A multi-id method through its wrapper: batched, merged, null for an id that does not exist.
    const ids = [...meetings.map((m) => m.id), '999999999']
    const byId = await usos.meetings.meetings(
      { meeting_ids: ids, fields: fields({ id: f.id, name: f.langDict }) },
      { batchSize: 2 }
    )
    expect(Object.keys(byId).sort()).toEqual([...ids].sort())
    expect(byId['999999999']).toBeNull()
    expect(byId[meetings[0]!.id]?.name).toEqual(meetings[0]!.name)

    const dates = await usos.meetings.meetingAllDates({ meeting_id: meetings[0]!.id })
    expect(Array.isArray(dates)).toBe(true)

    // USOS's own refusal, typed.
    const refused = await usos.meetings.meeting({ meeting_id: 999999999 }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(UsosError)
    expect(refused).toMatchObject({ kind: 'usos', usosCode: 'object_not_found', status: 400 })

    await usos.revokeToken()
    const after = await usos.meetings.lecturer().catch((e: unknown) => e)
    expect(after).toMatchObject({ kind: 'unauthorized', code: 'not_signed_in' })
    expect(requests.every((r) => !/secret/i.test(r))).toBe(true)
  })

  it('signs in with a clock ten minutes slow, correcting it from the server (OAuth in the header)', async () => {
    const skewed = new UsosClient({
      baseUrl: server.baseUrl,
      consumer: { key: server.consumerKey, secret: server.consumerSecret },
      oauthIn: 'header',
      now: () => Date.now() - 600_000
    })
    const rt = await skewed.requestToken('oob', SCOPES)
    expect(Math.abs(skewed.clockSkewMs() - 600_000)).toBeLessThan(5_000)
    const usos = skewed.withToken(await skewed.accessToken(rt, server.approve(rt.key, 'lecturer')))
    expect((await usos.meetings.lecturer()).length).toBeGreaterThan(0)
  })
})
