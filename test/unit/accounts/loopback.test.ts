import { describe, expect, it } from 'vitest'
import { startLoopbackCallback } from '../../../src/core/accounts'

describe('loopback callback', () => {
  it('hands over the verifier once, answers a page, and closes', async () => {
    const cb = await startLoopbackCallback()
    expect(cb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    const bad = await fetch(`${cb.url}?oauth_token=t`)
    expect(bad.status).toBe(400)
    const ok = await fetch(`${cb.url}?oauth_token=t1&oauth_verifier=v1`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('Signed in')
    await expect(cb.result).resolves.toEqual({ token: 't1', verifier: 'v1' })
    await expect(fetch(`${cb.url}?oauth_token=t2&oauth_verifier=v2`)).rejects.toThrow()
  })

  it('gives up after its timeout', async () => {
    const cb = await startLoopbackCallback(50)
    await expect(cb.result).rejects.toThrow(/not finished in time/)
  })
})
