import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { LangDict } from '../../shared/types'
import { stmt } from '../mirror/statements'
import { operations, type OperationKind, type OperationPayload, type RemoteState } from './operations'

export type OutboxState = 'pending' | 'sending' | 'unknown' | 'needs_attention' | 'done'

export interface OutboxEntry {
  seq: number
  opId: string
  kind: OperationKind
  payload: unknown
  state: OutboxState
  attempts: number
  lastError: string | null
  createdAt: string
  /** What USOS had when it refused the write (a conflict's other side). */
  remoteState: RemoteState | null
  /** USOS's reason codes and localized messages for a refused write. */
  refusal: Refusal | null
}

export interface Refusal {
  reasons: string[]
  userMessages: { generic: LangDict | null } | null
}

interface Row {
  seq: number
  op_id: string
  kind: string
  payload: string
  state: OutboxState
  attempts: number
  last_error: string | null
  created_at: string
  remote_state: string | null
  refusal?: string | null
}

const toEntry = (r: Row): OutboxEntry => ({
  seq: r.seq,
  opId: r.op_id,
  kind: r.kind as OperationKind,
  payload: JSON.parse(r.payload) as unknown,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  remoteState: r.remote_state ? (JSON.parse(r.remote_state) as RemoteState) : null,
  refusal: r.refusal ? (JSON.parse(r.refusal) as Refusal) : null
})

/** Set in the mirror (sync_state) by a sign-out once it has checked the outbox: no write may follow. */
export const SIGNING_OUT_KEY = 'signing_out'

/**
 * The user's writes, in order. Enqueueing applies the local change and records the write in one
 * transaction (the database runs synchronous=FULL, so an acknowledged write survives power loss).
 */
export class Outbox {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date()
  ) {}

  enqueue<K extends OperationKind>(kind: K, payload: OperationPayload<K>): OutboxEntry {
    const def = operations[kind] as unknown as {
      target(p: unknown): { table: string; id: string }
      applyLocal(db: Database.Database, p: unknown, opId: string): void
    }
    if (!def) throw new AppError('invalid_argument', `Unknown write: ${String(kind)}`)
    const opId = randomUUID()
    const at = this.now().toISOString()
    const target = def.target(payload)
    const seq = this.db.transaction(() => {
      if (stmt(this.db, 'SELECT 1 FROM sync_state WHERE key = ?').get(SIGNING_OUT_KEY))
        throw new AppError(
          'not_signed_in',
          'This account is being signed out: the change was not made.',
          undefined,
          {
            key: 'signingOut'
          }
        )
      def.applyLocal(this.db, payload, opId)
      return stmt(
        this.db,
        `INSERT INTO outbox (op_id, kind, payload, target_table, target_id, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`
      ).run(opId, kind, JSON.stringify(payload), target.table, target.id, at, at).lastInsertRowid
    })()
    return this.get(Number(seq)) as OutboxEntry
  }

  get(seq: number): OutboxEntry | null {
    const row = stmt(this.db, 'SELECT * FROM outbox WHERE seq = ?').get(seq) as Row | undefined
    return row ? toEntry(row) : null
  }

  /** Writes not yet through, oldest first (what the user sees as pending or needing attention). */
  open(): OutboxEntry[] {
    return (stmt(this.db, "SELECT * FROM outbox WHERE state <> 'done' ORDER BY seq").all() as Row[]).map(
      toEntry
    )
  }

  counts(): { pending: number; needsAttention: number } {
    const rows = stmt(
      this.db,
      "SELECT state, COUNT(*) AS n FROM outbox WHERE state <> 'done' GROUP BY state"
    ).all() as Array<{
      state: OutboxState
      n: number
    }>
    let pending = 0
    let needsAttention = 0
    for (const r of rows) {
      if (r.state === 'needs_attention') needsAttention += r.n
      else pending += r.n
    }
    return { pending, needsAttention }
  }

  setState(seq: number, state: OutboxState, error: string | null = null, countAttempt = false): void {
    stmt(
      this.db,
      'UPDATE outbox SET state = ?, last_error = ?, attempts = attempts + ?, updated_at = ? WHERE seq = ?'
    ).run(state, error, countAttempt ? 1 : 0, this.now().toISOString(), seq)
  }

  /** USOS refused the write: it waits for the user, with what USOS has now beside it. */
  setConflict(seq: number, error: string, remote: RemoteState | null, refusal: Refusal | null = null): void {
    stmt(
      this.db,
      "UPDATE outbox SET state = 'needs_attention', last_error = ?, remote_state = ?, refusal = ?, updated_at = ? WHERE seq = ?"
    ).run(
      error,
      remote ? JSON.stringify(remote) : null,
      refusal ? JSON.stringify(refusal) : null,
      this.now().toISOString(),
      seq
    )
  }

  /** The user asks to try a write that needed attention once more. */
  retry(opId: string): void {
    const changed = stmt(
      this.db,
      "UPDATE outbox SET state = 'pending', last_error = NULL, refusal = NULL, updated_at = ? WHERE op_id = ? AND state = 'needs_attention'"
    ).run(this.now().toISOString(), opId).changes
    if (changed === 0)
      throw new AppError('not_found', 'That write is not waiting for attention.', undefined, {
        key: 'writeGone'
      })
  }

  /**
   * The user gives a write up. It is kept as done-with-error for the record; the next sync puts
   * the mirror back to what USOS has.
   */
  discard(opId: string): void {
    const changed = stmt(
      this.db,
      "UPDATE outbox SET state = 'done', last_error = COALESCE(last_error, 'discarded by the user'), updated_at = ? WHERE op_id = ? AND state IN ('needs_attention', 'pending')"
    ).run(this.now().toISOString(), opId).changes
    if (changed === 0)
      throw new AppError('not_found', 'That write cannot be discarded now.', undefined, { key: 'writeGone' })
    // The lists the write touched are read again at the next sync.
    const row = stmt(this.db, 'SELECT target_table, target_id FROM outbox WHERE op_id = ?').get(opId) as
      { target_table: string | null; target_id: string | null } | undefined
    const dateId =
      row?.target_table === 'meeting_dates'
        ? row.target_id
        : row?.target_table === 'participants'
          ? ((
              stmt(this.db, 'SELECT meeting_date_id FROM participants WHERE id = ?').get(row.target_id) as
                { meeting_date_id: string } | undefined
            )?.meeting_date_id ?? null)
          : null
    if (dateId)
      stmt(this.db, 'UPDATE meeting_dates SET participants_fingerprint = NULL WHERE id = ?').run(dateId)
  }
}
