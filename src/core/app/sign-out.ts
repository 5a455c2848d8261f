/**
 * Signing an account out without losing a queued change: the profile lock keeps syncs of other
 * processes away, and one transaction both re-checks the outbox and marks the mirror as signing
 * out, after which every new write is refused (Outbox.enqueue reads the mark in its own
 * transaction). So a change is either queued before the check (and the sign-out is refused) or
 * refused itself; none is answered "queued" and then deleted.
 */
import { AppError } from '../../shared/errors'
import { stmt } from '../mirror/statements'
import { SIGNING_OUT_KEY } from '../outbox/queue'
import type { AppContext } from './context'
import { takeProfileLock } from './profile-lock'

export async function signOutAccount(
  ctx: AppContext,
  accountId: string,
  options: { discardPendingWrites?: boolean } = {}
): Promise<{ revoked: boolean }> {
  if (!ctx.accounts.repo.get(accountId))
    throw new AppError('not_found', 'No such account.', undefined, { key: 'noSuchAccount' })
  const release = await takeProfileLock(ctx.dataDir, {
    purpose: 'a sign-out',
    waitMs: ctx.profileLockWaitMs
  })
  try {
    const db = ctx.mirrors.get(accountId)
    const pending = db
      .transaction(() => {
        const { n } = stmt(db, "SELECT COUNT(*) AS n FROM outbox WHERE state <> 'done'").get() as {
          n: number
        }
        if (n > 0 && !options.discardPendingWrites) return n
        stmt(
          db,
          'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
        ).run(SIGNING_OUT_KEY, new Date().toISOString())
        return n
      })
      .immediate()
    if (pending > 0 && !options.discardPendingWrites)
      throw new AppError(
        'conflict',
        `${pending} change(s) made here have not reached USOS yet. Sync first, or confirm that they may be discarded.`,
        { pendingWrites: pending },
        { key: 'pendingWrites', params: { count: String(pending) } }
      )
    let result: { revoked: boolean }
    try {
      result = await ctx.accounts.signOut(accountId)
    } catch (error) {
      // Still signed in: writes are welcome again.
      stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(SIGNING_OUT_KEY)
      throw error
    }
    ctx.mirrors.remove(accountId)
    return result
  } finally {
    release()
  }
}
