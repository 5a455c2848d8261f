/** Rows read while rendering one call, memoized for that call only (a call never renders after writing). */
import type { CallContext } from '../../../framework/types'

const perCall = new WeakMap<CallContext, Map<string, unknown>>()

export function memo<T>(ctx: CallContext, key: string, read: () => T): T {
  let m = perCall.get(ctx)
  if (!m) {
    m = new Map()
    perCall.set(ctx, m)
  }
  if (m.has(key)) return m.get(key) as T
  const value = read()
  m.set(key, value)
  return value
}
