import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import OAuth from 'oauth-1.0a'
import { describe, expect, it } from 'vitest'
import {
  authorizationHeader,
  baseStringUri,
  percentEncode,
  signRequest,
  signatureBaseString,
  signingKey
} from '../../../src/core/usos/signer'

const consumer = { key: 'dpf43f3p2l4k3l03', secret: 'kd94hf93k423kf44' }

describe('OAuth 1.0a HMAC-SHA1 signatures: every vector in reliability.md', () => {
  it('RFC 5849 §1.2 initiate (no token, callback)', () => {
    const s = signRequest({
      method: 'POST',
      url: 'https://photos.example.net/initiate',
      consumer,
      oauth: { oauth_callback: 'http://printer.example.com/ready' },
      timestamp: 137131200,
      nonce: 'wIjqoS',
      version: false
    })
    expect(s.oauth_signature).toBe('74KNZJeDHnMBp0EMJ9ZHt/XKycU=')
  })

  it('RFC 5849 §1.2 token (request token, verifier)', () => {
    const s = signRequest({
      method: 'POST',
      url: 'https://photos.example.net/token',
      consumer,
      token: { key: 'hh5s93j4hdidpola', secret: 'hdhd0244k9j7ao03' },
      oauth: { oauth_verifier: 'hfdp7dh39dks9884' },
      timestamp: 137131201,
      nonce: 'walatlh',
      version: false
    })
    expect(s.oauth_signature).toBe('gKgrFCywp7rO0OXSjdot/IHF7IU=')
  })

  it('RFC 5849 §1.2 photos, parameters in the URL, without oauth_version', () => {
    const s = signRequest({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      consumer,
      token: { key: 'nnch734d00sl2jdk', secret: 'pfkkdhi9sl3r4s00' },
      timestamp: 137131202,
      nonce: 'chapoH',
      version: false
    })
    expect(s.oauth_signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=')
  })

  it('RFC 5849 §1.2 photos, the same parameters given apart from the URL', () => {
    const s = signRequest({
      method: 'GET',
      url: 'http://photos.example.net/photos',
      params: [
        ['file', 'vacation.jpg'],
        ['size', 'original']
      ],
      consumer,
      token: { key: 'nnch734d00sl2jdk', secret: 'pfkkdhi9sl3r4s00' },
      timestamp: 137131202,
      nonce: 'chapoH',
      version: false
    })
    expect(s.oauth_signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=')
  })

  it('OAuth Core 1.0 appendix A.5, with oauth_version=1.0', () => {
    const s = signRequest({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      consumer,
      token: { key: 'nnch734d00sl2jdk', secret: 'pfkkdhi9sl3r4s00' },
      timestamp: 1191242096,
      nonce: 'kllo9940pd9333jh'
    })
    expect(s.oauth_version).toBe('1.0')
    expect(s.oauth_signature).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=')
  })
})

/** RFC 5849 §3.4 written out here, independent of the oauth-1.0a package. */
function referenceSignature(
  method: string,
  url: string,
  params: Array<[string, string]>,
  consumerSecret: string,
  tokenSecret: string
): string {
  const norm = params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const base = `${method}&${percentEncode(url)}&${percentEncode(norm)}`
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`)
    .update(base)
    .digest('base64')
}

describe('signing rules', () => {
  it("percent-encodes per RFC 3986: ! ' ( ) * encoded, unreserved kept, UTF-8 bytes", () => {
    expect(percentEncode("a!b'c(d)e*f ~-._")).toBe('a%21b%27c%28d%29e%2Af%20~-._')
    expect(percentEncode('Łódź+&=')).toBe('%C5%81%C3%B3d%C5%BA%2B%26%3D')
  })

  it('keeps duplicate names and sorts them by encoded name, then value', () => {
    const input = {
      method: 'POST',
      url: 'https://u.example/services/x',
      params: [
        ['a', '2'],
        ['a', '1'],
        ['b', 'x'],
        ['a', '10']
      ] as Array<[string, string]>,
      consumer,
      timestamp: 1,
      nonce: 'n'
    }
    expect(signatureBaseString(input)).toContain(percentEncode('a=1&a=10&a=2&b=x&oauth_consumer_key'))
    const one = signRequest(input)
    const fewer = signRequest({ ...input, params: [['a', '1']] })
    expect(one.oauth_signature).not.toBe(fewer.oauth_signature)
    // Duplicates split between the URL's query and the body are all kept too.
    const split = signRequest({ ...input, url: `${input.url}?a=2&a=1`, params: input.params.slice(2) })
    expect(split.oauth_signature).toBe(one.oauth_signature)
  })

  it('signs form-body parameters only for application/x-www-form-urlencoded', () => {
    const base = {
      method: 'POST',
      url: 'https://u.example/services/x',
      params: [['q', 'v']] as Array<[string, string]>,
      consumer,
      timestamp: 1,
      nonce: 'n'
    }
    const form = signRequest({ ...base, contentType: 'application/x-www-form-urlencoded; charset=utf-8' })
    const json = signRequest({ ...base, contentType: 'application/json' })
    const none = signRequest({ ...base, params: [] })
    expect(form.oauth_signature).not.toBe(none.oauth_signature)
    expect(json.oauth_signature).toBe(none.oauth_signature)
    // A GET's parameters are query parameters: always signed, whatever the content type.
    const get = signRequest({ ...base, method: 'GET', contentType: 'application/json' })
    expect(get.oauth_signature).not.toBe(signRequest({ ...base, method: 'GET', params: [] }).oauth_signature)
  })

  it('keys with enc(consumer secret)&enc(token secret), keeping the & without a token', () => {
    expect(signingKey({ consumer: { key: 'k', secret: 'a&b c' } })).toBe('a%26b%20c&')
    expect(signingKey({ consumer: { key: 'k', secret: 'c' }, token: { key: 't', secret: 'd!' } })).toBe(
      'c&d%21'
    )
    const lib = new OAuth({
      consumer: { key: 'k', secret: 'a&b c' },
      signature_method: 'HMAC-SHA1',
      hash_function: (b) => b
    })
    lib.percentEncode = percentEncode
    expect(lib.getSigningKey('')).toBe(signingKey({ consumer: { key: 'k', secret: 'a&b c' } }))
  })

  it('reads the URL query as a server does (+ is a space, names decoded, empty values kept)', () => {
    // Each of these the oauth-1.0a package alone gets wrong; the signer parses the query itself.
    const sign = (url: string) =>
      signRequest({ method: 'GET', url, consumer, timestamp: 1, nonce: 'n' }).oauth_signature
    const ref = (params: Array<[string, string]>) => {
      const s = signRequest({ method: 'GET', url: 'https://u.example/x', consumer, timestamp: 1, nonce: 'n' })
      const oauth = Object.entries(s).filter(([k]) => k !== 'oauth_signature')
      return referenceSignature('GET', 'https://u.example/x', [...params, ...oauth], consumer.secret, '')
    }
    expect(sign('https://u.example/x?q=a+b')).toBe(ref([['q', 'a b']]))
    expect(sign('https://u.example/x?a%20b=1')).toBe(ref([['a b', '1']]))
    expect(sign('https://u.example/x?a=&a=1')).toBe(
      ref([
        ['a', ''],
        ['a', '1']
      ])
    )
  })

  it('normalizes the base string URI (scheme and host case, default port, no query)', () => {
    expect(baseStringUri('HTTPS://Usos.Example.EDU:443/services/x?y=1#f')).toBe(
      'https://usos.example.edu/services/x'
    )
    expect(baseStringUri('http://u.example:8080/a')).toBe('http://u.example:8080/a')
  })

  it('agrees with an independent RFC 5849 implementation on awkward parameters', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'a b', 'x!', 'ł', 'oauth_callback_x'), text), {
          maxLength: 6
        }),
        fc.constantFrom('GET', 'POST'),
        text,
        text,
        (params, method, cs, ts) => {
          const token = { key: 'tok', secret: ts }
          const s = signRequest({
            method,
            url: 'https://u.example/services/m',
            params,
            consumer: { key: 'ck', secret: cs },
            token,
            timestamp: 1000,
            nonce: 'nonce'
          })
          const oauth = Object.entries(s).filter(([k]) => k !== 'oauth_signature')
          expect(s.oauth_signature).toBe(
            referenceSignature(method, 'https://u.example/services/m', [...params, ...oauth], cs, ts)
          )
        }
      ),
      { numRuns: 300, seed: 5849 }
    )
  })

  it('answers only oauth_ parameters and does not alter its input', () => {
    const params: Array<[string, string]> = [['fac_id', 'WF']]
    const oauth = { oauth_callback: 'oob' }
    const s = signRequest({
      method: 'POST',
      url: 'https://u.example/x',
      params,
      consumer,
      oauth,
      timestamp: 1,
      nonce: 'n'
    })
    expect(Object.keys(s).every((k) => k.startsWith('oauth_'))).toBe(true)
    expect(params).toEqual([['fac_id', 'WF']])
    expect(oauth).toEqual({ oauth_callback: 'oob' })
  })

  it('signs a consumer-only request with the consumer alone (no oauth_token)', () => {
    const s = signRequest({
      method: 'POST',
      url: 'https://u.example/x',
      consumer,
      token: null,
      timestamp: 1,
      nonce: 'n'
    })
    expect(s.oauth_token).toBeUndefined()
    const oauth = Object.entries(s).filter(([k]) => k !== 'oauth_signature')
    expect(s.oauth_signature).toBe(
      referenceSignature('POST', 'https://u.example/x', oauth, consumer.secret, '')
    )
  })

  it('writes the Authorization header per RFC 5849 §3.5.1', () => {
    expect(authorizationHeader({ oauth_consumer_key: 'a b', oauth_signature: 'x+y/z=' })).toBe(
      'OAuth oauth_consumer_key="a%20b", oauth_signature="x%2By%2Fz%3D"'
    )
  })
})
