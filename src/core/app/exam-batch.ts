/**
 * Batch registration to an exam for administrative consumer keys (exams/batch_register_exam,
 * batch_unregister_exam): one call for a list of users, each answered with its own status. USOS
 * applies a batch whole or not at all and answers "already registered" for what is already so, so
 * a batch sent again applies nothing twice. Online only: there is nothing to show offline.
 */
import { AppError } from '../../shared/errors'
import { isUsosError } from '../usos/errors'
import { stmt } from '../mirror/statements'
import type { OfficeHours } from './office-hours'

export type BatchAction = 'register' | 'unregister'
export interface BatchResult {
  userId: string
  status: string
}

export async function batchExamRegistration(
  officeHours: OfficeHours,
  input: { examId: string; groupNumber: number; slot: number; userIds: string[]; action: BatchAction }
): Promise<BatchResult[]> {
  const users = [...new Set(input.userIds.map((u) => u.trim()).filter(Boolean))]
  if (users.length === 0)
    throw new AppError(
      'invalid_argument',
      'Give at least one USOS user ID.',
      { field: 'userIds' },
      { key: 'noUserIds' }
    )
  const bad = users.find((u) => !/^\d{1,12}$/.test(u))
  if (bad)
    throw new AppError(
      'invalid_argument',
      `"${bad}" is not a USOS user ID.`,
      { field: 'userIds' },
      { key: 'notAUserId', params: { value: bad } }
    )
  const values = JSON.stringify({ [String(input.groupNumber)]: { [String(input.slot)]: users } })
  const account = await officeHours.ready(officeHours.account())
  let answer: unknown
  try {
    answer = await officeHours
      .caller(account)
      .call<unknown>(
        input.action === 'register'
          ? 'services/exams/batch_register_exam'
          : 'services/exams/batch_unregister_exam',
        { exam_id: input.examId, values }
      )
  } catch (error) {
    if (isUsosError(error) && (error.kind === 'forbidden' || error.usosCode === 'method_forbidden'))
      throw new AppError(
        'forbidden',
        'Batch registration needs an administrative consumer key: this account signed in with an ordinary one.',
        undefined,
        { key: 'needsAdminKey' }
      )
    throw error
  }
  // register answers {group: {slot: {user: status}}}; unregister answers {user: status}.
  const flat: Record<string, unknown> = {}
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (typeof x === 'string') flat[k] = x
      else walk(x)
    }
  }
  walk(answer)
  // The attendee lists changed: the next sync reads the exams again.
  stmt(officeHours.mirror(), "DELETE FROM sync_state WHERE key = 'exams_synced_at'").run()
  return users.map((userId) => ({
    userId,
    status: typeof flat[userId] === 'string' ? (flat[userId] as string) : 'unknown'
  }))
}
