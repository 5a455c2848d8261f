/**
 * The hardening that every web contents and the session get (the rules themselves are in
 * security-policy.ts, unit-tested without Electron).
 */
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { isAllowedExternalUrl, isAppUrl, isMailtoUrl, type ExternalOriginAllowList } from './security-policy'
import { shell, type Session, type WebContents } from 'electron'

export function hardenContents(
  contents: WebContents,
  appPage: string,
  allowed: ExternalOriginAllowList
): void {
  // Also what a file dropped on the window would do (navigateOnDragDrop is off as well).
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appPage)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appPage)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // No window opens inside the app; a link to a sign-in page the app itself started (or to an
  // installation signed in to) opens in the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, allowed()) || isMailtoUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export function hardenSession(session: Session, appPage: string, production: boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  if (production) {
    // The app's own page only: the print window's page (inline styles) keeps its own rules.
    session.webRequest.onHeadersReceived((details, callback) => {
      if (details.resourceType !== 'mainFrame' || !isAppUrl(details.url, appPage)) {
        callback({})
        return
      }
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
      })
    })
  }
}
