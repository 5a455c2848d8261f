/**
 * The batch methods' dictionaries: `{"<group number>": {"<slot number>": [<user id>, ...]}}`, sent
 * as JSON. Every group and slot named must exist before anything is applied.
 */
import { invalid } from '../../framework/params'
import { UsosApiError, type CallContext } from '../../framework/types'
import { groupOf, type ExamRow, type GroupRow } from './rows'
import { hasSlot } from './slots'

export interface SlotUsers {
  group: GroupRow
  slot: number
  /** As sent: the result is keyed by these strings. */
  users: string[]
}

const isDict = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const NUMBER = /^[1-9]\d{0,8}$/

export function parseSlotValues(ctx: CallContext, exam: ExamRow, param: string, raw: string): SlotUsers[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw invalid(
      param,
      'expected a JSON dictionary {"<group number>": {"<slot number>": [<user id>, ...]}}.'
    )
  }
  // An empty JSON array is how many clients (PHP's json_encode) write an empty dictionary.
  if (Array.isArray(parsed) && parsed.length === 0) return []
  if (!isDict(parsed)) throw invalid(param, 'expected a dictionary of group numbers.')
  const out: SlotUsers[] = []
  for (const [g, slots] of Object.entries(parsed)) {
    if (!NUMBER.test(g)) throw invalid(param, `"${g}" is not a group number.`)
    if (!isDict(slots)) throw invalid(param, `group ${g}: expected a dictionary of slot numbers.`)
    const group = groupOf(ctx.db, exam.id, Number(g))
    if (!group)
      throw new UsosApiError(400, 'object_not_found', `Exam ${exam.id} has no group ${g}.`, {
        param_name: param
      })
    for (const [s, users] of Object.entries(slots)) {
      if (!NUMBER.test(s)) throw invalid(param, `group ${g}: "${s}" is not a slot number.`)
      if (!hasSlot(group, Number(s)))
        throw new UsosApiError(400, 'object_not_found', `Group ${g} of exam ${exam.id} has no slot ${s}.`, {
          param_name: param
        })
      if (!Array.isArray(users)) throw invalid(param, `group ${g}, slot ${s}: expected a list of user IDs.`)
      const ids = users.map((u) => {
        const id = typeof u === 'number' && Number.isSafeInteger(u) && u > 0 ? String(u) : u
        if (typeof id !== 'string' || !/^\d{1,15}$/.test(id))
          throw invalid(param, `group ${g}, slot ${s}: ${JSON.stringify(u)} is not a user ID.`)
        return id
      })
      out.push({ group, slot: Number(s), users: ids })
    }
  }
  return out
}
