/**
 * The window hardening that every BrowserWindow gets. Kept apart from window creation so that a
 * test can read the exact preferences used.
 */
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { isAllowedExternalUrl, isAppUrl, type ExternalHostAllowList } from './security-policy'
import { shell, type Session, type WebContents } from 'electron'

export function hardenContents(
  contents: WebContents,
  appOrigin: string,
  allowedHosts: ExternalHostAllowList
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, allowedHosts())) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export function hardenSession(session: Session, production: boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  if (production) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
      })
    })
  }
}
