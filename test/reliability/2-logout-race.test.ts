/**
 * Finding 2: a change made while logout waits for revoke_token (the web harness or the app on the
 * same profile) must not be answered "queued" and then deleted.
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OfficeHours } from '../../src/core/app/office-hours'
import { mirrorFile } from '../../src/core/app/paths'
import { signOutAccount } from '../../src/core/app/sign-out'
import { Outbox } from '../../src/core/outbox'
import { offlineFactory, signedInContext, tempDir } from './helpers'

const signUp = { meeting_date_id: '10', substantiation_id: '1' }

describe('finding 2: logout racing a queued write', () => {
  it('a write made while logout waits for revoke_token is refused, never queued and lost', async () => {
    const dir = tempDir()
    let letRevokeFinish = () => {}
    const gate = new Promise<void>((resolve) => (letRevokeFinish = resolve))
    const loggingOut = signedInContext(dir, { clientFactory: offlineFactory(gate) })
    // The web harness on the same profile: another context, its own connections; USOS unreachable.
    const harness = signedInContext(dir, { outboxRetryDelaysMs: [600_000] })
    const app = new OfficeHours(harness)
    try {
      const logout = signOutAccount(loggingOut, 'acc1')
      // Let logout check the outbox and reach revoke_token.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const during = await app.write('sign_up', signUp).then(
        (r) => ({ answered: r.outcome, error: null as string | null }),
        (e: Error) => ({ answered: null, error: e.message })
      )
      letRevokeFinish()
      await logout
      // Refused with a clear line: never "queued" (which would then be deleted with the mirror).
      expect(during.answered).toBeNull()
      expect(during.error).toMatch(/being signed out/)
      expect(existsSync(mirrorFile(dir, 'acc1'))).toBe(false)
    } finally {
      letRevokeFinish()
      harness.close()
      loggingOut.close()
    }
  })

  it('a write queued before the logout is kept: the logout is refused and the mirror stays', async () => {
    const dir = tempDir()
    const ctx = signedInContext(dir, { outboxRetryDelaysMs: [600_000] })
    try {
      const result = await new OfficeHours(ctx).write('sign_up', signUp)
      expect(result.outcome).toBe('queued')
      await expect(signOutAccount(ctx, 'acc1')).rejects.toThrow(
        /1 change\(s\) made here have not reached USOS/
      )
      expect(existsSync(mirrorFile(dir, 'acc1'))).toBe(true)
      expect(new Outbox(ctx.mirrors.get('acc1')).counts().pending).toBe(1)
      // And a write after the refused logout is still welcome.
      expect((await new OfficeHours(ctx).write('sign_up', signUp)).outcome).toBe('queued')
    } finally {
      ctx.close()
    }
  })
})
