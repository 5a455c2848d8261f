import { describe, expect, it } from 'vitest'
import {
  isAllowedExternalUrl,
  isAppUrl,
  isExternalPageUrl,
  isMailtoUrl
} from '../../../src/main/security-policy'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'

// The window's webPreferences are asserted on the built shell (test/integration/shell).

describe('window security policy', () => {
  it('opens in the system browser only pages of the allowed origins (https, or http on this computer)', () => {
    const origins = new Set(['https://usosapps.uw.edu.pl', 'http://127.0.0.1:8765'])
    expect(
      isAllowedExternalUrl('https://usosapps.uw.edu.pl/services/oauth/authorize?oauth_token=x', origins)
    ).toBe(true)
    expect(isAllowedExternalUrl('http://127.0.0.1:8765/services/oauth/authorize', origins)).toBe(true)
    expect(isAllowedExternalUrl('http://usosapps.uw.edu.pl/developers/', origins)).toBe(false)
    expect(isAllowedExternalUrl('https://usosapps.uw.edu.pl:8443/', origins)).toBe(false)
    expect(isAllowedExternalUrl('https://usosapps.uw.edu.pl.evil.example/', origins)).toBe(false)
    expect(isAllowedExternalUrl('https://evil.example/?https://usosapps.uw.edu.pl', origins)).toBe(false)
    expect(isAllowedExternalUrl('https://user@usosapps.uw.edu.pl/', origins)).toBe(false)
    expect(isAllowedExternalUrl('http://127.0.0.1:9999/', origins)).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd', origins)).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)', origins)).toBe(false)
    expect(isAllowedExternalUrl('not a url', origins)).toBe(false)
  })

  it('lets the app open only https pages, or http ones on this computer (the demo installation)', () => {
    expect(isExternalPageUrl('https://usos.example.edu.pl/services/oauth/authorize')).toBe(true)
    expect(isExternalPageUrl('http://localhost:8765/')).toBe(true)
    expect(isExternalPageUrl('http://[::1]:8765/')).toBe(true)
    expect(isExternalPageUrl('http://usos.example.edu.pl/')).toBe(false)
    expect(isExternalPageUrl('file:///tmp/x.html')).toBe(false)
    expect(isExternalPageUrl('smb://server/share')).toBe(false)
  })

  it("accepts the app's own index.html only, never another file: page", () => {
    const page = 'file:///opt/app/resources/app.asar/out/renderer/index.html'
    expect(isAppUrl(page, page)).toBe(true)
    expect(isAppUrl(`${page}#/settings`, page)).toBe(true)
    expect(isAppUrl('file:///opt/app/resources/app.asar/out/main/../renderer/index.html', page)).toBe(true)
    expect(isAppUrl('file:///home/me/Downloads/evil.html', page)).toBe(false)
    expect(isAppUrl('file:///opt/app/resources/app.asar/out/renderer/other.html', page)).toBe(false)
    expect(isAppUrl(`${page}?x=1`, page)).toBe(false)
    expect(isAppUrl('file://server/opt/app/resources/app.asar/out/renderer/index.html', page)).toBe(false)
    expect(isAppUrl('https://example.com/', page)).toBe(false)
    expect(isAppUrl('not a url', page)).toBe(false)
  })

  it('compares Windows paths without regard to case, and others exactly', () => {
    const page = 'file:///C:/Program%20Files/USOS%20Office%20Hours/resources/app.asar/out/renderer/index.html'
    expect(isAppUrl(page.replace('C:/Program', 'c:/program'), page, true)).toBe(true)
    expect(isAppUrl(page.replace('C:/Program', 'c:/program'), page, false)).toBe(false)
  })

  it('under the dev server, accepts that server only', () => {
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
    expect(isAppUrl('file:///opt/app/out/renderer/index.html', 'http://localhost:5173/')).toBe(false)
  })

  it('allows scripts from the app only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
  })
})

describe('mailto links', () => {
  it('opens a mailto: with addresses in BCC, and nothing else or with a header smuggled in', () => {
    expect(isMailtoUrl('mailto:?bcc=a%40uw.edu.pl,b%40uw.edu.pl')).toBe(true)
    expect(isMailtoUrl('MAILTO:?bcc=a%40x.pl')).toBe(true)
    expect(isMailtoUrl('https://evil.example/mailto:')).toBe(false)
    expect(isMailtoUrl('javascript:alert(1)//mailto:')).toBe(false)
    expect(isMailtoUrl('mailto:?bcc=a%40x.pl%0D%0ABcc:%20all%40x.pl')).toBe(false)
    expect(isMailtoUrl('mailto:?bcc=a@x.pl\nX: y')).toBe(false)
  })
})
