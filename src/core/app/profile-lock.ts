/**
 * One writer at a time per profile, across processes (the app, the web harness and the CLI share
 * a profile by default): a sync or a sign-out holds `profile.lock` in the profile folder. The file
 * is made whole and then linked into place, so it is never seen half-written; a lock whose process
 * is gone (killed, crashed) or that is older than an hour is stale and taken over.
 */
import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'

export const PROFILE_LOCK = 'profile.lock'
/** No sync takes this long: a lock older than this is left over. */
const STALE_AFTER_MS = 60 * 60 * 1000

export interface LockOptions {
  /** What the lock is taken for, said to whoever finds it held ("a sync"). */
  purpose: string
  /** How long to wait for a held lock before refusing. Default 30 000. */
  waitMs?: number
  pollMs?: number
  signal?: AbortSignal
  now?: () => number
}

interface Holder {
  pid: number
  purpose: string
  since: string
  token: string
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: a process of another user has that id, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>
    return typeof h.pid === 'number' && typeof h.since === 'string' && typeof h.token === 'string'
      ? { pid: h.pid, purpose: String(h.purpose ?? 'a sync'), since: h.since, token: h.token }
      : null
  } catch {
    return null
  }
}

function tryTake(file: string, holder: Holder): boolean {
  const temp = `${file}.${holder.token}.tmp`
  writeFileSync(temp, JSON.stringify(holder), { mode: 0o600 })
  try {
    linkSync(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    rmSync(temp, { force: true })
  }
}

/** Moves a stale lock away (by rename, so that two takers cannot both remove a fresh one). */
function clearIfStale(file: string, now: number): void {
  const holder = readHolder(file)
  // The holder's own clock says since when it holds the lock (the file's mtime is the file
  // system's clock, which may disagree with the processes': a skewed network drive, or faketime).
  let age = holder ? now - Date.parse(holder.since) : 0
  if (!Number.isFinite(age) || !holder)
    try {
      age = now - statSync(file).mtimeMs
    } catch {
      return
    }
  const stale = holder ? !alive(holder.pid) || age > STALE_AFTER_MS : age > 5_000
  if (!stale) return
  const aside = `${file}.stale-${randomBytes(4).toString('hex')}`
  try {
    renameSync(file, aside)
  } catch {
    return
  }
  const moved = readHolder(aside)
  // Another taker replaced it between our look and the rename: put the fresh lock back.
  if (holder && moved && moved.token !== holder.token) {
    try {
      linkSync(aside, file)
    } catch {
      /* someone holds it again; theirs stands */
    }
  }
  rmSync(aside, { force: true })
}

/**
 * Takes the profile's lock, waiting up to `waitMs` for another holder; refuses then with a clear
 * `conflict` ("a sync is already running ..."). Answers the release function.
 */
export async function takeProfileLock(dataDir: string, options: LockOptions): Promise<() => void> {
  const file = join(dataDir, PROFILE_LOCK)
  const now = options.now ?? Date.now
  const waitMs = options.waitMs ?? 30_000
  const pollMs = options.pollMs ?? 100
  const holder: Holder = {
    pid: process.pid,
    purpose: options.purpose,
    since: new Date(now()).toISOString(),
    token: randomBytes(8).toString('hex')
  }
  const started = now()
  for (;;) {
    if (options.signal?.aborted)
      throw new AppError(
        'conflict',
        'Cancelled while waiting for the profile.',
        { kind: 'cancelled' },
        { key: 'syncCancelled' }
      )
    if (tryTake(file, holder)) break
    clearIfStale(file, now())
    if (tryTake(file, holder)) break
    if (now() - started >= waitMs) {
      const other = readHolder(file)
      const who = other ? ` (process ${other.pid}, since ${other.since})` : ''
      throw new AppError(
        'conflict',
        `Refused: ${other?.purpose ?? 'a sync'} is already running on this profile${who}; try again when it has finished.`,
        { kind: 'profile_busy', pid: other?.pid ?? null },
        { key: 'profileBusy' }
      )
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  let released = false
  return () => {
    if (released) return
    released = true
    // Only our own lock is removed (a stale-lock taker may have replaced it).
    if (readHolder(file)?.token === holder.token) rmSync(file, { force: true })
  }
}
