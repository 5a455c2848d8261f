/**
 * Sends the outbox to USOS in order. A write is marked done only when USOS confirms it (or says
 * it was already so). A timeout is an unknown outcome: before sending again, USOS is asked whether
 * the write took effect. A 401 pauses the queue until the user signs in again; a refused write
 * moves to "needs attention" so that one bad write never blocks the rest.
 */
import type Database from 'better-sqlite3'
import type { LangDict } from '../../shared/types'
import type { UsosCaller } from '../sync/engine'
import { operations, type OperationDef } from './operations'
import { Outbox, type OutboxEntry } from './queue'

export interface DrainResult {
  done: number
  needsAttention: number
  /** Why the queue stopped early, if it did. */
  paused: 'offline' | 'unauthorized' | 'server' | null
}

type Failure = 'offline' | 'unknown_outcome' | 'unauthorized' | 'server' | 'refused'

/** Reads the error the client threw (UsosError or AppError) without depending on its class. */
export function classifyFailure(error: unknown): {
  failure: Failure
  reasons: string[]
  message: string
  userMessages: { generic: LangDict | null } | null
} {
  const e = (error ?? {}) as {
    kind?: unknown
    code?: unknown
    status?: unknown
    reasons?: unknown
    message?: unknown
    details?: unknown
  }
  const details = (typeof e.details === 'object' && e.details !== null ? e.details : {}) as {
    kind?: unknown
    reasons?: unknown
    userMessages?: unknown
  }
  const um = (e as { userMessages?: unknown }).userMessages ?? details.userMessages
  const generic =
    typeof um === 'object' && um !== null ? ((um as { generic?: unknown }).generic as LangDict | null) : null
  const userMessages = generic && typeof generic === 'object' ? { generic } : null
  const kind = typeof e.kind === 'string' ? e.kind : typeof details.kind === 'string' ? details.kind : ''
  const reasonsRaw = Array.isArray(e.reasons)
    ? e.reasons
    : Array.isArray(details.reasons)
      ? details.reasons
      : []
  const reasons = reasonsRaw.filter((r): r is string => typeof r === 'string')
  const message = typeof e.message === 'string' ? e.message : String(error)
  const status = typeof e.status === 'number' ? e.status : 0
  let failure: Failure
  if (kind === 'unknown_outcome' || kind === 'timeout') failure = 'unknown_outcome'
  else if (kind === 'network' || kind === 'cancelled' || e.code === 'offline') failure = 'offline'
  else if (kind === 'unauthorized' || status === 401 || e.code === 'not_signed_in') failure = 'unauthorized'
  else if (kind === 'server' || status >= 500) failure = 'server'
  else failure = 'refused'
  return { failure, reasons, message, userMessages }
}

export async function drainOutbox(
  db: Database.Database,
  usos: UsosCaller,
  options: { onChange?: (entry: OutboxEntry) => void } = {}
): Promise<DrainResult> {
  const outbox = new Outbox(db)
  const result: DrainResult = { done: 0, needsAttention: 0, paused: null }
  for (const entry of outbox.open()) {
    if (entry.state === 'needs_attention') continue
    const def = operations[entry.kind] as unknown as OperationDef<unknown>
    // 'sending' left over from a crash is as unknown as a timeout.
    if (entry.state === 'unknown' || entry.state === 'sending') {
      let already = false
      try {
        already = await def.verify(usos, entry.payload)
      } catch (error) {
        const { failure } = classifyFailure(error)
        result.paused =
          failure === 'unauthorized' ? 'unauthorized' : failure === 'server' ? 'server' : 'offline'
        break
      }
      if (already) {
        outbox.setState(entry.seq, 'done')
        result.done++
        options.onChange?.({ ...entry, state: 'done' })
        continue
      }
    }
    outbox.setState(entry.seq, 'sending', null, true)
    try {
      await usos.call(def.method, def.params(entry.payload))
      outbox.setState(entry.seq, 'done')
      result.done++
      options.onChange?.({ ...entry, state: 'done' })
    } catch (error) {
      const { failure, reasons, message, userMessages } = classifyFailure(error)
      if (failure === 'refused' && reasons.some((r) => def.alreadyDone.includes(r))) {
        outbox.setState(entry.seq, 'done')
        result.done++
        options.onChange?.({ ...entry, state: 'done' })
        continue
      }
      if (failure === 'refused') {
        // The other side of the conflict, if USOS will say; a failure to read it changes nothing.
        const remote = def.current ? await def.current(usos, entry.payload).catch(() => null) : null
        const refusal = { reasons, userMessages }
        outbox.setConflict(entry.seq, message, remote, refusal)
        result.needsAttention++
        options.onChange?.({
          ...entry,
          state: 'needs_attention',
          lastError: message,
          remoteState: remote,
          refusal
        })
        continue
      }
      outbox.setState(entry.seq, failure === 'unknown_outcome' ? 'unknown' : 'pending', message)
      result.paused =
        failure === 'unauthorized' ? 'unauthorized' : failure === 'server' ? 'server' : 'offline'
      break
    }
  }
  return result
}
