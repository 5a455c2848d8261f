/**
 * The administrative batch methods. Everything is validated before anything is applied, and a
 * whole call runs in one transaction: it either applies completely or not at all.
 */
import type { CallContext, MethodDef } from '../../../framework/types'
import { parseSlotValues, type SlotUsers } from '../batch-values'
import { registerOne, unregisterOne, type RegisterStatus, type UnregisterStatus } from '../registration'
import { sessionById, type ExamRow } from '../rows'
import { examOf } from './common'

type Nested = Record<string, Record<string, Record<string, RegisterStatus>>>

/** One status per user in flat answers: a success anywhere stands, otherwise the first answer. */
function keep<S extends string>(out: Record<string, S>, user: string, status: S): void {
  if (out[user] === undefined || (status === 'success' && out[user] !== 'success')) out[user] = status
}

function registerAll(ctx: CallContext, exam: ExamRow, values: SlotUsers[]) {
  const status = sessionById(ctx.db, exam.session_id)?.status ?? 'closed'
  const nested: Nested = {}
  const flat: Record<string, RegisterStatus> = {}
  for (const { group, slot, users } of values) {
    const bySlot = (nested[String(group.number)] ??= {})
    const statuses = (bySlot[String(slot)] ??= {})
    for (const u of users) {
      // The same user twice in one list is one request, answered once.
      if (statuses[u] !== undefined) continue
      statuses[u] = registerOne(ctx.db, exam, status, group, slot, u)
      keep(flat, u, statuses[u])
    }
  }
  return { nested, flat }
}

function unregisterAll(ctx: CallContext, exam: ExamRow, values: SlotUsers[]) {
  const flat: Record<string, UnregisterStatus> = {}
  for (const { group, slot, users } of values)
    for (const u of users) keep(flat, u, unregisterOne(ctx.db, exam, group, slot, u))
  return flat
}

/** Required parameters first (param_missing), then the exam (object_not_found), then the values. */
function prepare(ctx: CallContext, params: string[]) {
  const examId = ctx.params.requiredInt('exam_id')
  const raw = params.map((p) => ctx.params.requiredString(p))
  const exam = examOf(ctx, examId)
  return { exam, values: params.map((p, i) => parseSlotValues(ctx, exam, p, raw[i] as string)) }
}

export const batchMethods: MethodDef[] = [
  {
    name: 'exams/batch_register_exam',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const { exam, values } = prepare(ctx, ['values'])
      return ctx.db.transaction(() => registerAll(ctx, exam, values[0] ?? []).nested)()
    }
  },
  {
    name: 'exams/batch_unregister_exam',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const { exam, values } = prepare(ctx, ['values'])
      return ctx.db.transaction(() => unregisterAll(ctx, exam, values[0] ?? []))()
    }
  },
  {
    // Unregisters first, so that moving a student to another slot in one call succeeds.
    name: 'exams/batch_registration',
    auth: 'consumer',
    administrative: true,
    handler: (ctx) => {
      const { exam, values } = prepare(ctx, ['unregister', 'register'])
      return ctx.db.transaction(() => ({
        unregister: unregisterAll(ctx, exam, values[0] ?? []),
        register: registerAll(ctx, exam, values[1] ?? []).flat
      }))()
    }
  }
]
