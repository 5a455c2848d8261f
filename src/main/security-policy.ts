/**
 * The security rules of every window, as plain data and functions (no Electron import), so that
 * unit tests check the very values the app uses.
 */
export const secureWebPreferences = (preload: string | undefined) => ({
  ...(preload ? { preload } : {}),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: true
})

/** Hosts that links may open in the system browser: the installations' own, nothing else. */
export type ExternalHostAllowList = () => ReadonlySet<string>

export function isAllowedExternalUrl(raw: string, allowedHosts: ReadonlySet<string>): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && allowedHosts.has(url.host)
}

/** Only the app's own pages may load in a window: same origin as the page it started with. */
export function isAppUrl(raw: string, appOrigin: string): boolean {
  try {
    const url = new URL(raw)
    if (appOrigin === 'file://') return url.protocol === 'file:'
    return url.origin === appOrigin
  } catch {
    return false
  }
}
