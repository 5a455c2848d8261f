import { describe, expect, it } from 'vitest'
import { percentEncode, signRequest } from '../../../src/core/usos/signer'

const consumer = { key: 'dpf43f3p2l4k3l03', secret: 'kd94hf93k423kf44' }

describe('OAuth 1.0a HMAC-SHA1 signatures (vectors from reliability.md)', () => {
  it('RFC 5849 §1.2 initiate', () => {
    const s = signRequest({
      method: 'POST',
      url: 'https://photos.example.net/initiate',
      params: [],
      consumer,
      oauth: { oauth_callback: 'http://printer.example.com/ready' },
      timestamp: 137131200,
      nonce: 'wIjqoS',
      version: false
    })
    expect(s.oauth_signature).toBe('74KNZJeDHnMBp0EMJ9ZHt/XKycU=')
  })

  it('RFC 5849 §1.2 token', () => {
    const s = signRequest({
      method: 'POST',
      url: 'https://photos.example.net/token',
      params: [],
      consumer,
      token: { key: 'hh5s93j4hdidpola', secret: 'hdhd0244k9j7ao03' },
      oauth: { oauth_verifier: 'hfdp7dh39dks9884' },
      timestamp: 137131201,
      nonce: 'walatlh',
      version: false
    })
    expect(s.oauth_signature).toBe('gKgrFCywp7rO0OXSjdot/IHF7IU=')
  })

  it('RFC 5849 §1.2 photos, without oauth_version', () => {
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

  it('OAuth Core 1.0 appendix A.5, with oauth_version', () => {
    const s = signRequest({
      method: 'GET',
      url: 'http://photos.example.net/photos',
      params: [
        ['file', 'vacation.jpg'],
        ['size', 'original']
      ],
      consumer,
      token: { key: 'nnch734d00sl2jdk', secret: 'pfkkdhi9sl3r4s00' },
      timestamp: 1191242096,
      nonce: 'kllo9940pd9333jh'
    })
    expect(s.oauth_signature).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=')
  })

  it('answers only oauth_ parameters, so request parameters are not sent twice', () => {
    const s = signRequest({
      method: 'POST',
      url: 'https://u.example/x',
      params: [['fac_id', 'WF']],
      consumer,
      timestamp: 1,
      nonce: 'n'
    })
    expect(Object.keys(s).every((k) => k.startsWith('oauth_'))).toBe(true)
  })

  it('encodes per RFC 3986 and keeps repeated names', () => {
    expect(percentEncode("a!b'c(d)e*f ~")).toBe('a%21b%27c%28d%29e%2Af%20~')
    const one = signRequest({
      method: 'POST',
      url: 'https://u.example/x',
      params: [
        ['a', '1'],
        ['a', '2']
      ],
      consumer,
      timestamp: 1,
      nonce: 'n'
    })
    const other = signRequest({
      method: 'POST',
      url: 'https://u.example/x',
      params: [['a', '1']],
      consumer,
      timestamp: 1,
      nonce: 'n'
    })
    expect(one.oauth_signature).not.toBe(other.oauth_signature)
  })
})
