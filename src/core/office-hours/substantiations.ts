/**
 * A faculty's rejection substantiations (services/meetings/get_rejection_substantiations), read
 * live and kept, so that rejecting offline still offers them. Ids kept as strings whatever USOS
 * sends; a malformed entry (no id) is left out rather than offered.
 */
import type Database from 'better-sqlite3'
import type { LangDict, SubstantiationView } from '../../shared/types'
import { liveRead } from '../app/live-read'
import type { UsosCaller } from '../sync/engine'
import { langDict } from '../sync/wire'

const noText: LangDict = { pl: null, en: null }

export function toSubstantiations(answer: unknown): SubstantiationView[] {
  if (!Array.isArray(answer)) return []
  return answer.flatMap((s): SubstantiationView[] => {
    const o = (s ?? {}) as Record<string, unknown>
    if (typeof o.id !== 'string' && typeof o.id !== 'number') return []
    return [{ id: String(o.id), name: langDict(o.name) ?? noText, message: langDict(o.message) ?? noText }]
  })
}

export async function rejectionSubstantiations(
  db: Database.Database,
  caller: UsosCaller,
  facultyId: string,
  withParents: boolean
): Promise<SubstantiationView[]> {
  const { value } = await liveRead(
    db,
    `rejection_substantiations:${facultyId}${withParents ? '' : ':own'}`,
    async () =>
      toSubstantiations(
        await caller.call('services/meetings/get_rejection_substantiations', {
          fac_id: facultyId,
          with_parents: withParents,
          fields: 'id|name|message'
        })
      )
  )
  return value
}
