import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, isAppUrl, secureWebPreferences } from '../../../src/main/security-policy'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'

describe('window security policy', () => {
  it('keeps every window sandboxed and isolated', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false
    })
  })

  it('opens only https links to the installations in the system browser', () => {
    const hosts = new Set(['usosapps.uw.edu.pl'])
    expect(isAllowedExternalUrl('https://usosapps.uw.edu.pl/developers/', hosts)).toBe(true)
    expect(isAllowedExternalUrl('http://usosapps.uw.edu.pl/developers/', hosts)).toBe(false)
    expect(isAllowedExternalUrl('https://usosapps.uw.edu.pl.evil.example/', hosts)).toBe(false)
    expect(isAllowedExternalUrl('https://evil.example/?https://usosapps.uw.edu.pl', hosts)).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd', hosts)).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)', hosts)).toBe(false)
    expect(isAllowedExternalUrl('not a url', hosts)).toBe(false)
  })

  it('lets windows navigate only within the app', () => {
    expect(isAppUrl('file:///opt/app/out/renderer/index.html#/settings', 'file://')).toBe(true)
    expect(isAppUrl('https://example.com/', 'file://')).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('allows scripts from the app only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
  })
})
