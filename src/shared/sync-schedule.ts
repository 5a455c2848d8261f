/**
 * When the window syncs by itself and when it warns that the local copy is old. Pure: the caller
 * gives the app's clock (`appNow`), so tests pin it.
 */

/** A copy older than this is announced as possibly out of date. */
export const STALE_AFTER_MS = 60 * 60 * 1000

const warsawDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(d)

/** How old the copy is: never synced, fresh, or old (over an hour, or from an earlier day in Warsaw). */
export function copyAge(lastSyncedAt: Date | null, now: Date): 'never' | 'fresh' | 'old' {
  if (!lastSyncedAt || Number.isNaN(lastSyncedAt.getTime())) return 'never'
  if (now.getTime() - lastSyncedAt.getTime() > STALE_AFTER_MS) return 'old'
  return warsawDay(lastSyncedAt) < warsawDay(now) ? 'old' : 'fresh'
}

/** Whether the window syncs as it opens: automatic syncs on, and the copy older than their interval. */
export function syncAtOpen(lastSyncedAt: Date | null, now: Date, autoSyncMinutes: number): boolean {
  if (autoSyncMinutes <= 0) return false
  if (!lastSyncedAt) return true
  return now.getTime() - lastSyncedAt.getTime() >= autoSyncMinutes * 60 * 1000
}

/** Whether the last sync was on the same Warsaw day as now (then its time alone is enough). */
export function sameWarsawDay(a: Date, b: Date): boolean {
  return warsawDay(a) === warsawDay(b)
}
