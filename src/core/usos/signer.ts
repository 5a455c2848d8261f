import { createHmac } from 'node:crypto'
import OAuth from 'oauth-1.0a'

export interface OAuthPair {
  key: string
  secret: string
}

/** RFC 3986 percent-encoding: encodeURIComponent leaves ! ' ( ) * alone, OAuth wants them encoded. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

export interface SignInput {
  method: 'GET' | 'POST'
  url: string
  /** Query or form parameters (not the oauth_ ones); repeated names allowed. */
  params: Array<[string, string]>
  consumer: OAuthPair
  token?: OAuthPair | null
  /** Extra oauth_ parameters, e.g. oauth_callback, oauth_verifier. */
  oauth?: Record<string, string>
  timestamp: number
  nonce: string
  /** Send oauth_version=1.0 (optional in RFC 5849; USOS clients send it). */
  version?: boolean
}

/**
 * HMAC-SHA1 signing (RFC 5849) with the oauth-1.0a package computing the base string and key;
 * parameters are passed as repeated pairs so duplicate names survive, and its encoding is the RFC
 * 3986 one above.
 */
export function signRequest(input: SignInput): Record<string, string> {
  const oauth = new OAuth({
    consumer: { key: input.consumer.key, secret: input.consumer.secret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64')
  })
  oauth.percentEncode = percentEncode
  const data: Record<string, string | string[]> = {}
  for (const [k, v] of input.params) {
    const prev = data[k]
    data[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  const oauthData: Record<string, string> = {
    oauth_consumer_key: input.consumer.key,
    oauth_nonce: input.nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(input.timestamp),
    ...(input.version === false ? {} : { oauth_version: '1.0' }),
    ...(input.token ? { oauth_token: input.token.key } : {}),
    ...(input.oauth ?? {})
  }
  const signature = oauth.getSignature(
    { url: input.url, method: input.method, data },
    input.token?.secret ?? '',
    // oauth-1.0a merges the request's parameters into the object it is given: hand it a copy.
    { ...oauthData } as unknown as OAuth.Data
  )
  return { ...oauthData, oauth_signature: signature }
}
