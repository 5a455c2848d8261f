/**
 * OAuth 1.0a request signing (RFC 5849), HMAC-SHA1 through node:crypto, with the `oauth-1.0a`
 * package building the signature base string and key.
 *
 * Where this module works around the package (each covered by a test in signer.test.ts):
 * - its percent-encoding is replaced by the RFC 3986 one below (the same rules, kept in one place);
 * - it merges the oauth_ parameters, the request's parameters and the URL's query into one object
 *   by name, so a name present in two of them loses a value, and it mutates the object it is given:
 *   here every parameter (query, form body) is collected first, repeated names as lists, and the
 *   package is handed a URL without a query and fresh objects;
 * - its query parsing does not decode `+` or the names, and drops a repeated name whose first value
 *   is empty: the URL's query is parsed here instead (WHATWG URLSearchParams);
 * - it does not normalize the base URL (scheme and host case, default port): RFC 5849 §3.4.1.2
 *   normalization is done here.
 * Form-body parameters are signed only for `application/x-www-form-urlencoded` bodies (§3.4.1.3.1);
 * the key is `enc(consumer_secret)&enc(token_secret)`, the `&` kept when there is no token.
 */
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

/** RFC 5849 §3.4.1.2: lower-case scheme and host, no default port, no query or fragment. */
export function baseStringUri(url: string): string {
  const u = new URL(url)
  return `${u.protocol}//${u.host}${u.pathname}`
}

export function isFormContentType(contentType: string | null | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded'
}

export interface SignInput {
  method: string
  /** The request URL; parameters in its query are signed. */
  url: string
  /**
   * The request's other parameters, repeated names allowed: for GET more query parameters, for
   * other methods the body's (signed only when the body is form-encoded, see `contentType`).
   */
  params?: ReadonlyArray<readonly [string, string]>
  /** The body's content type (default `application/x-www-form-urlencoded`). */
  contentType?: string
  consumer: OAuthPair
  token?: OAuthPair | null
  /** Extra oauth_ parameters, e.g. oauth_callback, oauth_verifier. */
  oauth?: Readonly<Record<string, string>>
  timestamp: number
  nonce: string
  /** Send oauth_version=1.0 (optional in RFC 5849; USOS's own clients send it). Default true. */
  version?: boolean
}

/** The oauth_ parameters of a signed request, oauth_signature included. */
export type SignedOAuth = Record<string, string> & { oauth_signature: string }

function signer(consumer: OAuthPair): OAuth {
  const oauth = new OAuth({
    consumer: { key: consumer.key, secret: consumer.secret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
    last_ampersand: true
  })
  oauth.percentEncode = percentEncode
  return oauth
}

/** The request's parameters that take part in the signature, oauth_ ones excluded. */
export function signedParams(
  input: Pick<SignInput, 'method' | 'url' | 'params' | 'contentType'>
): Array<[string, string]> {
  const out: Array<[string, string]> = [...new URL(input.url).searchParams.entries()]
  const bodyCounts =
    input.method.toUpperCase() === 'GET' ||
    isFormContentType(input.contentType ?? 'application/x-www-form-urlencoded')
  if (bodyCounts) for (const [k, v] of input.params ?? []) out.push([k, v])
  return out
}

export function oauthParams(input: SignInput): Record<string, string> {
  return {
    oauth_consumer_key: input.consumer.key,
    oauth_nonce: input.nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(input.timestamp),
    ...(input.version === false ? {} : { oauth_version: '1.0' }),
    ...(input.token ? { oauth_token: input.token.key } : {}),
    ...(input.oauth ?? {})
  }
}

/** RFC 5849 §3.4.1: the signature base string (exposed for tests and diagnostics; holds no secret). */
export function signatureBaseString(input: SignInput): string {
  return signer(input.consumer).getBaseString(...libraryArgs(input))
}

function libraryArgs(input: SignInput): [OAuth.RequestOptions, OAuth.Data] {
  const data: Record<string, string | string[]> = {}
  const oauth = oauthParams(input)
  for (const [k, v] of [...signedParams(input), ...Object.entries(oauth)]) {
    const prev = data[k]
    data[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  // Everything goes in as request data (a fresh object, the package mutates what it merges into);
  // the oauth_data argument is an empty object so that no name is overwritten in the merge.
  return [{ url: baseStringUri(input.url), method: input.method.toUpperCase(), data }, {} as OAuth.Data]
}

/** Signs a request: answers its oauth_ parameters, oauth_signature included. */
export function signRequest(input: SignInput): SignedOAuth {
  const [request, oauthData] = libraryArgs(input)
  const signature = signer(input.consumer).getSignature(request, input.token?.secret ?? '', oauthData)
  return { ...oauthParams(input), oauth_signature: signature }
}

/**
 * RFC 5849 §3.4.2: `enc(consumer_secret)&enc(token_secret)`, the `&` kept without a token. The
 * package computes the same (with `last_ampersand: true`); this one is for tests to compare.
 */
export function signingKey(input: Pick<SignInput, 'consumer' | 'token'>): string {
  return `${percentEncode(input.consumer.secret)}&${percentEncode(input.token?.secret ?? '')}`
}

/** RFC 5849 §3.5.1: `Authorization: OAuth oauth_consumer_key="...", ...`. */
export function authorizationHeader(oauth: Readonly<Record<string, string>>): string {
  return `OAuth ${Object.entries(oauth)
    .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
    .join(', ')}`
}
