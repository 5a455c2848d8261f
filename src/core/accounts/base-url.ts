import { AppError } from '../../shared/errors'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * An installation's base URL as the client uses it: `https://host/` (with the trailing slash;
 * `services/...` is appended). Plain http only for loopback (the demo installation).
 */
export function normalizeBaseUrl(raw: string): string {
  let text = raw.trim()
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError(
      'invalid_argument',
      `"${raw}" is not a web address. Type the installation's address, e.g. https://usosapps.uw.edu.pl/`,
      undefined,
      { key: 'addressNotUrl' }
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new AppError(
      'invalid_argument',
      `The installation's address must start with https:// (got ${url.protocol}//).`,
      undefined,
      { key: 'addressHttps' }
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new AppError(
      'invalid_argument',
      "The installation's address must not carry a user name, query or fragment.",
      undefined,
      { key: 'addressPlain' }
    )
  }
  // A pasted method address ("…/services/apisrv/installations") still names the installation.
  const path = url.pathname.replace(/services\/.*$/, '').replace(/\/*$/, '/')
  return `${url.protocol}//${url.host}${path}`
}
