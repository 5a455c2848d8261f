import { OAuth } from 'oauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oauthParams, sign, signedFetch, startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
let consumer: { key: string; secret: string }
beforeAll(async () => {
  inst = await startTestInstallation()
  consumer = { key: inst.server.consumerKey, secret: inst.server.consumerSecret }
})
afterAll(() => inst.close())

const url = (m: string) => `${inst.baseUrl}services/${m}`

describe('OAuth 1.0a provider', () => {
  it('runs the three legs (PIN flow) and signs calls with the access token', async () => {
    const token = await inst.tokenFor('lecturer')
    const me = await signedFetch(url('users/user'), [['fields', 'id|first_name|last_name']], consumer, token)
    expect(me.status).toBe(200)
    expect(JSON.parse(me.text)).toEqual({
      id: inst.server.demoUserIds.lecturer,
      first_name: 'Zofia',
      last_name: 'Żółkiewska'
    })
  })

  it('redirects to a callback URL with the verifier', async () => {
    const rt = await signedFetch(url('oauth/request_token'), [['scopes', 'studies']], consumer, null, {
      extraOAuth: { oauth_callback: 'http://127.0.0.1:9/back?x=1' }
    })
    const t = new URLSearchParams(rt.text)
    expect(t.get('oauth_callback_confirmed')).toBe('true')
    const page = await fetch(url(`oauth/authorize?oauth_token=${t.get('oauth_token')}`))
    expect(await page.text()).toContain('name="role"')
    const granted = await fetch(url('oauth/authorize'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        oauth_token: t.get('oauth_token')!,
        role: 'student',
        decision: 'grant'
      }).toString()
    })
    expect(granted.status).toBe(302)
    const back = new URL(granted.headers.get('location')!)
    expect(back.searchParams.get('x')).toBe('1')
    expect(back.searchParams.get('oauth_token')).toBe(t.get('oauth_token'))
    expect(back.searchParams.get('oauth_verifier')).toMatch(/^\d{8}$/)
  })

  it('refuses a wrong signature, an unknown consumer, a bad verifier and a revoked token with 401', async () => {
    const bad = await signedFetch(
      url('users/user'),
      [],
      { key: consumer.key, secret: 'wrong' },
      await inst.tokenFor('lecturer')
    )
    expect(bad.status).toBe(401)
    expect(JSON.parse(bad.text)).toMatchObject({ error: 'invalid_signature', message: expect.any(String) })
    expect((await signedFetch(url('users/user'), [], { key: 'nobody', secret: 'x' }, null)).status).toBe(401)

    const rt = new URLSearchParams(
      (
        await signedFetch(url('oauth/request_token'), [], consumer, null, {
          extraOAuth: { oauth_callback: 'oob' }
        })
      ).text
    )
    const wrongPin = await signedFetch(
      url('oauth/access_token'),
      [],
      consumer,
      { token: rt.get('oauth_token')!, secret: rt.get('oauth_token_secret')! },
      {
        extraOAuth: { oauth_verifier: '00000000' }
      }
    )
    expect(wrongPin.status).toBe(401)

    const token = await inst.tokenFor('student', ['studies'])
    expect((await signedFetch(url('oauth/revoke_token'), [], consumer, token)).status).toBe(200)
    const after = await signedFetch(url('users/user'), [], consumer, token)
    expect(after.status).toBe(401)
    expect(JSON.parse(after.text).error).toBe('invalid_token')
  })

  it('refuses a replayed nonce and a timestamp outside the window', async () => {
    const params = [...oauthParams(consumer.key), ['fac_id', 'WF']] as Array<[string, string]>
    params.push(['oauth_signature', sign('GET', url('fac/faculty'), params, consumer.secret)])
    const q = new URLSearchParams(params).toString()
    expect((await fetch(`${url('fac/faculty')}?${q}`)).status).toBe(200)
    const replay = await fetch(`${url('fac/faculty')}?${q}`)
    expect(replay.status).toBe(401)
    expect((await replay.json()).error).toBe('invalid_nonce')

    const old = oauthParams(consumer.key).map(([k, v]) => [
      k,
      k === 'oauth_timestamp' ? String(Math.floor(Date.now() / 1000) - 3600) : v
    ]) as Array<[string, string]>
    old.push(['fac_id', 'WF'])
    old.push(['oauth_signature', sign('GET', url('fac/faculty'), old, consumer.secret)])
    const stale = await fetch(`${url('fac/faculty')}?${new URLSearchParams(old)}`)
    expect(stale.status).toBe(401)
    expect((await stale.json()).error).toBe('invalid_timestamp')
  })

  it('reads OAuth parameters from the Authorization header, and accepts PLAINTEXT', async () => {
    const params = oauthParams(consumer.key)
    const all = [...params, ['fac_id', 'WH'] as [string, string]]
    const signature = sign('GET', url('fac/faculty'), all, consumer.secret)
    const header = `OAuth realm="x", ${[...params, ['oauth_signature', signature] as [string, string]].map(([k, v]) => `${k}="${encodeURIComponent(v)}"`).join(', ')}`
    const viaHeader = await fetch(`${url('fac/faculty')}?fac_id=WH`, { headers: { Authorization: header } })
    expect(viaHeader.status).toBe(200)
    expect((await viaHeader.json()).name.en).toBe('Faculty of History')

    const plain = new URLSearchParams({
      oauth_consumer_key: consumer.key,
      oauth_signature_method: 'PLAINTEXT',
      oauth_signature: `${consumer.secret}&`,
      fac_id: 'WP'
    })
    expect((await fetch(`${url('fac/faculty')}?${plain}`)).status).toBe(200)
    plain.set('oauth_signature', 'nope&')
    expect((await fetch(`${url('fac/faculty')}?${plain}`)).status).toBe(401)
  })

  it('checks signatures the standard way: a client library that is not ours gets in', async () => {
    const token = await inst.tokenFor('lecturer')
    const client = new OAuth('', '', consumer.key, consumer.secret, '1.0', null, 'HMAC-SHA1')
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      client.post(
        url('users/user'),
        token.token,
        token.secret,
        { fields: 'id|first_name' },
        'application/x-www-form-urlencoded',
        (err, data, res) => {
          if (err && !('statusCode' in err)) reject(err)
          resolve({
            status:
              (res as { statusCode?: number } | undefined)?.statusCode ??
              (err as { statusCode: number }).statusCode,
            body: String(data ?? (err as { data?: string })?.data)
          })
        }
      )
    })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ id: inst.server.demoUserIds.lecturer, first_name: 'Zofia' })
  })

  it('requires a token where the method does, and answers 404 for unknown methods', async () => {
    const noToken = await inst.call('users/users', { user_ids: '1' }, { as: null })
    expect(noToken.status).toBe(200)
    const unknown = await inst.call('meetings/does_not_exist')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ error: 'method_not_found' })
    const unsigned = await fetch(url('fac/faculty?fac_id=WF'))
    expect(unsigned.status).toBe(401)
    const anonymous = await fetch(url('apisrv/installations'))
    expect(anonymous.status).toBe(200)
    expect((await anonymous.json())[0].base_url).toBe(inst.baseUrl)
  })
})
