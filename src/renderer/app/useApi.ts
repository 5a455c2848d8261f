import { useEffect, useRef, useState } from 'react'
import { errorText } from './error-text'

interface Loaded<T> {
  key: string
  data: T | null
  error: string | null
}

/**
 * Loads with an API call, again whenever `deps` change (compared by value) or `reload` is called;
 * errors become a message, never a crash. The last data stays shown while the next load runs.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
  /** An answer already here for the first draw (a prefetched one): drawn at once, not asked again. */
  initial?: () => T | undefined
): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [tick, setTick] = useState(0)
  const key = `${JSON.stringify(deps)}#${tick}`
  const [loaded, setLoaded] = useState<Loaded<T> | null>(() => {
    const data = initial?.()
    return data === undefined ? null : { key, data, error: null }
  })
  // The key the first draw already has its answer for (its effect then loads nothing).
  const seeded = useRef(loaded?.key ?? null)
  useEffect(() => {
    if (seeded.current === key) {
      seeded.current = null
      return
    }
    let live = true
    load().then(
      (data) => live && setLoaded({ key, data, error: null }),
      (e: unknown) =>
        live &&
        setLoaded((prev) => ({
          key,
          data: prev?.data ?? null,
          error: errorText(e)
        }))
    )
    return () => {
      live = false
    }
    // `key` stands for the caller's deps: the load function itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return {
    data: loaded?.data ?? null,
    error: loaded?.error ?? null,
    loading: loaded?.key !== key,
    reload: () => setTick((t) => t + 1)
  }
}
