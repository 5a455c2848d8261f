/**
 * Answers asked for before the page that needs them has rendered: the calendar's first range is
 * asked for as soon as the app knows its clock, while React draws the app around it, instead of
 * after. Each answer is taken once, and only soon after it was asked for (never a stale one).
 */
const FRESH_MS = 5_000
const waiting = new Map<string, { answer: Promise<unknown>; at: number; value?: { of: unknown } }>()

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  // Asked for already and not yet taken: that answer will do.
  const asked = waiting.get(key)
  if (asked && performance.now() - asked.at < FRESH_MS) return
  const answer = load()
  const entry: { answer: Promise<unknown>; at: number; value?: { of: unknown } } = {
    answer,
    at: performance.now()
  }
  // Kept as it arrives, so a page drawn after it draws with it at once. A failure is told to the
  // page that takes it (which then asks again), not here.
  answer.then(
    (of) => (entry.value = { of }),
    () => {}
  )
  waiting.set(key, entry)
}

/**
 * The prefetched answer for `key` if it has arrived and is fresh (taken: asked once more, it is
 * loaded anew); undefined otherwise.
 */
export function prefetchedValue<T>(key: string): T | undefined {
  const entry = waiting.get(key)
  if (!entry?.value || performance.now() - entry.at >= FRESH_MS) return undefined
  waiting.delete(key)
  return entry.value.of as T
}

/** The prefetched answer for `key` if there is a fresh one, `load()` otherwise. */
export function prefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const entry = waiting.get(key)
  waiting.delete(key)
  if (entry && performance.now() - entry.at < FRESH_MS) return entry.answer as Promise<T>
  return load()
}

/** The key a meeting date's page takes its details by (the calendar asks for them on the click). */
export const meetingDateKey = (id: string): string => `getMeetingDate:${id}`
