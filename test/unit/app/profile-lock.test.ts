import { mkdtempSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROFILE_LOCK, takeProfileLock } from '../../../src/core/app/profile-lock'

describe('the profile lock', () => {
  it("judges a holder's age by its own clock, not by the file system's (a skewed drive, faketime)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-lock-'))
    const release = await takeProfileLock(dir, { purpose: 'a sync' })
    // The file system says the lock was written a year ago; its holder (this live process) says now.
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000)
    utimesSync(join(dir, PROFILE_LOCK), yearAgo, yearAgo)
    await expect(takeProfileLock(dir, { purpose: 'a sync', waitMs: 0 })).rejects.toThrow(/already running/)
    release()
    const again = await takeProfileLock(dir, { purpose: 'a sync', waitMs: 0 })
    again()
  })

  it('takes over a lock its live holder has held for more than an hour by its own clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-lock-'))
    const start = Date.now()
    await takeProfileLock(dir, { purpose: 'a sync', now: () => start })
    const later = await takeProfileLock(dir, {
      purpose: 'a sync',
      waitMs: 0,
      now: () => start + 61 * 60 * 1000
    })
    later()
  })
})
