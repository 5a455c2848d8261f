/**
 * The security rules of the windows, as plain functions (no Electron import), so that unit tests
 * check the very rules the app uses.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

function parse(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * A page the system browser may be asked to open: https, or plain http on this computer (the demo
 * installation, as the core accepts installation addresses).
 */
export function isExternalPageUrl(raw: string): boolean {
  const url = parse(raw)
  if (!url || url.username || url.password) return false
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
}

/**
 * Origins that links may open in the system browser: those of the sign-in pages the app opened
 * and of the installations signed in to, nothing else.
 */
export type ExternalOriginAllowList = () => ReadonlySet<string>

export function isAllowedExternalUrl(raw: string, allowedOrigins: ReadonlySet<string>): boolean {
  const url = parse(raw)
  return url !== null && isExternalPageUrl(raw) && allowedOrigins.has(url.origin)
}

/**
 * A `mailto:` link (the participants' addresses in BCC) goes to the user's mail program: only the
 * mailto scheme, and nothing that could smuggle a header line in.
 */
export function isMailtoUrl(raw: string): boolean {
  return /^mailto:/i.test(raw) && !/[\r\n]|%0[ad]/i.test(raw) && raw.length < 100_000
}

/**
 * Only the app's own page may load in a window and call the API: in the built app exactly its
 * `index.html` (any route after `#`), never another `file:` page (an HTML file dropped on the
 * window, a downloaded one); under the dev server, that server's origin.
 */
export function isAppUrl(
  raw: string,
  appPage: string,
  caseInsensitive = process.platform === 'win32'
): boolean {
  const url = parse(raw)
  const page = parse(appPage)
  if (!url || !page) return false
  if (page.protocol !== 'file:') return url.origin === page.origin
  if (url.protocol !== 'file:' || url.host !== page.host || url.search !== '') return false
  return caseInsensitive
    ? url.pathname.toLowerCase() === page.pathname.toLowerCase()
    : url.pathname === page.pathname
}
